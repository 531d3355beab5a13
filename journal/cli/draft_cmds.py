"""`offscript drafts …` (entries drafted from chat exports) and `offscript templates …`."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any, TextIO

from journal.api import Journal
from journal.cli.output import print_json
from journal.entries import FAILURE_MODES, OUTCOMES
from journal.errors import ValidationError
from journal.format import plural, signed_minutes


def _when(value: Any) -> str:
    return value.isoformat(sep=" ", timespec="minutes") if value else "—"


def cmd_drafts_import(args: argparse.Namespace, journal: Journal, out: TextIO) -> int:
    result = journal.conversations.import_export(Path(args.file).expanduser())
    if args.json:
        print_json({"found": result.found, "added": result.added,
                    "already_seen": result.already_seen}, out)
        return 0
    print(f"{plural(result.added, 'new draft')} to review "
          f"({result.found} conversations in the file, {result.already_seen} seen before). "
          "Nothing else from the export was kept. Next: offscript drafts list", file=out)
    return 0


def cmd_drafts_list(args: argparse.Namespace, journal: Journal, out: TextIO) -> int:
    drafts = journal.conversations.pending(args.search or "", limit=args.limit)
    if args.json:
        print_json([{"id": d.id, "tool": d.tool, "tool_version": d.tool_version,
                     "title": d.title, "prompt": d.prompt, "iterations": d.iterations,
                     "occurred_at": d.occurred_at.isoformat() if d.occurred_at else None}
                    for d in drafts], out)
        return 0
    if not drafts:
        print("No drafts waiting. Import a chat export: offscript drafts import FILE", file=out)
        return 0
    print(f"{'ID':8}  {'DATE':16}  {'TOOL':8}  {'TURNS':>5}  TITLE", file=out)
    for d in drafts:
        title = d.title if len(d.title) <= 60 else d.title[:59] + "…"
        print(f"{d.id[:8]:8}  {_when(d.occurred_at):16}  {d.tool:8}  {d.iterations:>5}  {title}",
              file=out)
    total = journal.conversations.count()
    print(f"\n{len(drafts)} shown of {total} waiting. Keep one: offscript drafts keep ID "
          "--outcome … --without MIN --with MIN; drop: offscript drafts drop ID…", file=out)
    return 0


def cmd_drafts_keep(args: argparse.Namespace, journal: Journal, out: TextIO) -> int:
    missing = [flag for flag, value in (("--outcome", args.outcome), ("--without", args.without),
                                        ("--with", args.with_ai)) if value is None]
    if missing:
        hint = journal.templates.suggested_minutes(args.category)
        extra = (f" (your median by hand for {args.category} is {hint} min)"
                 if hint is not None and "--without" in missing else "")
        raise ValidationError(missing[0], f"is required to keep a draft{extra}")
    fields = {"outcome": args.outcome, "minutes_without_ai": args.without,
              "minutes_with_ai": args.with_ai, "lesson": args.lesson, "what_broke": args.broke,
              "failure_modes": args.mode, "category": args.category, "tags": args.tag,
              "title": args.title}
    entry = journal.conversations.keep(args.id, fields)
    if args.json:
        print_json(entry.to_dict(), out)
    else:
        print(f"Kept as entry {entry.id[:8]} — {entry.title} ({signed_minutes(entry.net_minutes)})",
              file=out)
    return 0


def cmd_drafts_drop(args: argparse.Namespace, journal: Journal, out: TextIO) -> int:
    if args.all == bool(args.ids):
        raise ValidationError("drafts drop", "give draft ids or --all (not both)")
    count = journal.conversations.drop_all() if args.all else journal.conversations.drop(args.ids)
    print(f"Dropped {plural(count, 'draft')}; their text is gone from the journal.",
          file=out)
    return 0


def cmd_templates(args: argparse.Namespace, journal: Journal, out: TextIO) -> int:
    templates = journal.templates
    if args.action == "save":
        if not args.name or not args.from_entry:
            raise ValidationError("templates save", "needs a NAME and --from ENTRY_ID")
        saved = templates.save_from_entry(args.name, journal.get(args.from_entry))
        print(f"Saved template {saved.name!r}.", file=out)
        return 0
    if args.action == "remove":
        if not args.name:
            raise ValidationError("templates remove", "needs the NAME of one of your templates")
        templates.remove(args.name)
        print(f"Removed template {args.name!r}.", file=out)
        return 0
    items = templates.all()
    if args.json:
        print_json([{"name": t.name, "builtin": t.builtin, **t.fields()} for t in items], out)
        return 0
    for t in items:
        what = ", ".join(f"{k}: {v}" for k, v in t.fields().items() if k != "prompt")
        print(f"{t.name:28}  {'built-in' if t.builtin else 'yours':8}  {what}", file=out)
    return 0


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("drafts", help="draft entries from ChatGPT/Claude data exports",
                       description="Turn conversations from a ChatGPT or Claude data export "
                       "into draft entries, review them, keep the real experiments. The export "
                       "is read locally; only drafts (title, first prompt, turns, model, time) "
                       "are stored, inside the encrypted journal.")
    dsub = p.add_subparsers(dest="drafts_command", metavar="ACTION", required=True)
    a = dsub.add_parser("import", help="read an export (the zip or conversations.json)")
    a.add_argument("file")
    a.add_argument("--json", action="store_true")
    a.set_defaults(handler=cmd_drafts_import)
    a = dsub.add_parser("list", help="drafts waiting for review, newest first")
    a.add_argument("--search", metavar="TEXT", help="only drafts whose title or prompt has TEXT")
    a.add_argument("--limit", type=int, default=50)
    a.add_argument("--json", action="store_true")
    a.set_defaults(handler=cmd_drafts_list)
    a = dsub.add_parser("keep", help="keep a draft as an entry (add outcome and minutes)")
    a.add_argument("id", help="draft id (the first 8 characters are enough)")
    a.add_argument("--outcome", choices=OUTCOMES)
    a.add_argument("--without", type=int, metavar="MIN", help="minutes it would take by hand")
    a.add_argument("--with", dest="with_ai", type=int, metavar="MIN", help="minutes with AI")
    a.add_argument("--title", help="replace the conversation's title")
    a.add_argument("--category")
    a.add_argument("--lesson")
    a.add_argument("--broke", metavar="TEXT")
    a.add_argument("--mode", action="append", choices=FAILURE_MODES, metavar="MODE")
    a.add_argument("--tag", action="append", metavar="TAG")
    a.add_argument("--json", action="store_true")
    a.set_defaults(handler=cmd_drafts_keep)
    a = dsub.add_parser("drop", help="drop drafts that were not experiments")
    a.add_argument("ids", nargs="*", metavar="ID")
    a.add_argument("--all", action="store_true", help="drop every waiting draft")
    a.set_defaults(handler=cmd_drafts_drop)

    p = sub.add_parser("templates", help="list, save or remove entry templates",
                       description="Templates fill category, tags, tool, a prompt skeleton and "
                       "the by-hand estimate: `offscript add --template NAME …`.")
    p.add_argument("action", nargs="?", choices=("list", "save", "remove"), default="list")
    p.add_argument("name", nargs="?")
    p.add_argument("--from", dest="from_entry", metavar="ENTRY_ID",
                   help="with save: the entry to copy the fields from")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_templates)
