"""Links that open the module without installing anything: Binder and a JupyterHub (nbgitpuller).

    binder_url("OWNER/REPO")                       # mybinder.org, opens lessons at 00_start_here
    binder_badge("OWNER/REPO")                     # the Markdown badge for a README or course page
    binder_url("OWNER/REPO", notebook="notebooks/02_burden_sharing.ipynb", view="voila")  # presentation
    nbgitpuller_url("hub.example.edu", "OWNER/REPO")   # your university's JupyterHub
    nbgitpuller_url("hub.example.edu", "https://gitlab.example.edu/course/class.git")  # a repository elsewhere

Give the class repository written by ``alliancelab release`` (never this one: it holds the answers).
Binder builds it with repo2docker (environment.yml + postBuild). nbgitpuller clones the
repository into the student's home on the hub (into a folder named after the repository) the first
time the link is opened, and on later clicks merges updates without overwriting the student's edits.

    alliancelab links OWNER/REPO [--ref main] [--hub hub.example.edu]
"""

import re
from urllib.parse import quote, urlencode, urlsplit

from alliancelab.errors import AllianceLabError

BINDER = "https://mybinder.org"
BINDER_BADGE = "https://mybinder.org/badge_logo.svg"
START = "notebooks/00_start_here.ipynb"
_OWNER = r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})"
_REPO = r"[A-Za-z0-9._-]{1,100}"
_GITHUB = re.compile(rf"(?:https://github\.com/)?({_OWNER})/({_REPO}?)(?:\.git)?/?")
_REF = re.compile(r"[A-Za-z0-9._/-]{1,200}")
_HOST = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?(?::\d{1,5})?")


def github_repo(repo: str) -> tuple[str, str]:
    """("OWNER", "REPO") from "OWNER/REPO" or "https://github.com/OWNER/REPO(.git)"."""
    match = _GITHUB.fullmatch(repo.strip()) if isinstance(repo, str) else None
    if not match or match.group(2) in ("", ".", ".."):
        raise AllianceLabError(
            f"The repository must be a GitHub repository as OWNER/REPO "
            f"(e.g. 'myuniversity/alliance-politics-lab'), got {repo!r}."
        )
    return match.group(1), match.group(2)


def _ref(ref: str) -> str:
    if not isinstance(ref, str) or not _REF.fullmatch(ref) or ".." in ref or ref.startswith("/") or ref.endswith("/"):
        raise AllianceLabError(f"The ref must be a branch, tag or commit name such as 'main' or 'v1.0', got {ref!r}.")
    return ref


def _notebook(path: str) -> str:
    if not isinstance(path, str) or not path.strip():
        raise AllianceLabError(f"The notebook must be a path inside the repository such as {START!r}, got {path!r}.")
    parts = path.split("/")
    if path.startswith("/") or "\\" in path or any(part in ("", ".", "..") for part in parts):
        raise AllianceLabError(
            f"The notebook must be a relative path inside the repository with '/' between "
            f"folders, such as {START!r}, got {path!r}."
        )
    return path


VIEWS = {"lab": "lab/tree/", "voila": "voila/render/"}


def binder_url(repo: str, ref: str = "main", notebook: str = START, binder: str = BINDER, view: str = "lab") -> str:
    """The Binder link that builds ``repo`` at ``ref`` and opens ``notebook``.

    ``view="lab"`` opens it in JupyterLab; ``view="voila"`` shows it as a Voila presentation
    (text, figures and live widgets, no code).
    """
    owner, name = github_repo(repo)
    base = hub_base(binder, what="The Binder server")
    if view not in VIEWS:
        raise AllianceLabError(f"The view must be 'lab' or 'voila', got {view!r}.")
    urlpath = quote(VIEWS[view] + _notebook(notebook), safe="/")
    return f"{base}/v2/gh/{owner}/{name}/{quote(_ref(ref), safe='')}?urlpath={urlpath}"


def binder_badge(repo: str, ref: str = "main", notebook: str = START, fmt: str = "markdown") -> str:
    """The "launch binder" badge linking to :func:`binder_url`, as Markdown or HTML."""
    url = binder_url(repo, ref, notebook)
    if fmt == "markdown":
        return f"[![Binder]({BINDER_BADGE})]({url})"
    if fmt == "html":
        return f'<a href="{url.replace("&", "&amp;")}"><img src="{BINDER_BADGE}" alt="Launch on Binder"></a>'
    raise AllianceLabError(f"The badge format must be 'markdown' or 'html', got {fmt!r}.")


def hub_base(hub: str, what: str = "The JupyterHub address") -> str:
    """``https://host[:port][/prefix]`` from "host", "https://host" or "https://host/prefix"."""
    if not isinstance(hub, str) or not hub.strip():
        raise AllianceLabError(f"{what} must be a host name such as 'hub.example.edu', got {hub!r}.")
    text = hub.strip().rstrip("/")
    if "://" not in text:
        text = "https://" + text
    parts = urlsplit(text)
    if (
        parts.scheme not in ("http", "https")
        or not _HOST.fullmatch(parts.netloc)
        or parts.query
        or parts.fragment
        or "@" in hub
    ):
        raise AllianceLabError(
            f"{what} must be a host name such as 'hub.example.edu' or an http(s) address without query, got {hub!r}."
        )
    return f"{parts.scheme}://{parts.netloc}{parts.path}"


def _git_repo(repo: str) -> tuple[str, str]:
    """(clone URL, folder name) of "OWNER/REPO" on GitHub or of any https://, http:// or file:// git URL."""
    if isinstance(repo, str) and re.match(r"(https?|file)://", repo.strip()) and not _GITHUB.fullmatch(repo.strip()):
        url, parts = repo.strip().rstrip("/"), urlsplit(repo.strip())
        name = parts.path.strip("/").rsplit("/", 1)[-1].removesuffix(".git")
        if not re.fullmatch(_REPO, name) or name in (".", "..") or parts.query or parts.fragment:
            raise AllianceLabError(
                f"The repository URL must end in the repository's name, without query, "
                f"e.g. 'https://gitlab.example.edu/course/alliance-lab-class.git', got {repo!r}."
            )
        return url, name
    owner, name = github_repo(repo)
    return f"https://github.com/{owner}/{name}", name


def nbgitpuller_url(hub: str, repo: str, branch: str = "main", notebook: str = START) -> str:
    """The nbgitpuller link that clones ``repo`` on ``hub`` and opens ``notebook`` in JupyterLab.

    ``repo`` is "OWNER/REPO" on GitHub or the clone URL of a repository elsewhere (another git host,
    or ``file:///srv/class.git`` on the hub's own disk).
    """
    url, name = _git_repo(repo)
    query = {"repo": url, "branch": _ref(branch)}
    if not url.startswith("https://github.com/"):
        query["targetpath"] = name  # nbgitpuller would keep a ".git" ending in the folder's name
    query["urlpath"] = f"lab/tree/{name}/{_notebook(notebook)}"
    query = urlencode(query, quote_via=quote, safe="")
    return f"{hub_base(hub)}/hub/user-redirect/git-pull?{query}"
