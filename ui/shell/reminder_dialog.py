"""Settings for the daily reminder: on or off, which weekdays, from what time."""

from __future__ import annotations

from PySide6.QtCore import QTime
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from ui.infra.settings import AppSettings
from ui.shell.reminder import WEEKDAYS, parse_time


class ReminderDialog(QDialog):
    def __init__(self, settings: AppSettings, *, tray: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.setWindowTitle("Daily reminder")
        self.enabled = QCheckBox("Remind me to log an experiment")
        self.enabled.setChecked(settings.get("reminder_enabled"))
        self.days = [QCheckBox(name) for name in WEEKDAYS]
        chosen = settings.get("reminder_days")
        days_row = QHBoxLayout()
        for i, box in enumerate(self.days):
            box.setChecked(i in chosen)
            days_row.addWidget(box)
        self.time = QTimeEdit(displayFormat="HH:mm", maximumWidth=110)
        when = parse_time(settings.get("reminder_time"))
        self.time.setTime(QTime(when.hour, when.minute))
        note = ("Only while Offscript is running, and only if nothing is logged that day. "
                "The notification opens the quick log; the tray menu has “Remind me in an hour” "
                "and “Not today”.")
        if not tray:
            note = ("This desktop has no system tray, so Offscript cannot show notifications "
                    "here; the reminder stays off.")
            self.enabled.setChecked(False)
            self.enabled.setEnabled(False)
        form = QFormLayout()
        form.addRow(self.enabled)
        form.addRow("On", days_row)
        form.addRow("From", self.time)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                   | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(QLabel(note, wordWrap=True))
        layout.addWidget(buttons)

    def save(self) -> None:
        self.settings.set("reminder_enabled", self.enabled.isChecked())
        self.settings.set("reminder_days", [i for i, b in enumerate(self.days) if b.isChecked()])
        self.settings.set("reminder_time", self.time.time().toString("HH:mm"))
        self.accept()
