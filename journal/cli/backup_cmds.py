"""`offscript backup` and `offscript restore FILE`: encrypted copies in the journal's backups/."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TextIO

from journal.api import Journal
from journal.backup import (
    backup_folder,
    create_backup,
    describe_backups,
    keep_count,
    restore_backup,
)
from journal.cli.output import print_json
from journal.errors import StorageError
from journal.format import plural


def _size(n: int) -> str:
    for unit in ("B", "KB", "MB"):
        if n < 1024:
            return f"{n:.0f} {unit}"
        n //= 1024
    return f"{n} GB"


def cmd_backup(args: argparse.Namespace, journal: Journal, out: TextIO) -> int:
    if args.list:
        infos = describe_backups(journal)
        if args.json:
            print_json([{"file": str(i.path), "created": i.created.isoformat(), "label": i.label,
                         "size": i.size, "entries": i.entries} for i in infos], out)
            return 0
        if not infos:
            print(f"No backups yet in {backup_folder(journal)}.", file=out)
            return 0
        for i in infos:
            count = "?" if i.entries is None else str(i.entries)
            print(f"{i.created:%Y-%m-%d %H:%M}  {i.label:12}  {_size(i.size):>7}  "
                  f"{count:>7} entries  {i.path.name}", file=out)
        return 0
    keep = args.keep if args.keep is not None else keep_count(journal)
    path = create_backup(journal, "manual", keep=keep)
    if args.json:
        print_json({"file": str(path), "size": path.stat().st_size}, out)
    else:
        print(f"Backed up to {path} (encrypted with the journal's key; keeping the newest {keep}).",
              file=out)
    return 0


def _resolve(journal: Journal, name: str) -> Path:
    given = Path(name).expanduser()
    if given.is_file():
        return given
    inside = backup_folder(journal) / name
    if inside.is_file():
        return inside
    raise StorageError(f"No backup file {name!r} (looked in the current folder and in "
                       f"{backup_folder(journal)}). Nothing was changed.")


def cmd_restore(args: argparse.Namespace, journal: Journal, out: TextIO) -> int:
    count, safety = restore_backup(journal, _resolve(journal, args.file))
    if args.json:
        print_json({"restored_entries": count, "previous_saved_as": str(safety)}, out)
    else:
        print(f"Restored {plural(count, 'entry')} from {Path(args.file).name}. Your journal as it was "
              f"before is saved as {safety}.", file=out)
    return 0


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("backup", help="write an encrypted backup, or list backups",
                       description="Write an encrypted copy of the journal into its backups/ "
                       "folder, keeping the newest N (setting backup.keep, default 10). "
                       "Copies taken before schema migrations are never rotated away.")
    p.add_argument("--list", action="store_true", help="list backups with size and entry count")
    p.add_argument("--keep", type=int, metavar="N", help="keep the newest N backups")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_backup)

    p = sub.add_parser("restore", help="replace the journal with a backup",
                       description="Check that FILE opens with this journal's key and is intact, "
                       "save the current journal as a pre-restore backup, then switch to FILE's "
                       "contents in one step.")
    p.add_argument("file", metavar="FILE", help="a backup file, or its name in backups/")
    p.add_argument("--json", action="store_true")
    p.set_defaults(handler=cmd_restore)
