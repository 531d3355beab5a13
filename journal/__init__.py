"""Offscript's journal: domain, encrypted storage, statistics, redaction and sharing. No Qt here.

The public names below load on first use (PEP 562), so `offscript --version` and the CLI's
parser do not pay for SQLCipher and the storage layer before they know they need them.
"""

from __future__ import annotations

import importlib

TYPE_CHECKING = False  # no `typing` import: `offscript --version` is timed against bare Python

if TYPE_CHECKING:
    from typing import Any

    from journal.api import TRASH_DAYS, Journal, PassphraseRequired
    from journal.backup import BackupInfo
    from journal.entries import Entry
    from journal.errors import (
        LockedError,
        NotFoundError,
        OffscriptError,
        QueryError,
        StorageError,
        ValidationError,
    )
    from journal.query import EntryFilter
    from journal.vault import MIN_PASSPHRASE, NO_KEYCHAIN, no_keychain_message

__version__ = "0.1.0"

_HOMES = {
    "Journal": "journal.api", "PassphraseRequired": "journal.api", "Entry": "journal.entries",
    "EntryFilter": "journal.query", "LockedError": "journal.errors",
    "NotFoundError": "journal.errors", "OffscriptError": "journal.errors",
    "QueryError": "journal.errors", "StorageError": "journal.errors",
    "ValidationError": "journal.errors", "BackupInfo": "journal.backup",
    "MIN_PASSPHRASE": "journal.vault", "NO_KEYCHAIN": "journal.vault",
    "no_keychain_message": "journal.vault", "TRASH_DAYS": "journal.api",
}

__all__ = [
    "MIN_PASSPHRASE",
    "NO_KEYCHAIN",
    "TRASH_DAYS",
    "BackupInfo",
    "Entry",
    "EntryFilter",
    "Journal",
    "LockedError",
    "NotFoundError",
    "OffscriptError",
    "PassphraseRequired",
    "QueryError",
    "StorageError",
    "ValidationError",
    "__version__",
    "no_keychain_message",
]


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module 'journal' has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value  # later lookups skip this function
    return value
