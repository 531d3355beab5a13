"""Getting an unlocked journal for a CLI command, asking for secrets; creating one for `init`.

Only `init` (and the app's first run) creates a journal: a recovery key printed as a side effect
of `add` would go to standard error only, easy to lose for good."""

from __future__ import annotations

import argparse
import getpass
import os
import sys
from pathlib import Path
from typing import TextIO

from journal import creation
from journal.api import Journal, PassphraseRequired
from journal.errors import LockedError, NotFoundError, OffscriptError, StorageError, ValidationError
from journal.paths import DB_NAME, VAULT_NAME, default_journal_dir
from journal.vault import check_passphrase, keychain_status, no_keychain_message

PASSPHRASE_ENV = "OFFSCRIPT_PASSPHRASE"  # noqa: S105 - a variable name, not a secret
NEW_PASSPHRASE_ENV = "OFFSCRIPT_NEW_PASSPHRASE"  # noqa: S105
RECOVERY_KEY_ENV = "OFFSCRIPT_RECOVERY_KEY"
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
        first = getpass.getpass("New passphrase (8+ characters, not a common one): ")
        try:
            check_passphrase(first)
        except ValidationError as err:
            print(err, file=sys.stderr)
            continue
        if getpass.getpass("Repeat it: ") == first:
            return first
        print("The two passphrases differ; try again.", file=sys.stderr)
    raise LockedError("No passphrase was set.")


def ask_recovery_key(given: str | None, err: TextIO) -> str:
    """The recovery key: `-` reads standard input, else OFFSCRIPT_RECOVERY_KEY, else a prompt.

    A key given as an argument still works but shows in the process list (ps) to anyone on this
    computer while the command runs, so it earns a warning.
    """
    if given == "-":
        return sys.stdin.readline().strip()
    if given is not None:
        print("offscript: warning: a recovery key given as an argument shows in the process list "
              "to other users of this computer; use --recovery-key - (standard input), "
              f"{RECOVERY_KEY_ENV}, or leave it out to be asked.", file=err)
        return given
    from_env = os.environ.get(RECOVERY_KEY_ENV)
    if from_env:
        return from_env
    if _interactive():
        return getpass.getpass("Recovery key: ")
    raise ValidationError("recovery key", "none given: type it at the prompt in a terminal, pass "
                          f"--recovery-key - to read it from standard input, or set {RECOVERY_KEY_ENV}.")


def print_recovery_key(recovery: str, out: TextIO) -> None:
    """Show the key and make sure it got out (flushed): raises StorageError if it did not."""
    try:
        print(
            "\nYour recovery key (shown once — store it somewhere safe, e.g. a password manager):"
            f"\n\n    {recovery}\n\n"
            "It opens this journal if the keychain item or passphrase is ever lost:\n"
            "    offscript unlock   (it asks for the key)\n", file=out)
        out.flush()
    except OSError as exc:
        _silence(out)
        raise StorageError(f"The recovery key could not be written out ({exc.strerror or exc})."
                           ) from exc


def _silence(out: TextIO) -> None:
    """Point a broken standard output at devnull, so exit doesn't fail flushing it again."""
    try:
        fd = out.fileno()
    except (OSError, ValueError):
        return
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, fd)
    os.close(devnull)


def create_journal(folder: Path, out: TextIO, err: TextIO, *,
                   want_passphrase: bool = False) -> Journal:
    """A new journal (for `init`): the recovery key goes to `out`; if it cannot be written out,
    the new, still empty journal is removed again, so nobody holds a journal without its key."""
    usable, detail = keychain_status()
    passphrase = None
    if want_passphrase or not usable or os.environ.get(PASSPHRASE_ENV) is not None:
        if not usable and not want_passphrase:
            print(f"{no_keychain_message(detail)}: the journal key will be protected by a "
                  "passphrase instead.", file=err)
        passphrase = ask_new_passphrase()
    journal, recovery = Journal.create(folder, passphrase=passphrase)
    where = "the system keychain" if journal.mode == "keychain" else "your passphrase"
    print(f"Created an encrypted journal in {folder} (key kept by {where}).", file=err)
    try:
        print_recovery_key(recovery, out)
    except OffscriptError as exc:
        journal.close()
        if journal.mode == "keychain":
            journal.vault.forget_keychain_item()
        for name in (DB_NAME, f"{DB_NAME}-wal", f"{DB_NAME}-shm", VAULT_NAME, f".{VAULT_NAME}.lock"):
            (folder / name).unlink(missing_ok=True)
        raise StorageError(f"{exc} The new journal was removed again; run offscript init once "
                           "more.") from exc
    return journal


def open_journal(args: argparse.Namespace, err: TextIO) -> Journal:
    folder = journal_dir(args)
    state = Journal.folder_state(folder)
    if not state.complete:
        # A killed creation (journal/creation.py) never held an entry: create again over it.
        if not creation.is_unfinished(folder) and not state.empty:
            raise StorageError(f"The journal in {folder} is incomplete: {state.missing} is missing. "
                               "Restore it from a backup; nothing was changed.")
        raise NotFoundError(f"No journal at {folder}: create one with `offscript init` "
                            "(or start the desktop app).")
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
