"""Commands over entries: add, list, show, edit, rm, trash, search."""

from __future__ import annotations

import argparse
import sys
from typing import Any, TextIO

from journal.api import TRASH_DAYS, Journal
from journal.cli import EXIT_USAGE
from journal.cli.ask import REQUIRED, Cancelled, ask_missing
from journal.cli.filters import add_filter_flags, filter_from_args
from journal.cli.output import print_entry, print_json, print_table
from journal.entries import FAILURE_MODES, MAX_PROMPT, OUTCOMES, SQLITE_MAX_INT
from journal.errors import ValidationError
from journal.format import plural, signed_minutes
from journal.query import SORTABLE
from journal.when import parse_when

# flag → entry field, for add and edit alike
FIELD_FLAGS = {
    "title": "title", "tool": "tool", "tool_version": "tool_version", "category": "category",
    "prompt": "prompt", "iterations": "iterations", "outcome": "outcome",
    "without": "minutes_without_ai", "with_ai": "minutes_with_ai", "broke": "what_broke",
    "mode": "failure_modes", "lesson": "lesson", "tag": "tags", "share": "share",
    "at": "occurred_at",
}


def whole_number(text: str) -> int:
    """argparse type for minutes and iterations: a short message, whatever was typed."""
    digits = text.strip()
    if len(digits.lstrip("+-")) > 30:  # also keeps int() under Python's digit limit
        raise argparse.ArgumentTypeError(f"far too large ({len(digits)} digits)")
    try:
        value = int(digits)
    except ValueError:
        raise argparse.ArgumentTypeError(f"must be a whole number (got {text[:40]!r})") from None
    if not -SQLITE_MAX_INT <= value <= SQLITE_MAX_INT:
        raise argparse.ArgumentTypeError(f"is out of range (got {value})")
    return value


def _field_flags(parser: argparse.ArgumentParser, *, editing: bool) -> None:
    g = parser.add_argument_group("entry fields")
    g.add_argument("--title", help="what you tried to do (1–200 characters)")
    g.add_argument("--tool", help="ChatGPT, Claude, Copilot, a local model…")
    g.add_argument("--tool-version", dest="tool_version", metavar="VERSION")
    g.add_argument("--category", help="writing, coding, analysis, research, support, ops, …")
    g.add_argument("--prompt", help="the prompt you used; '-' reads it from standard input")
    g.add_argument("--iterations", type=whole_number, help="how many tries it took (≥ 1)")
    g.add_argument("--outcome", choices=OUTCOMES)
    g.add_argument("--without", type=whole_number, metavar="MIN", help="minutes it would take by hand")
    g.add_argument("--with", dest="with_ai", type=whole_number, metavar="MIN",
                   help="minutes it took with AI, prompting and checking included")
    g.add_argument("--broke", metavar="TEXT", help="what broke")
    g.add_argument("--mode", action="append", choices=FAILURE_MODES, metavar="MODE",
                   help=f"failure mode, repeatable: {', '.join(FAILURE_MODES)}"
                   + (" (replaces the list)" if editing else ""))
    g.add_argument("--lesson", help="what you learned")
    g.add_argument("--tag", action="append", metavar="TAG",
                   help="a tag, repeatable" + (" (replaces the list)" if editing else ""))
    g.add_argument("--share", action=argparse.BooleanOptionalAction, default=None,
                   help="may this entry's text go into shared summaries (default: no)")
    g.add_argument("--at", metavar="WHEN",
                   help='when it happened: 2026-11-20T14:00, "yesterday 15:00", "2h ago", '
                   '"monday 9:30" (default: now)')


def read_prompt(stdin: TextIO) -> str:
    """The prompt from standard input: UTF-8 only, and never more than a prompt can hold
    (so `--prompt - < /dev/zero` stops at once instead of filling memory)."""
    limit = MAX_PROMPT * 4 + 1  # characters are at most 4 bytes in UTF-8
    raw = stdin.buffer.read(limit) if hasattr(stdin, "buffer") else stdin.read(limit)
    if isinstance(raw, bytes):
        try:
            raw = raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            raise ValidationError(
                "prompt", f"standard input is not UTF-8 text ({exc.reason} at byte {exc.start})"
            ) from None
    if len(raw) >= limit:
        raise ValidationError("prompt", f"standard input holds more than {MAX_PROMPT:,} characters")
    return str(raw)


def _fields(args: argparse.Namespace, stdin: TextIO) -> dict[str, Any]:
    data: dict[str, Any] = {}
    for flag, name in FIELD_FLAGS.items():
        value = getattr(args, flag, None)
        if value is None:
            continue
        if flag == "prompt" and value == "-":
            value = read_prompt(stdin)
        if flag == "at":
            value = parse_when(value).isoformat()
        data[name] = value
    return data


def cmd_add(args: argparse.Namespace, journal: Journal, out: TextIO, *,
            stdin: TextIO | None = None, interactive: bool | None = None) -> int:
    stdin = stdin or sys.stdin
    data = _fields(args, stdin)
    if getattr(args, "template", None):  # the template fills in; flags given win
        data = {**journal.templates.get(args.template).fields(), **data}
    if interactive is None:
        interactive = stdin.isatty() and sys.stderr.isatty() and args.prompt != "-"
    if interactive and any(name not in data for name in REQUIRED):
        try:  # still missing at a terminal: ask, one field at a time
            data = ask_missing(data, journal, stdin, sys.stderr)
        except Cancelled:
            print("Cancelled; nothing was added.", file=sys.stderr)
            return 130
    entry = journal.add(data)
    if args.json:
        print_json(entry.to_dict(), out)
    else:
        print(f"Added {entry.id[:8]} — {entry.title} ({signed_minutes(entry.net_minutes)})", file=out)
    return 0


def cmd_edit(args: argparse.Namespace, journal: Journal, out: TextIO) -> int:
    changes = _fields(args, sys.stdin)
    if not changes:
        print("Nothing to change: give at least one field flag (see offscript edit --help).",
              file=sys.stderr)
        return EXIT_USAGE
    entry = journal.update(journal.get(args.id).id, changes)
    if args.json:
        print_json(entry.to_dict(), out)
    else:
        print(f"Updated {entry.id[:8]} — {entry.title}", file=out)
    return 0


def _print_list(args: argparse.Namespace, journal: Journal, out: TextIO) -> int:
    flt = filter_from_args(args)
    entries = journal.list(flt, offset=args.offset, limit=args.limit, sort=args.sort,
                           descending=not args.asc)
    if args.json:
        print_json([e.to_dict() for e in entries], out)
        return 0
    total = journal.count(flt)
    if not entries:
        print("No entries match." if total == 0 else "No entries on this page.", file=out)
        return 0
    print_table(entries, out)
    print(f"\n{len(entries)} shown of {total}.", file=out)
    return 0


def cmd_show(args: argparse.Namespace, journal: Journal, out: TextIO) -> int:
    entry = journal.get(args.id)
    if args.json:
        print_json(entry.to_dict(), out)
    else:
        print_entry(entry, out)
    return 0


def cmd_rm(args: argparse.Namespace, journal: Journal, out: TextIO) -> int:
    for entry_id in args.ids:
        entry = journal.trash(journal.get(entry_id).id)
        print(f"Moved {entry.id[:8]} — {entry.title} to the trash "
              f"(undo: offscript trash --restore {entry.id[:8]})", file=out)
    return 0


def cmd_trash(args: argparse.Namespace, journal: Journal, out: TextIO) -> int:
    if args.restore:
        entry = journal.restore(journal.get(args.restore).id)
        print(f"Restored {entry.id[:8]} — {entry.title}", file=out)
        return 0
    if args.purge is not None:
        ids = [journal.get(i).id for i in args.purge] if args.purge else None
        removed = journal.purge(ids)
        print(f"Deleted {plural(removed, 'entry')} for good.", file=out)
        return 0
    if args.purge_expired:
        removed = journal.purge_expired()
        print(f"Deleted {plural(removed, 'entry')} trashed over {TRASH_DAYS} days ago.", file=out)
        return 0
    args.trashed = True
    return _print_list(args, journal, out)


def _list_flags(parser: argparse.ArgumentParser, default_limit: int) -> None:
    add_filter_flags(parser)
    parser.add_argument("--limit", type=whole_number, default=default_limit, help="rows to show")
    parser.add_argument("--offset", type=whole_number, default=0, help="rows to skip")
    parser.add_argument("--sort", choices=sorted(SORTABLE), default="occurred_at")
    parser.add_argument("--asc", action="store_true", help="oldest / smallest first")
    parser.add_argument("--json", action="store_true", help="print JSON")


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("add", help="log an experiment", description="Log an experiment.")
    _field_flags(p, editing=False)
    p.add_argument("--template", metavar="NAME",
                   help="start from a template (offscript templates list); flags given win")
    p.add_argument("--json", action="store_true", help="print the new entry as JSON")
    p.set_defaults(handler=cmd_add)

    p = sub.add_parser("list", help="list entries, newest first")
    _list_flags(p, 20)
    p.set_defaults(handler=_print_list)

    p = sub.add_parser("search", help="full-text search with filters",
                       description='Words match whole words; "a phrase", prefix*, AND/OR/NOT.')
    p.add_argument("query", help="what to look for in titles, prompts, notes and tags")
    _list_flags(p, 20)
    p.set_defaults(handler=_print_list)

    p = sub.add_parser("show", help="show one entry")
    p.add_argument("id", help="entry id (the first 8 characters are enough)")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_show)

    p = sub.add_parser("edit", help="change fields of an entry")
    p.add_argument("id")
    _field_flags(p, editing=True)
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_edit)

    p = sub.add_parser("rm", help="move entries to the trash")
    p.add_argument("ids", nargs="+", metavar="ID")
    p.set_defaults(handler=cmd_rm)

    p = sub.add_parser("trash", help="list the trash, restore or purge",
                       description=f"Trashed entries are kept until purged; --purge-expired "
                       f"removes those trashed over {TRASH_DAYS} days ago.")
    action = p.add_mutually_exclusive_group()
    action.add_argument("--restore", metavar="ID", help="bring an entry back")
    action.add_argument("--purge", nargs="*", metavar="ID",
                        help="delete these trashed entries for good (no ids: all of the trash)")
    action.add_argument("--purge-expired", action="store_true",
                        help=f"delete entries trashed over {TRASH_DAYS} days ago")
    _list_flags(p, 50)
    p.set_defaults(handler=cmd_trash)
