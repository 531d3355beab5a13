"""A gentle daily reminder: opt-in, only while the app runs, silent once something was logged.

On the chosen weekdays, from the chosen time on, if no entry is dated today, `due` fires once;
the tray turns it into a notification that opens the quick log. "Remind me in an hour"
snoozes it; "Not today" silences it until tomorrow. Nothing is installed in the system.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, time, timedelta

from PySide6.QtCore import QObject, QTimer, Signal

from journal import EntryFilter, Journal, OffscriptError
from ui.infra.settings import AppSettings

CHECK_MS = 60_000
SNOOZE = timedelta(hours=1)
WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")


def parse_time(text: str) -> time:
    try:
        return time.fromisoformat(text)
    except ValueError:
        return time(17, 0)


class Reminder(QObject):
    due = Signal()

    def __init__(self, settings: AppSettings, journal: Journal, parent: QObject | None = None, *,
                 clock: Callable[[], datetime] = datetime.now) -> None:
        super().__init__(parent)
        self.settings = settings
        self.journal = journal
        self.clock = clock
        self.timer = QTimer(self, interval=CHECK_MS)
        self.timer.timeout.connect(self.check)
        self.timer.start()

    def logged_today(self, today: datetime) -> bool:
        day = today.date()
        try:
            return self.journal.count(EntryFilter(since=day, until=day)) > 0
        except OffscriptError:
            return True  # a journal that can't be read now is no reason to nag

    def is_due(self) -> bool:
        now = self.clock()
        s = self.settings
        if not s.get("reminder_enabled") or now.weekday() not in s.get("reminder_days"):
            return False
        if now.time() < parse_time(s.get("reminder_time")):
            return False
        if s.get("reminder_quiet_on") == now.date().isoformat():
            return False
        snoozed = s.get("reminder_snoozed_until")
        if snoozed and now < datetime.fromisoformat(snoozed):
            return False
        return not self.logged_today(now)

    def check(self) -> bool:
        """Fire `due` if it is time; once per day unless snoozed."""
        if not self.is_due():
            return False
        self.settings.set("reminder_quiet_on", self.clock().date().isoformat())
        self.settings.set("reminder_snoozed_until", "")
        self.due.emit()
        return True

    def snooze(self) -> None:
        self.settings.set("reminder_snoozed_until", (self.clock() + SNOOZE).isoformat())
        self.settings.set("reminder_quiet_on", "")

    def not_today(self) -> None:
        self.settings.set("reminder_quiet_on", self.clock().date().isoformat())
        self.settings.set("reminder_snoozed_until", "")
