"""The daily reminder: opt-in, on chosen days from a chosen time, quiet once something was logged."""

from __future__ import annotations

from datetime import datetime

from pytestqt.qtbot import QtBot

from journal import Journal
from ui.infra.settings import AppSettings
from ui.shell.reminder import Reminder
from ui.shell.reminder_dialog import ReminderDialog

WEDNESDAY_4PM = datetime(2026, 11, 25, 16, 0)


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now

    def __call__(self) -> datetime:
        return self.now


def _reminder(settings: AppSettings, journal: Journal, clock: Clock) -> Reminder:
    settings.set("reminder_enabled", True)
    settings.set("reminder_days", [2])  # Wednesday
    settings.set("reminder_time", "17:00")
    return Reminder(settings, journal, clock=clock)


def test_off_by_default(settings: AppSettings, journal: Journal) -> None:
    reminder = Reminder(settings, journal, clock=Clock(datetime(2026, 11, 25, 18, 0)))
    assert not reminder.is_due()


def test_due_once_on_the_day_after_the_time(qtbot: QtBot, settings: AppSettings,
                                             journal: Journal) -> None:
    clock = Clock(WEDNESDAY_4PM)
    reminder = _reminder(settings, journal, clock)
    assert not reminder.check()  # before 17:00
    clock.now = datetime(2026, 11, 25, 17, 1)
    with qtbot.waitSignal(reminder.due, timeout=1000):
        assert reminder.check()
    assert not reminder.check()  # once a day
    clock.now = datetime(2026, 11, 26, 17, 30)  # Thursday: not a chosen day
    assert not reminder.check()


def test_quiet_when_something_was_logged_today(settings: AppSettings, journal: Journal) -> None:
    clock = Clock(datetime(2026, 11, 25, 17, 30))
    reminder = _reminder(settings, journal, clock)
    journal.add({"title": "t", "tool": "x", "outcome": "worked", "minutes_without_ai": 5,
                 "minutes_with_ai": 1, "occurred_at": "2026-11-25T09:00"})
    assert not reminder.is_due()


def test_snooze_and_not_today(settings: AppSettings, journal: Journal) -> None:
    clock = Clock(datetime(2026, 11, 25, 17, 30))
    reminder = _reminder(settings, journal, clock)
    assert reminder.check()
    reminder.snooze()
    clock.now = datetime(2026, 11, 25, 18, 0)
    assert not reminder.is_due()
    clock.now = datetime(2026, 11, 25, 18, 31)
    assert reminder.is_due()
    reminder.not_today()
    assert not reminder.is_due()
    clock.now = datetime(2026, 12, 2, 17, 5)  # next Wednesday
    assert reminder.is_due()


def test_dialog_saves_days_and_time(qtbot: QtBot, settings: AppSettings) -> None:
    dialog = ReminderDialog(settings, tray=True)
    qtbot.addWidget(dialog)
    dialog.enabled.setChecked(True)
    dialog.days[0].setChecked(False)
    dialog.days[5].setChecked(True)
    dialog.time.setTime(dialog.time.time().fromString("08:30", "HH:mm"))
    dialog.save()
    assert settings.get("reminder_enabled") is True
    assert settings.get("reminder_days") == [1, 2, 3, 4, 5]
    assert settings.get("reminder_time") == "08:30"
    no_tray = ReminderDialog(settings, tray=False)
    qtbot.addWidget(no_tray)
    assert not no_tray.enabled.isEnabled() and not no_tray.enabled.isChecked()
