"""The ``alliancelab`` command for instructors: generate exercises, grade submissions, report, export quizzes."""

import argparse
import sys
from pathlib import Path

from alliancelab.errors import AllianceLabError
from alliancelab.instructor import generate as gen, grade as gr, quiz as qz, report as rp


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(prog="alliancelab", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)

    generate = commands.add_parser("generate", help="write exercises/ from solutions/ (student versions)")
    generate.add_argument("--solutions", type=Path, default=gen.SOLUTIONS)
    generate.add_argument("--exercises", type=Path, default=gen.EXERCISES)

    grade = commands.add_parser("grade", help="grade submitted notebooks into a CSV gradebook (runs student code)")
    grade.add_argument("submissions", nargs="+", type=Path, metavar="SUBMISSION")
    grade.add_argument("--out", type=Path, required=True, help="gradebook CSV (rows are appended)")
    grade.add_argument("--timeout", type=float, default=gr.DEFAULT_TIMEOUT, help="seconds per notebook")
    grade.add_argument("--jobs", type=int, default=1, help="submissions graded in parallel")
    grade.add_argument("--solutions", type=Path, default=gen.SOLUTIONS)
    grade.add_argument("--no-sandbox", action="store_true",
                       help="run student code without the bubblewrap sandbox (unsafe: files and network are open)")

    report = commands.add_parser("report", help="summarise a gradebook: report.md and a figure of mean scores")
    report.add_argument("gradebook", type=Path, metavar="GRADEBOOK", help="CSV written by `alliancelab grade`")
    report.add_argument("--out", type=Path, required=True, metavar="DIR", help="folder for report.md and the figure")

    quiz = commands.add_parser("quiz", help="export a lesson quiz with its answer key (Markdown or Moodle GIFT)")
    quiz.add_argument("lesson", type=int, metavar="LESSON", help=f"lesson number, one of: {qz.available()}")
    quiz.add_argument("--format", choices=qz.FORMATS, default="markdown", help="markdown (paper) or gift (Moodle)")
    quiz.add_argument("--out", type=Path, help="file to write (default: print to the screen)")

    args = parser.parse_args(argv)
    if args.command == "quiz":
        try:
            text = qz.export(args.lesson, args.format)
        except AllianceLabError as err:
            parser.error(str(err))
        if args.out:
            args.out.write_text(text + "\n", encoding="utf-8")
            print(f"wrote {args.out}")
        else:
            print(text)
    elif args.command == "report":
        try:
            print(f"wrote {rp.report(args.gradebook, args.out)}")
        except AllianceLabError as err:
            parser.error(str(err))
    elif args.command == "generate":
        for path in gen.generate(args.solutions, args.exercises):
            print(f"wrote {path}")
    else:
        if args.timeout <= 0 or args.jobs < 1:
            parser.error("--timeout must be positive and --jobs at least 1")
        if args.no_sandbox:
            print("warning: --no-sandbox: student code runs unconfined, with your files and the network open to it; "
                  "grade only submissions you trust this way", file=sys.stderr)
        try:
            rows = gr.grade(args.submissions, args.out, timeout=args.timeout, jobs=args.jobs,
                            solutions=args.solutions, use_sandbox=not args.no_sandbox)
        except AllianceLabError as err:
            parser.error(str(err))
        for submission in dict.fromkeys(r.submission for r in rows):
            mine = [r for r in rows if r.submission == submission]
            earned = sum(r.points for r in mine if isinstance(r.points, (int, float)))
            print(f"{submission}: {earned:g}/{sum(r.max_points for r in mine if r.status != 'manual'):g} "
                  f"({', '.join(sorted({r.status for r in mine}))})")
        print(f"gradebook: {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
