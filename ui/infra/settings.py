"""App preferences (not journal data) in a small JSON file in the platform config dir.

Declared as data with defaults; unknown keys are dropped, wrong types fall back to the
default, and a corrupt file means defaults plus a warning the app shows once.
"""

from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any

from platformdirs import user_config_path

from journal.paths import APP_NAME, atomic_write, make_private_dir

log = logging.getLogger("offscript.ui")

DEFAULTS: dict[str, Any] = {
    "appearance": "system",  # system | light | dark
    "close_to_tray": True,  # closing the window keeps Offscript in the tray (when one exists)
    "tray_hint_shown": False,
    "journal_dir": "",  # another folder the user chose; empty means the default
    "window_geometry": "",  # hex of QWidget.saveGeometry()
    "splitter_state": "",
    "team_folder": "",  # the Team page's folder of shared summaries; empty until chosen
    # The daily reminder: opt-in, quiet once something was logged that day.
    "reminder_enabled": False,
    "reminder_days": [0, 1, 2, 3, 4],  # Monday = 0
    "reminder_time": "17:00",
    "reminder_quiet_on": "",  # ISO date: shown, or "not today", for that day
    "reminder_snoozed_until": "",  # ISO date-time
}
APPEARANCES = ("system", "light", "dark")


def settings_path() -> Path:
    return user_config_path(APP_NAME, appauthor=False) / "settings.json"


class AppSettings:
    def __init__(self, path: Path | None = None) -> None:
        self.path = path or settings_path()
        self.values: dict[str, Any] = dict(DEFAULTS)
        self.warnings: list[str] = []
        self._load()

    def _load(self) -> None:
        if not self.path.exists():
            return
        try:
            raw = json.loads(self.path.read_text(encoding="utf-8"))
            if not isinstance(raw, dict):
                raise ValueError("not a JSON object")
        except (OSError, ValueError) as exc:
            self.warnings.append(f"Your settings file {self.path} could not be read ({exc}); "
                                 "Offscript is using its defaults.")
            log.warning("corrupt settings %s: %s", self.path, exc)
            return
        for key, default in DEFAULTS.items():
            value = raw.get(key, default)
            if type(value) is not type(default):
                log.warning("setting %s has the wrong type; using the default", key)
                continue
            self.values[key] = value
        if self.values["appearance"] not in APPEARANCES:
            self.values["appearance"] = DEFAULTS["appearance"]

    def get(self, key: str) -> Any:
        return self.values[key]

    def set(self, key: str, value: Any) -> None:
        if key not in DEFAULTS:
            raise KeyError(key)
        self.values[key] = value
        self.save()

    def save(self) -> None:
        try:
            make_private_dir(self.path.parent)
            atomic_write(self.path, json.dumps(self.values, indent=2).encode("utf-8"))
        except OSError as exc:  # preferences are a convenience; never fail the app for them
            log.warning("cannot save settings: %s", exc)
