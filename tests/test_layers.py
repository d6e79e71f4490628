"""The import graph of the package: layers point down, no module takes another's private names, and each concern
has one name across models, plotting and widgets. Read from the source (imports inside functions count too)."""

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "alliancelab"
#: The runtime: what a student's kernel may import. The tools (alliancelab.instructor, alliancelab.cli) are not.
RUNTIME = (
    "alliancelab.data",
    "alliancelab.models",
    "alliancelab.plotting",
    "alliancelab.widgets",
    "alliancelab.checks",
    "alliancelab.simulation",
    "alliancelab.events",
    "alliancelab.brief",
    "alliancelab.lessons",
    "alliancelab.validation",
    "alliancelab.errors",
)


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {module_name(p): ast.parse(p.read_text(encoding="utf-8")) for p in PACKAGE.rglob("*.py")}


def imported(name: str) -> set[str]:
    """The alliancelab modules that ``name`` imports anywhere in its source (``from pkg import mod`` gives mod)."""
    found = set()
    for node in ast.walk(MODULES[name]):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names if alias.name.startswith("alliancelab")}
        elif isinstance(node, ast.ImportFrom) and (node.module or "").startswith("alliancelab"):
            for alias in node.names:
                child = f"{node.module}.{alias.name}"
                found.add(child if child in MODULES else node.module)
    return found


def reachable(start: str) -> set[str]:
    """Every alliancelab module that importing ``start`` (and calling its functions) can load."""
    seen, todo = set(), [start]
    while todo:
        name = todo.pop()
        for parent in (name.rsplit(".", i)[0] for i in range(name.count("."), 0, -1)):
            if parent not in seen and parent in MODULES:  # importing a.b.c runs a/__init__ and a/b/__init__
                seen.add(parent)
                todo.append(parent)
        for other in imported(name) - seen:
            seen.add(other)
            todo.append(other)
    return seen


def under(name: str, *packages: str) -> bool:
    return any(name == p or name.startswith(p + ".") for p in packages)


ABOVE_CHECKS = ("alliancelab.plotting", "alliancelab.widgets", "alliancelab.instructor", "alliancelab.cli")


def test_checks_reach_only_data_and_models():
    """Every module of the package (checks/__init__ imports each setNN module by name)."""
    for name in [m for m in MODULES if under(m, "alliancelab.checks")]:
        above = {m for m in reachable(name) if under(m, *ABOVE_CHECKS)}
        assert not above, name


@pytest.mark.parametrize(
    "layer, not_below",
    [
        ("alliancelab.models", ("alliancelab.plotting", "alliancelab.widgets", "alliancelab.checks")),
        ("alliancelab.plotting", ("alliancelab.widgets", "alliancelab.checks")),
        ("alliancelab.data", ("alliancelab.models", "alliancelab.plotting", "alliancelab.widgets")),
    ],
)
def test_layers_point_down(layer, not_below):
    for name in [m for m in MODULES if under(m, layer)]:
        assert not {m for m in reachable(name) if under(m, *not_below)}, name


def test_the_runtime_never_imports_the_instructor_tools():
    for name in [m for m in MODULES if under(m, *RUNTIME)]:
        assert not {m for m in reachable(name) if under(m, "alliancelab.instructor", "alliancelab.cli")}, name


def test_no_module_uses_another_modules_private_names():
    offences = []
    for name, tree in MODULES.items():
        modules = {}  # local name -> alliancelab module it stands for
        for node in ast.walk(tree):
            if isinstance(node, ast.ImportFrom) and (node.module or "").startswith("alliancelab"):
                for alias in node.names:
                    if alias.name.startswith("_") and node.module != name:
                        offences.append(f"{name}: from {node.module} import {alias.name}")
                    if f"{node.module}.{alias.name}" in MODULES:
                        modules[alias.asname or alias.name] = f"{node.module}.{alias.name}"
        for node in ast.walk(tree):
            if (
                isinstance(node, ast.Attribute)
                and isinstance(node.value, ast.Name)
                and node.value.id in modules
                and node.attr.startswith("_")
                and not node.attr.startswith("__")
            ):
                offences.append(f"{name}: {node.value.id}.{node.attr}")
    assert not offences


def test_one_name_per_concern():
    """A widget module has the name of its figures; a figure module the name of its model, except the trade
    figures (two models: tariffs, two_level_game), the timeline (alliancelab.events), the style, the base map
    (coastlines shared by every map), the layered rendering every explorer uses and the concept map (the course's
    own structure, no model)."""
    names = {
        layer: {m.rsplit(".", 1)[1] for m in MODULES if m.startswith(f"alliancelab.{layer}.")}
        for layer in ("models", "plotting", "widgets")
    }
    assert names["widgets"] - {"base"} <= names["plotting"]
    assert names["plotting"] - {"basemap", "concepts", "layers", "style", "timeline", "trade"} <= names["models"]
