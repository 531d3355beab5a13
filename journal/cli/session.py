"""Getting an unlocked journal for a CLI command: create on first use, ask for secrets."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path
from typing import TextIO

from journal.api import Journal, PassphraseRequired
from journal.errors import LockedError, StorageError
from journal.paths import default_journal_dir
from journal.vault import check_passphrase, keychain_status

PASSPHRASE_ENV = "OFFSCRIPT_PASSPHRASE"  # noqa: S105 - a variable name, not a secret
NEW_PASSPHRASE_ENV = "OFFSCRIPT_NEW_PASSPHRASE"  # noqa: S105
PROMPT_TRIES = 3


def journal_dir(args: argparse.Namespace) -> Path:
    return Path(args.journal).expanduser() if args.journal else default_journal_dir()


def _interactive() -> bool:
    return sys.stdin.isatty() and sys.stderr.isatty()


def ask_new_passphrase(env_var: str = PASSPHRASE_ENV) -> str:
    """A new passphrase from the environment, or typed twice at a terminal."""
    from_env = os.environ.get(env_var)
    if from_env is not None:
        check_passphrase(from_env)
        return from_env
    if not _interactive():
        raise LockedError(f"A passphrase is needed: set {env_var} or run in a terminal.")
    for _ in range(PROMPT_TRIES):
        first = getpass.getpass("New passphrase (8+ characters): ")
        try:
            check_passphrase(first)
        except LockedError as err:
            print(err, file=sys.stderr)
            continue
        if getpass.getpass("Repeat it: ") == first:
            return first
        print("The two passphrases differ; try again.", file=sys.stderr)
    raise LockedError("No passphrase was set.")


def print_recovery_key(recovery: str, err: TextIO) -> None:
    print(
        "\nYour recovery key (shown once — store it somewhere safe, e.g. a password manager):\n\n"
        f"    {recovery}\n\n"
        "It opens this journal if the keychain item or passphrase is ever lost:\n"
        "    offscript unlock --recovery-key KEY\n", file=err)


def create_journal(folder: Path, err: TextIO, *, want_passphrase: bool = False) -> Journal:
    usable, backend = keychain_status()
    passphrase = None
    if want_passphrase or not usable or os.environ.get(PASSPHRASE_ENV) is not None:
        if not usable and not want_passphrase:
            print(f"No system keychain is available ({backend}); the journal key will be "
                  "protected by a passphrase.", file=err)
        passphrase = ask_new_passphrase()
    journal, recovery = Journal.create(folder, passphrase=passphrase)
    where = "the system keychain" if journal.mode == "keychain" else "your passphrase"
    print(f"Created an encrypted journal in {folder} (key kept by {where}).", file=err)
    print_recovery_key(recovery, err)
    return journal


def open_journal(args: argparse.Namespace, err: TextIO, *, create: bool = True) -> Journal:
    folder = journal_dir(args)
    state = Journal.folder_state(folder)
    if not state.complete:
        if not state.empty:
            raise StorageError(f"The journal in {folder} is incomplete: {state.missing} is missing. "
                               "Restore it from a backup; nothing was changed.")
        if not create:
            raise StorageError(f"No journal in {folder}; run: offscript init")
        return create_journal(folder, err)
    try:
        return Journal.open(folder, passphrase=os.environ.get(PASSPHRASE_ENV))
    except PassphraseRequired:
        if not _interactive():
            raise LockedError(
                f"This journal is locked with a passphrase: set {PASSPHRASE_ENV} or run in a "
                "terminal.") from None
    for attempt in range(PROMPT_TRIES):
        try:
            return Journal.open(folder, passphrase=getpass.getpass("Journal passphrase: "))
        except LockedError as exc:
            if attempt == PROMPT_TRIES - 1:
                raise
            print(exc, file=err)
    raise AssertionError("unreachable")
