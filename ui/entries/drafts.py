"""Unsaved edits kept inside the encrypted journal, so a crash or kill loses nothing.

Each slot ("editor", "quick") is one setting "draft:<slot>" holding JSON.
"""

from __future__ import annotations

import json
import logging
from typing import Any

from journal import Journal

log = logging.getLogger("offscript.ui")


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
