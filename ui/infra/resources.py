"""Files in ui/resources/, found the same way from source, an installed wheel and a PyInstaller
bundle (which keeps them at ui/resources too)."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtGui import QIcon

APP_ICON = "offscript.svg"


def resource_path(name: str) -> Path:
    bundle = getattr(sys, "_MEIPASS", None)  # set by PyInstaller's bootloader
    root = Path(bundle) / "ui" if bundle else Path(__file__).resolve().parents[1]
    return root / "resources" / name


def app_icon() -> QIcon:
    return QIcon(str(resource_path(APP_ICON)))
