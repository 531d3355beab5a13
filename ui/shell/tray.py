"""The tray icon: Quick log · Open · Quit. Only built where a system tray exists."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QMenu, QSystemTrayIcon


def tray_available() -> bool:
    return QSystemTrayIcon.isSystemTrayAvailable()


class Tray(QObject):
    quick_log = Signal()
    open_window = Signal()
    quit = Signal()

    def __init__(self, icon: QIcon, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.menu = QMenu()
        self.menu.addAction("Quick log…", self.quick_log.emit)
        self.menu.addAction("Open Offscript", self.open_window.emit)
        self.menu.addSeparator()
        self.menu.addAction("Quit", self.quit.emit)
        self.icon = QSystemTrayIcon(icon, self)
        self.icon.setToolTip("Offscript")
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._activated)
        self.icon.show()

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (QSystemTrayIcon.ActivationReason.Trigger,
                      QSystemTrayIcon.ActivationReason.DoubleClick):
            self.open_window.emit()
