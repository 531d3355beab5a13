"""What the GUI fault scripts share: the main window open on a new entry, and a poll that tells
the test (on stdout) once the editor's draft is in the journal."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QTimer

from journal import Journal
from ui.entries.editor import EntryEditor
from ui.infra.settings import AppSettings
from ui.shell.main_window import MainWindow


def new_entry_window(journal: Journal, settings_path: str) -> tuple[MainWindow, EntryEditor]:
    window = MainWindow(journal, AppSettings(Path(settings_path)))
    window.show()
    window.new_entry()
    return window, window.journal_page.editor


def when_draft_saved(journal: Journal, then: Callable[[], None] | None = None) -> QTimer:
    """Print DRAFT-SAVED once the editor's draft is stored (polled every 0.1 s), stop polling,
    then call `then`. Keep the returned timer referenced."""
    poll = QTimer(interval=100)

    def check() -> None:
        if journal.get_setting("draft:editor"):
            print("DRAFT-SAVED", flush=True)
            poll.stop()
            if then is not None:
                then()

    poll.timeout.connect(check)
    poll.start()
    return poll
