"""Commands about the journal itself: init, unlock, passphrase, recovery-key, import, dump."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TextIO

from journal.api import Journal
from journal.cli.filters import add_filter_flags, filter_from_args
from journal.cli.session import (
    NEW_PASSPHRASE_ENV,
    PASSPHRASE_ENV,
    RECOVERY_KEY_ENV,
    ask_new_passphrase,
    ask_recovery_key,
    create_journal,
    journal_dir,
    print_recovery_key,
)
from journal.errors import NotFoundError, StorageError
from journal.format import plural
from journal.transfer import dump, import_file


def cmd_init(args: argparse.Namespace, out: TextIO) -> int:
    folder = journal_dir(args)
    if Journal.exists(folder):
        print(f"A journal already exists in {folder}.", file=out)
        return 0
    create_journal(folder, out, sys.stderr, want_passphrase=args.passphrase).close()
    return 0


def cmd_unlock(args: argparse.Namespace, out: TextIO) -> int:
    folder = journal_dir(args)
    if not Journal.exists(folder):
        raise NotFoundError(f"No journal at {folder}: create one with `offscript init`.")
    recovery = ask_recovery_key(args.recovery_key, sys.stderr)
    with Journal.open(folder, recovery_key=recovery) as journal:
        if args.keychain:
            journal.use_keychain()
            print("Recovery key accepted. The journal key is now in the system keychain.", file=out)
        else:
            journal.use_passphrase(ask_new_passphrase())
            print("Recovery key accepted. The journal now opens with your new passphrase.",
                  file=out)
    return 0


def cmd_passphrase(args: argparse.Namespace, journal: Journal, out: TextIO) -> int:
    if args.keychain:
        journal.use_keychain()
        print("The journal key is now kept in the system keychain; no passphrase needed.", file=out)
    else:
        journal.use_passphrase(ask_new_passphrase(NEW_PASSPHRASE_ENV))
        print("Passphrase set. Your recovery key still works.", file=out)
    return 0


def cmd_recovery_key(args: argparse.Namespace, journal: Journal, out: TextIO) -> int:
    try:  # shown first; it only takes effect once it was written out
        journal.new_recovery_key(lambda key: print_recovery_key(key, out))
    except StorageError as exc:
        raise StorageError(f"{exc} Nothing was changed: your old recovery key still works.") \
            from exc
    print("The previous recovery key no longer opens this journal.", file=sys.stderr)
    return 0


def cmd_import(args: argparse.Namespace, journal: Journal, out: TextIO) -> int:
    show = sys.stderr.isatty()

    def progress(done: int, total: int) -> None:
        if show:
            print(f"\rImporting… {done:,}/{total:,}", end="", file=sys.stderr, flush=True)

    result = import_file(journal, Path(args.file), progress)
    if show:
        print(file=sys.stderr)
    print(f"Imported {plural(result.added, 'new entry')} from "
          f"{Path(args.file).name}; {result.skipped} already in the journal.", file=out)
    return 0


def cmd_dump(args: argparse.Namespace, journal: Journal, out: TextIO) -> int:
    target = None if args.output == "-" else Path(args.output)
    if target is not None and target.exists() and not args.force:
        raise StorageError(f"{target} exists; pass --force to replace it.")
    data = dump(journal, target, args.format, filter_from_args(args))
    if target is None:
        out.write(data.decode("utf-8"))
    else:
        print(f"Wrote {target} ({len(data):,} bytes, not encrypted and not anonymized).",
              file=sys.stderr)
    return 0


def register(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser("init", help="create the encrypted journal")
    p.add_argument("--passphrase", action="store_true",
                   help=f"protect the key with a passphrase (from {PASSPHRASE_ENV} or a prompt) "
                   "instead of the system keychain")
    p.set_defaults(handler=cmd_init, needs_journal=False)

    p = sub.add_parser("unlock", help="open with the recovery key and set a new way in")
    p.add_argument("--recovery-key", metavar="KEY",
                   help=f"- reads it from standard input; without it, {RECOVERY_KEY_ENV} or a "
                   "prompt (a key typed here shows in the process list)")
    p.add_argument("--keychain", action="store_true",
                   help="store the key in the system keychain instead of setting a passphrase")
    p.set_defaults(handler=cmd_unlock, needs_journal=False)

    p = sub.add_parser("passphrase", help="set or change the passphrase (or move to the keychain)",
                       description=f"The new passphrase comes from {NEW_PASSPHRASE_ENV} or a "
                       "prompt. Only the key's wrapping changes: the recovery key stays valid.")
    p.add_argument("--keychain", action="store_true",
                   help="keep the key in the system keychain instead of a passphrase")
    p.set_defaults(handler=cmd_passphrase)

    p = sub.add_parser("recovery-key", help="issue a new recovery key (the old one stops working)")
    p.set_defaults(handler=cmd_recovery_key)

    p = sub.add_parser("import", help="import entries from JSON or CSV (all or nothing)")
    p.add_argument("file", help="a JSON list of entries, or a CSV with the same column names")
    p.set_defaults(handler=cmd_import)

    p = sub.add_parser("dump", help="write all entries to a plain JSON/CSV file (a backup you "
                       "can import elsewhere; not anonymized — use 'export' to share)")
    p.add_argument("--format", choices=("json", "csv"), default="json")
    p.add_argument("-o", "--output", required=True, help="file to write, or - for standard output")
    p.add_argument("--force", action="store_true", help="replace an existing file")
    add_filter_flags(p)
    p.set_defaults(handler=cmd_dump)
