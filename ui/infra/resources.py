"""Files in ui/resources/, found the same way from source, an installed wheel and a PyInstaller
bundle (which keeps them at ui/resources too)."""

from __future__ import annotations

import sys
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QIcon

APP_ICON = "offscript.svg"
WINDOW_ICON_SIZES = (16, 24, 32, 48, 64, 128)


def resource_path(name: str) -> Path:
    bundle = getattr(sys, "_MEIPASS", None)  # set by PyInstaller's bootloader
    root = Path(bundle) / "ui" if bundle else Path(__file__).resolve().parents[1]
    return root / "resources" / name


def app_icon() -> QIcon:
    """The window icon from the PNGs rendered for packagers, 16 to 128 px: the SVG would load
    QtSvg and its icon plugin (~1.4 MB) at every start, and a window needs no bigger size (the
    desktop takes larger ones from the installed icon theme)."""
    icon = QIcon()
    for size in WINDOW_ICON_SIZES:
        icon.addFile(str(resource_path(f"icons/hicolor/{size}x{size}/apps/offscript.png")),
                     QSize(size, size))
    return icon
