"""Reading a chat export off the GUI thread: a large export takes seconds to parse."""

from __future__ import annotations

from pathlib import Path

from journal import OffscriptError
from journal.conversations import Conversation, read_export


def parse_export(path: Path) -> list[Conversation]:
    """On a Background thread: parses only; the journal (one SQLite connection, GUI thread)
    stores the result. The failure's message is shown to the person, never swallowed."""
    try:
        return read_export(path)
    except OffscriptError:
        raise
    except Exception as exc:
        raise RuntimeError(f"{type(exc).__name__}: {exc}") from exc
