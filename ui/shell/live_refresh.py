"""Notice entries written by another process (the CLI, a quick log started on its own) and
refresh the window within POLL_MS, by polling the journal's data version (a cheap PRAGMA)."""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import QObject, QTimer

from journal import Journal, OffscriptError

log = logging.getLogger("offscript.ui")
POLL_MS = 1000  # well inside the 2 s people wait before they wonder


class LiveRefresh(QObject):
    def __init__(self, journal: Journal, on_change: Callable[[], None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.journal = journal
        self.on_change = on_change
        self.version = journal.data_version()
        self.timer = QTimer(self, interval=POLL_MS)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def check(self) -> bool:
        """True when another process changed the journal (and the window was refreshed)."""
        try:
            version = self.journal.data_version()
        except OffscriptError as exc:  # a closed or damaged journal: say so once, stop polling
            log.warning("live refresh stopped: %s", exc)
            self.timer.stop()
            return False
        if version == self.version:
            return False
        self.version = version
        self.on_change()
        return True
