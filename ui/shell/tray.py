"""The tray icon: Quick log · Open · Quit, and the daily reminder's notification.

Only built where a system tray exists."""

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
    snooze_reminder = Signal()
    silence_reminder = Signal()

    def __init__(self, icon: QIcon, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.menu = QMenu()
        self.menu.addAction("Quick log…", self.quick_log.emit)
        self.menu.addAction("Open Offscript", self.open_window.emit)
        self.snooze_action = self.menu.addAction("Remind me in an hour", self._snooze)
        self.silence_action = self.menu.addAction("Not today", self._silence)
        self._reminder_actions(False)
        self.menu.addSeparator()
        self.menu.addAction("Quit", self.quit.emit)
        self.icon = QSystemTrayIcon(icon, self)
        self.icon.setToolTip("Offscript")
        self.icon.setContextMenu(self.menu)
        self.icon.activated.connect(self._activated)
        self.icon.messageClicked.connect(self.quick_log.emit)
        self.icon.show()

    def show_reminder(self) -> None:
        """The daily reminder: clicking it opens the quick log."""
        self._reminder_actions(True)
        self.icon.showMessage("Log today's experiment?",
                              "Nothing is logged today. Click here to open the quick log.",
                              QSystemTrayIcon.MessageIcon.Information, 20_000)

    def _reminder_actions(self, visible: bool) -> None:
        self.snooze_action.setVisible(visible)
        self.silence_action.setVisible(visible)

    def _snooze(self) -> None:
        self._reminder_actions(False)
        self.snooze_reminder.emit()

    def _silence(self) -> None:
        self._reminder_actions(False)
        self.silence_reminder.emit()

    def _activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason in (QSystemTrayIcon.ActivationReason.Trigger,
                      QSystemTrayIcon.ActivationReason.DoubleClick):
            self.open_window.emit()
