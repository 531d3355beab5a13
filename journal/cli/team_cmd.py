"""`offscript team`: combine summaries colleagues exported into one team report. Needs no
journal: it reads only the files given. Heavy modules load when the command runs."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO

from journal.cli import EXIT_USAGE
from journal.format import hours, plural

FORMATS = ("md", "html", "json")
DEFAULT_K = 3


def _k(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < DEFAULT_K:
        raise argparse.ArgumentTypeError(
            f"k can be raised for more privacy, not lowered below {DEFAULT_K} (got {value})")
    return value


def cmd_team(args: argparse.Namespace, out: TextIO) -> int:
    from journal.share.export import ExportExists, write_bytes
    from journal.team import build_team_report, render_team

    report = build_team_report(args.paths, k=args.k)
    for s in report.skipped:
        print(f"skipped {s.file}: {s.reason}", file=sys.stderr)
    if not report.combined:
        print("offscript: no summary could be combined; nothing was written.", file=sys.stderr)
        return EXIT_USAGE
    data = render_team(report, args.format)
    if args.output == "-":
        buffer = getattr(out, "buffer", None)
        if buffer is not None:
            out.flush()
            buffer.write(data)
            buffer.flush()
        else:
            out.write(data.decode("utf-8"))
    else:
        path = Path(args.output)
        try:
            write_bytes(path, data, overwrite=args.force)
        except ExportExists as err:
            print(f"offscript: {err} (--force overwrites it)", file=sys.stderr)
            return EXIT_USAGE
    t = report.totals
    print(f"Team report: {plural(report.combined, 'summary')} from "
          f"{plural(report.contributors, 'contributor')}, {plural(t.entries, 'experiment')}, "
          f"net {hours(t.net_minutes)}; read {plural(report.files_read, 'file')}, "
          f"skipped {len(report.skipped)}.", file=sys.stderr)
    return 0


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "team", help="combine summaries colleagues shared into one team report",
        description="Combine JSON summaries (written by 'offscript export --format json') into "
        "one team report. Reads only the files given; every file is validated and a bad one "
        "is reported and skipped. Tools, categories and failure modes logged by fewer than k "
        "contributors are counted under 'other'.")
    p.add_argument("paths", nargs="+", metavar="FILE_OR_FOLDER",
                   help="summary files, or folders whose *.json files are read")
    p.add_argument("--format", choices=FORMATS, default="md")
    p.add_argument("--k", type=_k, default=DEFAULT_K, metavar="N",
                   help=f"fewest contributors a tool, category or failure mode needs to be "
                   f"shown by name (default and minimum: {DEFAULT_K})")
    p.add_argument("-o", "--output", required=True, metavar="FILE",
                   help="where to write ('-' for standard output)")
    p.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    p.set_defaults(handler=cmd_team, needs_journal=False)
