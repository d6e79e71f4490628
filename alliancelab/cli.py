"""The ``alliancelab`` command: every instructor tool as a subcommand.

    alliancelab generate | grade | report | kinds | quiz | release | site | present | links | notebooks

Each subcommand imports only what it needs when it runs (``alliancelab quiz`` loads neither nbgrader nor
matplotlib nor ipywidgets). Bad input gets one line on stderr and exit code 2.
"""

import argparse
import sys
from pathlib import Path

from alliancelab.errors import AllianceLabError


class _Parser(argparse.ArgumentParser):
    """An argument parser whose errors are one line: what is wrong, and where to find the usage."""

    def error(self, message):
        self.exit(2, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def _generate(args):
    from alliancelab.instructor import generate as gen

    if args.solutions and not args.solutions.is_dir():
        raise AllianceLabError(f"--solutions {args.solutions} is not a folder")
    for path in gen.generate(args.solutions or gen.SOLUTIONS, args.exercises or gen.EXERCISES):
        print(f"wrote {path}")


def _grade(args):
    from alliancelab.instructor import generate as gen
    from alliancelab.instructor import grade as gr

    if (args.timeout is not None and args.timeout <= 0) or args.jobs < 1:
        raise AllianceLabError("--timeout must be positive and --jobs at least 1")
    if args.no_sandbox:
        print(
            "warning: --no-sandbox: student code runs unconfined, with your files and the network open to it; "
            "grade only submissions you trust this way",
            file=sys.stderr,
        )
    rows = gr.grade(
        args.submissions,
        args.out,
        timeout=args.timeout or gr.DEFAULT_TIMEOUT,
        jobs=args.jobs,
        solutions=args.solutions or gen.SOLUTIONS,
        use_sandbox=not args.no_sandbox,
    )
    for submission in dict.fromkeys(r.submission for r in rows):
        mine = [r for r in rows if r.submission == submission]
        earned = sum(r.points for r in mine if isinstance(r.points, (int, float)))
        print(
            f"{submission}: {earned:g}/{sum(r.max_points for r in mine if r.status != 'manual'):g} "
            f"({', '.join(sorted({r.status for r in mine}))})"
        )
    print(f"gradebook: {args.out}")


def _report(args):
    from alliancelab.instructor import report as rp

    print(f"wrote {rp.report(args.gradebook, args.out)}")


def _kinds(args):
    from alliancelab.instructor import generate as gen
    from alliancelab.instructor import kinds

    print(kinds.markdown(kinds.table(args.solutions or gen.SOLUTIONS)))


def _quiz(args):
    from alliancelab.instructor import quiz as qz

    text = qz.export(args.lesson, args.format)
    if args.out:
        args.out.write_text(text + "\n", encoding="utf-8")
        print(f"wrote {args.out}")
    else:
        print(text)


def _release(args):
    from alliancelab.instructor import release

    release.release(args.out, repo=args.repo, git=args.git)
    print(f"wrote the student tree in {args.out}" + (" and committed it" if args.git else ""))


def _site(args):
    from alliancelab.instructor import site

    built = site.build(args.out or site.DEFAULT_OUT, repo=args.repo, ref=args.ref, hub=args.hub)
    print(f"students: open {built['student'] / 'index.html'}; instructors: open {built['instructor'] / 'index.html'}")


def _present(args):
    import subprocess

    from alliancelab.instructor import present

    if not args.lesson:
        raise AllianceLabError(
            f"say which lesson to present, e.g. make present LESSON=02 (lessons available: {present.choices()})"
        )
    command = present.voila_command(
        present.lesson_notebook(args.lesson), port=args.port, open_browser=not args.no_browser
    )
    try:
        return subprocess.call(command, env=present.voila_env())
    except KeyboardInterrupt:
        return 0


def _links(args):
    from alliancelab.instructor import links

    notebook = args.notebook or links.START
    print("Binder:      ", links.binder_url(args.repo, args.ref, notebook))
    print("Badge:       ", links.binder_badge(args.repo, args.ref, notebook))
    print("Presentation:", links.binder_url(args.repo, args.ref, notebook, view="voila"))
    if args.hub:
        print("JupyterHub:  ", links.nbgitpuller_url(args.hub, args.repo, args.ref, notebook))


def _notebooks(args):
    from alliancelab.instructor import notebooks

    missing = [str(path) for path in args.paths if not path.is_file()]
    if missing:
        raise AllianceLabError(f"no such notebook: {', '.join(missing)}")
    for path in args.paths:
        print(f"executing {path}")
        notebooks.execute(path)


def parser() -> argparse.ArgumentParser:
    """The command line: one subcommand per tool (the tools are imported only when one runs)."""
    main_parser = _Parser(prog="alliancelab", description=__doc__.splitlines()[0])
    commands = main_parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def command(name, run, help_text):
        sub = commands.add_parser(name, help=help_text, description=help_text)
        sub.set_defaults(run=run)
        return sub

    generate = command("generate", _generate, "write exercises/ from solutions/ (student versions)")
    generate.add_argument("--solutions", type=Path, help="instructor notebooks (default solutions/)")
    generate.add_argument("--exercises", type=Path, help="where to write (default exercises/)")

    grade = command("grade", _grade, "grade submitted notebooks into a CSV gradebook (runs student code)")
    grade.add_argument("submissions", nargs="+", type=Path, metavar="SUBMISSION")
    grade.add_argument("--out", type=Path, required=True, help="gradebook CSV (rows are appended)")
    grade.add_argument("--timeout", type=float, help="seconds per notebook (default: the grader's limit)")
    grade.add_argument("--jobs", type=int, default=1, help="submissions graded in parallel")
    grade.add_argument("--solutions", type=Path, help="instructor notebooks (default solutions/)")
    grade.add_argument(
        "--no-sandbox",
        action="store_true",
        help="run student code without the bubblewrap sandbox (unsafe: files and network are open)",
    )

    report = command("report", _report, "summarise a gradebook: report.md and a figure of mean scores")
    report.add_argument("gradebook", type=Path, metavar="GRADEBOOK", help="CSV written by `alliancelab grade`")
    report.add_argument("--out", type=Path, required=True, metavar="DIR", help="folder for report.md and the figure")

    kinds = command("kinds", _kinds, "tasks and points per exercise set by kind, and the share in written answers")
    kinds.add_argument("--solutions", type=Path, help="instructor notebooks (default solutions/)")

    quiz = command("quiz", _quiz, "export a lesson quiz with its answer key (Markdown or Moodle GIFT)")
    quiz.add_argument("lesson", type=int, metavar="LESSON", help="lesson number, e.g. 2")
    quiz.add_argument("--format", default="markdown", help="markdown (paper, the default) or gift (Moodle)")
    quiz.add_argument("--out", type=Path, help="file to write (default: print to the screen)")

    release = command("release", _release, "write the student tree (no solutions, hidden tests, keys or notes)")
    release.add_argument("out", type=Path, metavar="OUT", help="new or empty folder, or an earlier release")
    release.add_argument("--repo", help="the class repository on GitHub, OWNER/REPO (for the Binder link)")
    release.add_argument("--git", action="store_true", help="commit the tree in a git repository in OUT")

    site = command("site", _site, "the course website (Jupyter Book): a student site and an instructor site")
    site.add_argument("--out", type=Path, help="student site folder (default build/site; instructors: OUT-instructor)")
    site.add_argument("--repo", help="the class repository on GitHub, OWNER/REPO (for the launch buttons)")
    site.add_argument("--ref", default="main", help="its branch for the launch buttons (default main)")
    site.add_argument("--hub", help="JupyterHub host for the nbgitpuller launch button, e.g. hub.example.edu")

    present = command("present", _present, "present a lesson in Voila: text, figures and widgets, no code")
    present.add_argument("lesson", nargs="?", default="", metavar="LESSON", help="lesson number, e.g. 02")
    present.add_argument("--port", type=int, help="port for Voila (default 8866)")
    present.add_argument("--no-browser", action="store_true", help="do not open a browser tab")

    links = command("links", _links, "Binder, badge, presentation and JupyterHub links for a class repository")
    links.add_argument("repo", metavar="OWNER/REPO", help="the class repository on GitHub")
    links.add_argument("--ref", default="main", help="branch or tag (default main)")
    links.add_argument("--notebook", help="notebook to open (default notebooks/00_start_here.ipynb)")
    links.add_argument("--hub", help="JupyterHub host for an nbgitpuller link, e.g. hub.example.edu")

    notebooks = command("notebooks", _notebooks, "run notebooks top to bottom and store their outputs")
    notebooks.add_argument("paths", nargs="+", type=Path, metavar="NOTEBOOK")
    return main_parser


def main(argv=None) -> int:
    """Run one subcommand; a bad input exits with code 2 and one line saying what to fix."""
    args = parser().parse_args(argv)
    try:
        return args.run(args) or 0
    except AllianceLabError as err:
        sys.stderr.write(f"alliancelab {args.command}: error: {err}\n")
        raise SystemExit(2) from None


if __name__ == "__main__":
    sys.exit(main())
