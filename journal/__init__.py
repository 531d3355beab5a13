"""Offscript's journal: domain, encrypted storage, statistics, redaction and sharing. No Qt here."""

from journal.api import Journal, PassphraseRequired
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
from journal.vault import MIN_PASSPHRASE

__version__ = "0.1.0"

__all__ = [
    "MIN_PASSPHRASE",
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
]
