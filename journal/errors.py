"""Errors the journal raises, each carrying the CLI exit code it maps to."""

from __future__ import annotations


class OffscriptError(Exception):
    """Base of every error meant for the user: the message is shown as is."""

    exit_code = 1


class ValidationError(OffscriptError):
    """Input breaks a rule; names the field (and the row, for imports)."""

    exit_code = 2

    def __init__(self, field: str, message: str, row: int | None = None) -> None:
        self.field = field
        self.rule = message
        self.row = row
        where = f"row {row}, " if row is not None else ""
        super().__init__(f"{where}{field}: {message}")


class NotFoundError(OffscriptError):
    exit_code = 2


class QueryError(OffscriptError):
    """A search query the full-text engine cannot parse."""

    exit_code = 2


class LockedError(OffscriptError):
    """The journal key is missing or wrong; nothing was changed."""

    exit_code = 3


class StorageError(OffscriptError):
    """The journal file or its folder cannot be read or written."""

    exit_code = 4
