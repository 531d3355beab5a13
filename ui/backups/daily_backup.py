"""Today's encrypted backup, taken once a couple of seconds after the window is up.

The copy runs on a worker thread: journal.backups.maybe_daily opens its own connection
(about 5 s for 100,000 entries), so the window stays responsive. How many to keep is the journal
setting `backup.keep` (default 10, shared with `offscript backup --keep`, set in the Backups
dialog); it is read here on the GUI thread, which owns the journal's main connection.
A failure is a status-bar warning and a log line, never a crash or a modal box.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, QThreadPool, QTimer, Signal
from PySide6.QtWidgets import QMainWindow

from journal import Journal
from ui.infra import alerts

log = logging.getLogger("offscript.ui")

DELAY_MS = 2000


class _Signals(QObject):
    done = Signal(object)  # the new file, or None when there was nothing to do
    failed = Signal(str)


class _BackupJob(QRunnable):
    def __init__(self, journal: Journal, keep: int) -> None:
        super().__init__()
        self.journal = journal
        self.keep = keep
        self.signals = _Signals()
        self.setAutoDelete(False)  # DailyBackup holds it until its signal arrived

    def run(self) -> None:
        try:
            path = self.journal.backups.maybe_daily(keep=self.keep)
        except Exception as exc:  # reported on the GUI thread; a backup must not kill the app
            log.exception("daily backup failed")
            self.signals.failed.emit(str(exc) or type(exc).__name__)
            return
        self.signals.done.emit(path)


class DailyBackup(QObject):
    """Owned by the main window: `schedule()` at start, `wait()` before quitting."""

    finished = Signal(object)  # Path | None, after success, nothing to do, or failure

    def __init__(self, journal: Journal, window: QMainWindow) -> None:
        super().__init__(window)
        self.journal = journal
        self.window = window
        self.pool = QThreadPool(self)
        self.pool.setMaxThreadCount(1)
        self._job: _BackupJob | None = None

    def schedule(self, delay_ms: int = DELAY_MS) -> None:
        QTimer.singleShot(delay_ms, self, self.start)

    def start(self) -> None:
        if self._job is not None:
            return  # one at a time
        try:
            keep = self.journal.backups.keep()
        except Exception as exc:
            self._failed(str(exc) or type(exc).__name__)
            return
        self._job = _BackupJob(self.journal, keep)
        self._job.signals.done.connect(self._done)
        self._job.signals.failed.connect(self._failed)
        self.pool.start(self._job)

    def wait(self) -> None:
        """Let a running copy finish (quitting mid-copy would leave a temporary file)."""
        self.pool.waitForDone()

    def _done(self, path: Path | None) -> None:
        self._job = None
        if path is None:
            log.info("daily backup: today's exists, or the journal is empty")
        else:
            log.info("daily backup written to %s", path.name)
        self.finished.emit(path)

    def _failed(self, message: str) -> None:
        self._job = None
        alerts.status_warn(self.window, "Daily backup failed", message)
        self.finished.emit(None)
