"""Today's encrypted backup, taken once a couple of seconds after the window is up.

It runs on the GUI thread like every other journal call (the connection is shared), but only
after start-up: once a backup exists for today it's a directory listing; otherwise it's one
`VACUUM INTO` of the journal. How many to keep is the journal setting `backup.keep` (default
10), shared with `offscript backup --keep` and set in the Backups dialog.
"""

from __future__ import annotations

import logging
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QMainWindow

from journal import Journal
from journal.backup import keep_count, maybe_daily_backup
from ui import alerts

log = logging.getLogger("offscript.ui")

DELAY_MS = 2000


def run_daily_backup(journal: Journal, window: QMainWindow | None) -> Path | None:
    """Take today's backup unless there is one. Never raises: a failure is a status-bar warning."""
    try:
        keep = keep_count(journal)
        path = maybe_daily_backup(journal, keep=keep)
    except Exception as exc:  # a backup problem must never take the app down
        log.exception("daily backup failed")
        alerts.status_warn(window, "Daily backup failed", str(exc) or type(exc).__name__)
        return None
    if path is None:
        log.info("daily backup: today's exists, or the journal is empty")
    else:
        log.info("daily backup written to %s (keeping the newest %d)", path.name, keep)
    return path


def schedule_daily_backup(journal: Journal, window: QMainWindow,
                          delay_ms: int = DELAY_MS) -> None:
    QTimer.singleShot(delay_ms, window, lambda: run_daily_backup(journal, window))
