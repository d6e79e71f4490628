"""Binder and nbgitpuller links: known outputs, encoding, and clear errors for bad input."""

import pytest

from alliancelab.cli import main
from alliancelab.errors import AllianceLabError
from alliancelab.instructor import links


def test_binder_url_default_opens_start_here():
    assert links.binder_url("myuni/alliance-lab") == (
        "https://mybinder.org/v2/gh/myuni/alliance-lab/main?urlpath=lab/tree/notebooks/00_start_here.ipynb"
    )


def test_binder_url_with_ref_and_notebook():
    assert (
        links.binder_url("https://github.com/myuni/alliance-lab.git", "v1.0", "notebooks/02_burden_sharing.ipynb")
        == "https://mybinder.org/v2/gh/myuni/alliance-lab/v1.0?urlpath=lab/tree/notebooks/02_burden_sharing.ipynb"
    )


def test_binder_url_encodes_branch_slashes_and_spaces_in_paths():
    url = links.binder_url("myuni/alliance-lab", "spring/2026", "notebooks/my lesson.ipynb")
    assert url == (
        "https://mybinder.org/v2/gh/myuni/alliance-lab/spring%2F2026?urlpath=lab/tree/notebooks/my%20lesson.ipynb"
    )


def test_binder_url_for_a_voila_presentation():
    url = links.binder_url("myuni/alliance-lab", notebook="notebooks/02_burden_sharing.ipynb", view="voila")
    assert url == (
        "https://mybinder.org/v2/gh/myuni/alliance-lab/main?urlpath=voila/render/notebooks/02_burden_sharing.ipynb"
    )
    with pytest.raises(AllianceLabError, match="'lab' or 'voila'"):
        links.binder_url("myuni/alliance-lab", view="classic")


def test_binder_badge_markdown_and_html():
    url = links.binder_url("myuni/alliance-lab")
    assert links.binder_badge("myuni/alliance-lab") == f"[![Binder](https://mybinder.org/badge_logo.svg)]({url})"
    assert links.binder_badge("myuni/alliance-lab", fmt="html") == (
        f'<a href="{url}"><img src="https://mybinder.org/badge_logo.svg" alt="Launch on Binder"></a>'
    )


def test_nbgitpuller_url_known_output():
    assert links.nbgitpuller_url("hub.example.edu", "myuni/alliance-lab") == (
        "https://hub.example.edu/hub/user-redirect/git-pull"
        "?repo=https%3A%2F%2Fgithub.com%2Fmyuni%2Falliance-lab&branch=main"
        "&urlpath=lab%2Ftree%2Falliance-lab%2Fnotebooks%2F00_start_here.ipynb"
    )


def test_nbgitpuller_url_keeps_hub_prefix_and_encodes_branch():
    url = links.nbgitpuller_url(
        "https://uni.example.org/jupyter/", "myuni/alliance-lab", "spring/2026", "notebooks/02_burden_sharing.ipynb"
    )
    assert url == (
        "https://uni.example.org/jupyter/hub/user-redirect/git-pull"
        "?repo=https%3A%2F%2Fgithub.com%2Fmyuni%2Falliance-lab&branch=spring%2F2026"
        "&urlpath=lab%2Ftree%2Falliance-lab%2Fnotebooks%2F02_burden_sharing.ipynb"
    )


def test_nbgitpuller_url_for_a_repository_elsewhere():
    url = links.nbgitpuller_url("http://127.0.0.1:8000", "file:///srv/class/alliance-lab-class.git")
    assert url == (
        "http://127.0.0.1:8000/hub/user-redirect/git-pull"
        "?repo=file%3A%2F%2F%2Fsrv%2Fclass%2Falliance-lab-class.git&branch=main&targetpath=alliance-lab-class"
        "&urlpath=lab%2Ftree%2Falliance-lab-class%2Fnotebooks%2F00_start_here.ipynb"
    )
    for bad in ["https://gitlab.example.edu/", "https://gitlab.example.edu/x/..", "https://git.example.edu/x?y=1"]:
        with pytest.raises(AllianceLabError, match="end in the repository's name"):
            links.nbgitpuller_url("hub.example.edu", bad)


@pytest.mark.parametrize(
    "repo", ["", "alliance-lab", "a/b/c", "myuni/..", "https://gitlab.com/x/y", None, 3, "my uni/lab", "-bad/owner"]
)
def test_bad_repository_is_a_clear_error(repo):
    with pytest.raises(AllianceLabError, match="OWNER/REPO"):
        links.binder_url(repo)


@pytest.mark.parametrize("ref", ["", "../main", "main branch", "/main", "main?x=1", None])
def test_bad_ref_is_a_clear_error(ref):
    with pytest.raises(AllianceLabError, match="branch, tag or commit"):
        links.binder_url("myuni/alliance-lab", ref)


@pytest.mark.parametrize(
    "notebook", ["", "/etc/passwd", "../secret.ipynb", "notebooks//x.ipynb", "notebooks\\x.ipynb", None]
)
def test_bad_notebook_path_is_a_clear_error(notebook):
    with pytest.raises(AllianceLabError, match="notebook must be"):
        links.nbgitpuller_url("hub.example.edu", "myuni/alliance-lab", notebook=notebook)


@pytest.mark.parametrize(
    "hub", ["", "ftp://hub.example.edu", "hub.example.edu?x=1", "user@hub.example.edu", "hub example.edu", None]
)
def test_bad_hub_is_a_clear_error(hub):
    with pytest.raises(AllianceLabError, match="JupyterHub address"):
        links.nbgitpuller_url(hub, "myuni/alliance-lab")


def test_bad_badge_format():
    with pytest.raises(AllianceLabError, match="'markdown' or 'html'"):
        links.binder_badge("myuni/alliance-lab", fmt="rst")


def test_command_line_prints_links(capsys):
    assert main(["links", "myuni/alliance-lab", "--hub", "hub.example.edu"]) == 0
    out = capsys.readouterr().out
    assert links.binder_url("myuni/alliance-lab") in out
    assert links.nbgitpuller_url("hub.example.edu", "myuni/alliance-lab") in out
    with pytest.raises(SystemExit) as exit_info:
        main(["links", "not-a-repo"])
    assert exit_info.value.code == 2
    assert "OWNER/REPO" in capsys.readouterr().err
