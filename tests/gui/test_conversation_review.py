"""The review screen for drafts from a chat export: import, search, keep, drop."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from journal import Journal
from ui.conversations.review_dialog import ReviewDialog

FIXTURES = Path(__file__).parents[1] / "fixtures" / "chat_exports"


def _dialog(qtbot: QtBot, journal: Journal) -> ReviewDialog:
    dialog = ReviewDialog(journal)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def test_empty_review_screen_explains_what_to_do(qtbot: QtBot, journal: Journal) -> None:
    dialog = _dialog(qtbot, journal)
    assert dialog.empty.isVisible() and "ChatGPT" in dialog.empty.text()
    assert not dialog.form_pane.isEnabled()


def test_import_keep_and_drop(qtbot: QtBot, journal: Journal) -> None:
    dialog = _dialog(qtbot, journal)
    with qtbot.waitSignal(dialog.imported, timeout=10_000) as status:
        dialog.import_file(FIXTURES / "claude_conversations.json")
    assert status.args[0].startswith("2 new drafts")
    assert dialog.model.rowCount() == 2 and dialog.table.isVisible()
    assert dialog.title.text() == "Cover letter tone"  # newest first, selected
    assert "claude-sonnet-4-5" in dialog.meta.text()

    dialog.keep_current()  # no outcome yet: says so, keeps nothing
    assert "outcome" in dialog.error.text() and journal.count() == 0

    dialog.outcome.set_value("worked")
    dialog.without_ai.setValue(30)
    dialog.with_ai.setValue(10)
    dialog.lesson.setText("say what to keep")
    with qtbot.waitSignal(dialog.kept) as kept:
        qtbot.keyClick(dialog, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    entry = kept.args[0]
    assert journal.get(entry.id).lesson == "say what to keep" and entry.tool == "Claude"
    assert dialog.model.rowCount() == 1 and dialog.title.text() == "Fix flaky pytest fixture"

    dialog.drop_current()
    assert dialog.model.rowCount() == 0 and dialog.empty.isVisible()
    assert journal.conversations.count() == 0 and journal.count() == 1


def test_search_and_a_bad_file(qtbot: QtBot, journal: Journal, tmp_path: Path,
                               alert_log: object) -> None:
    dialog = _dialog(qtbot, journal)
    with qtbot.waitSignal(dialog.imported, timeout=10_000):
        dialog.import_file(FIXTURES / "chatgpt_conversations.json")
    dialog.search.setText("regex")
    qtbot.waitUntil(lambda: dialog.model.rowCount() == 1)
    assert dialog.count.text() == "1 of 3 match"
    dialog.category.setCurrentText("coding")
    journal.add({"title": "x", "tool": "t", "outcome": "worked", "category": "coding",
                 "minutes_without_ai": 40, "minutes_with_ai": 5})
    dialog.category.setCurrentText("")
    dialog.category.setCurrentText("coding")
    assert "40 min" in dialog.hint.text()

    bad = tmp_path / "notes.json"
    bad.write_text('{"hello": 1}')
    with qtbot.waitSignal(dialog.imported, timeout=10_000) as status:
        dialog.import_file(bad)
    assert "not a ChatGPT or Claude data export" in status.args[0]
    assert dialog.import_button.isEnabled() and journal.conversations.count() == 3
