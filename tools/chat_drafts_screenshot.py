"""Screenshot builders for "less typing": the chat-draft review screen (from the test
fixtures) and the reminder settings."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import QApplication, QWidget

from journal import Journal
from journal.conversations.parse import read_export
from journal.samples import sample_entries
from ui.conversations.review_dialog import ReviewDialog
from ui.infra.settings import AppSettings
from ui.shell.reminder_dialog import ReminderDialog

FIXTURES = Path(__file__).resolve().parents[1] / "tests" / "fixtures" / "chat_exports"


def build_chat_drafts(folder: Path) -> QWidget:
    journal, _ = Journal.create(folder / "journal")
    journal.add_many(sample_entries())
    for name in ("chatgpt_conversations.json", "claude_conversations.json"):
        journal.conversations.add_conversations(read_export(FIXTURES / name))
    dialog = ReviewDialog(journal)
    dialog.table.selectRow(1)
    dialog.outcome.set_value("worked")
    dialog.category.setCurrentText("coding")
    dialog.without_ai.setValue(60)
    dialog.with_ai.setValue(15)
    dialog.lesson.setText("paste the real failing input, not a description of it")
    QApplication.processEvents()
    return dialog


def build_reminder(folder: Path) -> QWidget:
    settings = AppSettings(folder / "settings.json")
    settings.set("reminder_enabled", True)
    return ReminderDialog(settings, tray=True)
