"""Today's encrypted backup, taken once a couple of seconds after the window is up.

The copy runs on a worker thread: journal.backups.maybe_daily opens its own connection
(about 5 s for 100,000 entries), so the window stays responsive. How many to keep is the journal
setting `backup.keep` (default 10, shared with `offscript backup --keep`, set in the Backups
dialog); it is read here on the GUI thread, which owns the journal's main connection.
A failure is a status-bar warning and a log line, never a crash or a modal box.
"""

from __future__ import annotations

import logging
from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject, QTimer, Signal
from PySide6.QtWidgets import QMainWindow

from journal import Journal
from ui.infra import alerts
from ui.infra.background import Background

log = logging.getLogger("offscript.ui")

DELAY_MS = 2000


def _backup(journal: Journal, keep: int) -> Path | None:
    """On a Background thread: the journal opens its own connection for the copy."""
    try:
        return journal.backups.maybe_daily(keep=keep)
    except Exception:
        log.exception("daily backup failed")  # with its traceback; the window shows the message
        raise


class DailyBackup(QObject):
    """Owned by the main window: `schedule()` at start, `wait()` before quitting."""

    finished = Signal(object)  # Path | None, after success, nothing to do, or failure

    def __init__(self, journal: Journal, window: QMainWindow) -> None:
        super().__init__(window)
        self.journal = journal
        self.window = window
        self._worker = Background("daily-backup", self)
        self._worker.done.connect(self._done)
        self._worker.failed.connect(self._failed)

    def schedule(self, delay_ms: int = DELAY_MS) -> None:
        QTimer.singleShot(delay_ms, self, self.start)

    def start(self) -> None:
        if self._worker.busy:
            return  # one at a time
        try:
            keep = self.journal.backups.keep()
        except Exception as exc:
            self._failed(str(exc) or type(exc).__name__)
            return
        self._worker.run(partial(_backup, self.journal, keep))

    def wait(self) -> None:
        """Let a running copy finish (quitting mid-copy would leave a temporary file)."""
        self._worker.wait()

    def _done(self, path: Path | None) -> None:
        if path is None:
            log.info("daily backup: today's exists, or the journal is empty")
        else:
            log.info("daily backup written to %s", path.name)
        self.finished.emit(path)

    def _failed(self, message: str) -> None:
        alerts.status_warn(self.window, "Daily backup failed", message)
        self.finished.emit(None)
