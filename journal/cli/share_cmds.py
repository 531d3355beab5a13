"""Sharing from the terminal: the terms and allow lists, export, and the export log."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from journal.api import Journal
from journal.cli import EXIT_USAGE
from journal.cli.filters import add_filter_flags, filter_from_args
from journal.cli.output import print_json
from journal.format import counted, plural
from journal.share import (
    DETAILS,
    FORMATS,
    INCLUDES,
    ExportExists,
    ExportRecord,
    ShareOptions,
    build_summary,
    export_bytes,
    export_log,
    lists,
    record_export,
    render,
)

LIST_ACTIONS = ("add", "remove", "list")


def _need_words(args: argparse.Namespace, what: str) -> bool:
    if args.action != "list" and not args.words:
        print(f"Give at least one {what} to {args.action}.", file=sys.stderr)
        return False
    return True


def cmd_terms(args: argparse.Namespace, journal: Journal, out: TextIO) -> int:
    if not _need_words(args, "term"):
        return EXIT_USAGE
    if args.action == "add":
        items = lists.add_terms(journal, args.words, args.kind or "client")
        print(f"Added {len(args.words)} {args.kind or 'client'} term(s); "
              f"{len(items)} in the list.", file=out)
        return 0
    if args.action == "remove":
        items, missing = lists.remove_terms(journal, args.words)
        for word in missing:
            print(f"Not in the terms list: {word}", file=sys.stderr)
        print(f"{len(items)} term(s) left.", file=out)
        return 0
    shown = [t for t in lists.terms(journal) if args.kind in (None, t.kind)]
    if args.json:
        print_json([{"text": t.text, "kind": t.kind} for t in shown], out)
    elif not shown:
        print("No terms yet. Add names of clients, people and projects with "
              "'offscript terms add --kind client NAME'.", file=out)
    else:
        for term in shown:
            print(f"{term.kind:8}  {term.text}", file=out)
    return 0


Handler = Callable[[argparse.Namespace, Journal, TextIO], int]


def _cmd_words(key: str, label: str) -> Handler:
    def handler(args: argparse.Namespace, journal: Journal, out: TextIO) -> int:
        if not _need_words(args, "word"):
            return EXIT_USAGE
        if args.action == "add":
            items = lists.add_words(journal, key, args.words)
            print(f"{len(items)} word(s) in the {label} list.", file=out)
        elif args.action == "remove":
            items, missing = lists.remove_words(journal, key, args.words)
            for word in missing:
                print(f"Not in the {label} list: {word}", file=sys.stderr)
            print(f"{len(items)} word(s) left in the {label} list.", file=out)
        elif args.json:
            print_json(lists.words(journal, key), out)
        else:
            for word in lists.words(journal, key):
                print(word, file=out)
        return 0
    return handler


def _counts_line(record: ExportRecord) -> str:
    if not record.redactions:
        return "Redacted: nothing."
    return "Redacted: " + ", ".join(counted(n, c) for c, n in record.redactions)


def cmd_export(args: argparse.Namespace, journal: Journal, out: TextIO) -> int:
    opts = ShareOptions(detail=args.detail, include=args.include, flt=filter_from_args(args),
                        fmt=args.format, fold_small_groups=not args.no_fold,
                        linkable=args.linkable)
    summary = build_summary(journal, opts)
    data = render(summary, opts.fmt)
    if args.output == "-":
        buffer = getattr(out, "buffer", None)
        if buffer is not None:
            out.flush()
            buffer.write(data)
            buffer.flush()
        else:
            out.write(data.decode("utf-8"))
        record = record_export(journal, summary, opts, data, "-")
        print(_counts_line(record), file=sys.stderr)
        return 0
    path = Path(args.output)
    try:
        record = export_bytes(journal, summary, opts, data, path, overwrite=args.force)
    except ExportExists:
        raise ExportExists(f"{path} already exists; pass --force to overwrite it, or choose "
                           "another name with -o.") from None
    print(_counts_line(record), file=sys.stderr)
    print(f"Wrote {path.name}: {plural(record.entries, 'entry')}, detail {record.detail}, "
          f"{record.size:,} bytes, sha256 {record.sha256[:12]}…", file=sys.stderr)
    return 0


def cmd_exports(args: argparse.Namespace, journal: Journal, out: TextIO) -> int:
    log = export_log(journal)
    if args.json:
        print_json(log, out)
        return 0
    if not log:
        print("Nothing exported yet.", file=out)
        return 0
    print(f"{'WHEN':19}  {'FORMAT':6}  {'DETAIL':7}  {'ENTRIES':>7}  {'SHA256':12}  FILE", file=out)
    for r in log:
        print(f"{r['when']:19}  {r['format']:6}  {r['detail']:7}  {r['entries']:>7}  "
              f"{r['sha256'][:12]:12}  {r['file']}", file=out)
    return 0


def _list_parsers(sub: argparse._SubParsersAction, name: str, help_: str,  # type: ignore[type-arg]
                  what: str, handler: Handler, *, kinds: bool = False) -> None:
    """`NAME add|remove|list [WORD…]`, each action a subcommand so options may go anywhere."""
    p: argparse.ArgumentParser = sub.add_parser(name, help=help_, description=help_)
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    for action in LIST_ACTIONS:
        a = actions.add_parser(action, help=f"{action} {what}s" if action != "list"
                               else f"list the {what}s")
        if action != "list":
            a.add_argument("words", nargs="+", metavar=what.upper())
        else:
            a.add_argument("--json", action="store_true", help="list as JSON")
        if kinds:
            a.add_argument("--kind", choices=lists.TERM_KINDS,
                           help="what the term names" + (" (default: client)"
                                                         if action == "add" else ""))
        a.set_defaults(handler=handler, words=[], json=False, kind=None)


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    _list_parsers(sub, "terms", "names to always hide when sharing (clients, people, "
                  "projects, domains)", "term", cmd_terms, kinds=True)
    _list_parsers(sub, "allow", "words never to redact (a product or team name that looks "
                  "like a person's name)", "word", _cmd_words(lists.ALLOW_KEY, "allow"))
    _list_parsers(sub, "keep", "uncertain words you chose to keep in the Share preview",
                  "word", _cmd_words(lists.KEEP_KEY, "keep"))

    p = sub.add_parser(
        "export", help="write an anonymized summary to share",
        description="Write an anonymized summary (names, clients, e-mails, keys… replaced). "
        "What was redacted is printed to standard error, by category.")
    p.add_argument("--format", choices=FORMATS, default="md")
    p.add_argument("--detail", choices=DETAILS, default="totals",
                   help="totals: numbers only; lessons: + lessons and what broke; "
                   "full: + titles, prompts and tags (default: totals)")
    p.add_argument("--include", choices=INCLUDES, default="marked",
                   help="entries marked to share (default) or all")
    add_filter_flags(p)
    p.add_argument("--linkable", action="store_true",
                   help="stable pseudonyms across exports (Person-3f9a2c instead of Person 1)")
    p.add_argument("--no-fold", action="store_true",
                   help="keep tools and categories with fewer than 3 entries apart")
    p.add_argument("-o", "--output", required=True, metavar="FILE",
                   help="where to write ('-' for standard output)")
    p.add_argument("--force", action="store_true", help="overwrite FILE if it exists")
    p.set_defaults(handler=cmd_export)

    p = sub.add_parser("exports", help="list what you exported before (kept in the journal)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_exports)
