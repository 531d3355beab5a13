"""A window's first size: the size it wants, or less on a screen with less room (a 1024x640
laptop screen must show a whole window and its buttons, not run them off its edges)."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import QWidget

FRAME_ROOM = QSize(0, 48)  # a window manager's title bar and borders, outside our size


def fitted(wanted: QSize, widget: QWidget | None = None) -> QSize:
    """`wanted`, bounded by the free area of the widget's screen (or the primary one)."""
    screen = widget.screen() if widget is not None else QGuiApplication.primaryScreen()
    if screen is None:
        return wanted
    return wanted.boundedTo(screen.availableGeometry().size() - FRAME_ROOM)
