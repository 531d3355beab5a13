"""Reading a chat export off the GUI thread: a large export takes seconds to parse."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, Signal

from journal import OffscriptError
from journal.conversations import read_export


class _Signals(QObject):
    done = Signal(object)  # list[Conversation]
    failed = Signal(str)


class ParseJob(QRunnable):
    """Parses only; the journal (one SQLite connection, GUI thread) stores the result."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path
        self.signals = _Signals()
        self.setAutoDelete(False)  # the dialog holds it until its signals arrived

    def run(self) -> None:
        try:
            conversations = read_export(self.path)
        except OffscriptError as exc:
            self.signals.failed.emit(str(exc))
        except Exception as exc:  # shown to the person, never swallowed
            self.signals.failed.emit(f"{type(exc).__name__}: {exc}")
        else:
            self.signals.done.emit(conversations)
