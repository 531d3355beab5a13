"""Unsaved edits kept inside the encrypted journal, so a crash or kill loses nothing.

Each slot ("editor", "quick") is one setting "draft:<slot>" holding JSON. DraftThrottle
decides when to write: DRAFT_MS after the first change since the last write, even while typing goes on.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer

from journal import Journal

log = logging.getLogger("offscript.ui")

# A crash may lose at most the last second of typing: the timer fires after 0.8 s, leaving
# 0.2 s for a late timer on a busy machine and for the encrypted write itself.
DRAFT_MS = 800


class DraftThrottle:
    """Runs `save` DRAFT_MS after the first change since the last save.

    A throttle, not a debounce: further changes do not push the save back, so continuous typing
    (which never pauses) is still saved every second.
    """

    def __init__(self, parent: QObject, save: Callable[[], None], ms: int = DRAFT_MS) -> None:
        self.timer = QTimer(parent, interval=ms, singleShot=True)
        self.timer.timeout.connect(save)

    def changed(self, *_: object) -> None:
        if not self.timer.isActive():
            self.timer.start()

    def stop(self) -> None:
        self.timer.stop()


class DraftStore:
    def __init__(self, journal: Journal, slot: str) -> None:
        self.journal = journal
        self.key = f"draft:{slot}"

    def save(self, data: dict[str, Any]) -> None:
        try:
            self.journal.set_setting(self.key, json.dumps(data, default=str))
        except Exception as exc:  # a draft must never interrupt typing; the next one retries
            log.warning("draft not saved: %s", exc)

    def load(self) -> dict[str, Any] | None:
        raw = self.journal.get_setting(self.key)
        if not raw:
            return None
        try:
            data = json.loads(raw)
        except ValueError:
            log.warning("unreadable draft %s dropped", self.key)
            self.clear()
            return None
        return data if isinstance(data, dict) else None

    def clear(self) -> None:
        try:
            self.journal.set_setting(self.key, None)
        except Exception as exc:
            log.warning("draft not cleared: %s", exc)
