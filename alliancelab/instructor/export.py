"""Answer values as plain data: the kernel encodes them, the grader decodes them. Never pickle, never eval.

The grader asks the student's kernel for each answer variable; the kernel side (:func:`start`, :func:`emit`)
turns the value into JSON made of numbers, text, booleans, lists and tagged objects (a tuple, a set, a dict,
a NumPy array, a pandas Series or DataFrame in pandas' "split" layout, a timestamp) and sends it as one
display output of type :data:`MIME`. Anything else, or anything over :data:`MAX_ITEMS` values or
:data:`MAX_CHARS` characters of text, is sent as a tag saying so, not as the value. The grader side
(:func:`decode`) rebuilds plain Python and pandas values from that JSON and refuses anything malformed,
so a value crafted in the kernel can only ever be an answer, never code.
"""

import math

MIME = "application/vnd.alliancelab.answer+json"
MAX_ITEMS = 100_000  # values in one answer (a table's cells count one each)
MAX_CHARS = 1_000_000  # characters of text in one answer
MAX_DEPTH = 20

# The kernel side keeps its own references, taken when the grader's first cell imports this module
# (before any student code runs), so a student cell that patches builtins does not change them.
_type, _len, _str, _int, _float, _sorted, _list = type, len, str, int, float, sorted, list
_isinstance, _getattr, _hasattr, _repr, _isfinite = isinstance, getattr, hasattr, repr, math.isfinite
_bool, _tuple, _set, _frozenset, _dict = bool, tuple, set, frozenset, dict
_namespace = {}
_publish = None


class Unreadable(ValueError):
    """The exported data is not an answer value the grader can rebuild."""


# --- kernel side ---------------------------------------------------------------------------------------------------


def start(shell) -> None:
    """Remember the kernel's namespace and its display publisher (called by the grader's first cell)."""
    global _namespace, _publish
    _namespace, _publish = shell.user_ns, shell.display_pub.publish


def emit(variable: str) -> None:
    """Send the value of ``variable`` (or that it is not defined) as one display output."""
    if variable in _namespace:
        payload = {"value": encode(_namespace[variable])}
    else:
        payload = {"missing": True}
    _publish(data={MIME: payload}, metadata={})


class _TooLarge(Exception):
    pass


def encode(value):
    """``value`` as JSON-ready plain data, or a tag saying why it is not sent."""
    budget = [MAX_ITEMS, MAX_CHARS]
    try:
        encoded = _encode(value, budget, 0)
    except _TooLarge:
        return {"t": "too_large"}
    except Exception as err:  # a value whose own methods fail (or a patched library) is not sent
        return {"t": "unsupported", "type": _short_type(value), "why": _type(err).__name__}
    return encoded


def _short_type(value) -> str:
    return _str(_getattr(_type(value), "__name__", "?"))[:40]


def _spend(budget, items=1, chars=0):
    budget[0] -= items
    budget[1] -= chars
    if budget[0] < 0 or budget[1] < 0:
        raise _TooLarge


def _encode(value, budget, depth):
    if depth > MAX_DEPTH:
        raise _TooLarge
    kind = _type(value)
    module = _str(_getattr(kind, "__module__", "") or "")
    _spend(budget)
    if value is None or kind is _bool:
        return value
    if module.startswith("numpy"):
        return _numpy(value, budget, depth)
    if module.startswith("pandas"):
        return _pandas(value, kind.__name__, budget, depth)
    if _isinstance(value, _int):  # a subclass counts as the number it holds, whatever its methods say
        text = _int.__repr__(value)
        _spend(budget, 0, _len(text))
        return _int(text)
    if _isinstance(value, _float):
        number = _float.__float__(value)
        return number if _isfinite(number) else {"t": "float", "v": _float.__repr__(number)}
    if _isinstance(value, _str):
        text = _str.__str__(value)
        _spend(budget, 0, _len(text))
        return text
    if kind is _list or kind is _tuple:
        items = [_encode(v, budget, depth + 1) for v in value]
        return items if kind is _list else {"t": "tuple", "v": items}
    if kind is _set or kind is _frozenset:
        items = [_encode(v, budget, depth + 1) for v in value]
        return {"t": "set", "v": _sorted(items, key=_repr)}  # the same order in every run
    if kind is _dict:
        return {
            "t": "dict",
            "v": [[_encode(k, budget, depth + 1), _encode(v, budget, depth + 1)] for k, v in _dict.items(value)],
        }
    if module == "datetime":
        return {"t": "Timestamp", "v": _str(value.isoformat())[:40]}
    return {"t": "unsupported", "type": _short_type(value)}


def _numpy(value, budget, depth):
    if _getattr(value, "ndim", None) == 0 and _hasattr(value, "item"):
        item = value.item()
        if _type(item).__module__ != "builtins":  # datetime64 and the like
            return {"t": "Timestamp", "v": _str(value)[:40]}
        return _encode(item, budget, depth)
    if _type(value).__name__ == "ndarray":
        _spend(budget, _int(value.size))
        return {"t": "ndarray", "v": _encode(value.tolist(), budget, depth + 1)}
    return {"t": "unsupported", "type": _short_type(value)}


def _pandas(value, name, budget, depth):
    if name == "DataFrame":
        _spend(budget, _int(value.size))
        split = value.to_dict(orient="split")
        return {
            "t": "DataFrame",
            "columns": _encode(_list(split["columns"]), budget, depth + 1),
            "index": _encode(_list(split["index"]), budget, depth + 1),
            "data": _encode([_list(row) for row in split["data"]], budget, depth + 1),
        }
    if name == "Series":
        _spend(budget, _int(value.size))
        return {
            "t": "Series",
            "name": _encode(value.name, budget, depth + 1),
            "index": _encode(_list(value.index), budget, depth + 1),
            "v": _encode(_list(value), budget, depth + 1),
        }
    if name == "Timestamp":
        return {"t": "Timestamp", "v": _str(value.isoformat())[:40]}
    if name == "Timedelta":
        return {"t": "Timedelta", "v": _str(value.isoformat())[:40]}
    if name in ("NaTType", "NAType"):
        return None
    return {"t": "unsupported", "type": _short_type(value)}


# --- grader side ---------------------------------------------------------------------------------------------------


def decode(data):
    """The Python or pandas value that ``data`` (from :func:`encode`) stands for; raises :class:`Unreadable`."""
    import pandas as pd

    def rebuild(item, depth=0):
        if depth > MAX_DEPTH + 2:
            raise Unreadable("nested too deeply")
        if item is None or type(item) in (bool, int, float, str):
            return item
        if type(item) is list:
            return [rebuild(v, depth + 1) for v in item]
        if type(item) is not dict:
            raise Unreadable(f"unexpected {type(item).__name__}")
        tag = item.get("t")
        if tag == "float" and item.get("v") in ("nan", "inf", "-inf"):
            return float(item["v"])
        if tag in ("tuple", "set", "ndarray"):
            values = rebuild(_field(item, "v", list), depth + 1)
            return {"tuple": tuple, "set": set, "ndarray": _array}[tag](values)
        if tag == "dict":
            pairs = [rebuild(p, depth + 1) for p in _field(item, "v", list)]
            if not all(type(p) is list and len(p) == 2 for p in pairs):
                raise Unreadable("malformed dict")
            return {_hashable(k): v for k, v in pairs}
        if tag in ("Timestamp", "Timedelta"):
            maker = pd.Timestamp if tag == "Timestamp" else pd.Timedelta
            try:
                return maker(_field(item, "v", str))
            except ValueError:
                raise Unreadable(f"malformed {tag}") from None
        if tag == "Series":
            index = [_hashable(i) for i in rebuild(_field(item, "index", list), depth + 1)]
            return pd.Series(
                rebuild(_field(item, "v", list), depth + 1),
                index=index,
                name=_hashable(rebuild(item.get("name"), depth + 1)),
                dtype=None,
            )
        if tag == "DataFrame":
            columns = [_hashable(c) for c in rebuild(_field(item, "columns", list), depth + 1)]
            index = [_hashable(i) for i in rebuild(_field(item, "index", list), depth + 1)]
            rows = rebuild(_field(item, "data", list), depth + 1)
            if len(rows) != len(index) or not all(type(r) is list and len(r) == len(columns) for r in rows):
                raise Unreadable("malformed table")
            return pd.DataFrame(rows, index=index, columns=columns) if rows else pd.DataFrame(columns=columns)
        if tag == "too_large":
            raise Unreadable(f"it is larger than the grader reads ({MAX_ITEMS} values or {MAX_CHARS} characters)")
        if tag == "unsupported":
            raise Unreadable(
                f"it is of type {str(item.get('type', '?'))[:40]}, not a number, text, list, dict or table"
            )
        raise Unreadable("unknown kind of value")

    return rebuild(data)


def _field(item: dict, key: str, kind: type):
    value = item.get(key)
    if type(value) is not kind:
        raise Unreadable(f"malformed {item.get('t')}")
    return value


def _hashable(value):
    try:
        hash(value)
    except TypeError:
        raise Unreadable("a key or label is not hashable") from None
    return value


def _array(values):
    import numpy as np

    try:
        return np.array(values)
    except ValueError:  # ragged
        return np.array(values, dtype=object)


def describe(value) -> str:
    """A short one-line text of an answer for the gradebook (at most 60 characters)."""
    import pandas as pd

    if isinstance(value, pd.DataFrame):
        text = f"table ({value.shape[0]} rows x {value.shape[1]} columns: {', '.join(map(str, value.columns))})"
    elif isinstance(value, pd.Series):
        text = f"column of {len(value)} values"
    elif isinstance(value, set):  # sorted, so the text is the same in every run
        text = "{" + ", ".join(sorted(map(repr, value))) + "}"
    else:
        text = " ".join(repr(value).split())
    return text if len(text) <= 60 else text[:57] + "..."
