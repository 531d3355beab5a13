"""Main window flows: create/edit/save, validation, search and filters, trash + undo."""

from __future__ import annotations

from datetime import date, datetime

import pytest
from PySide6.QtCore import Qt

from journal import Entry, EntryFilter, Journal
from ui.infra.settings import AppSettings
from ui.shell.main_window import MainWindow


@pytest.fixture
def window(journal: Journal, qtbot, settings: AppSettings) -> MainWindow:
    win = MainWindow(journal, settings)
    qtbot.addWidget(win)
    win.show()
    return win


def _add(journal: Journal, title: str, **extra) -> Entry:
    data = {"title": title, "tool": "ChatGPT", "outcome": "worked", "minutes_without_ai": 30,
            "minutes_with_ai": 10, **extra}
    return journal.add(data)


def test_create_edit_save(window: MainWindow, journal: Journal, qtbot) -> None:
    editor = window.journal_page.editor
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClicks(editor.title, "Summarise a report")
    qtbot.keyClicks(editor.tool, "Claude")
    editor.outcome.buttons["partly"].click()
    editor.without_ai.setValue(45)
    editor.with_ai.setValue(10)
    assert editor.net.text() == "net saved: 35 min"
    assert editor.failure_box.isVisibleTo(editor)
    editor.failure_modes.boxes["hallucination"].setChecked(True)
    editor.tags.setText("reports, weekly")
    assert editor.is_dirty
    window.menus.save_action.trigger()
    assert journal.count() == 1
    saved = journal.list()[0]
    assert saved.outcome == "partly" and saved.failure_modes == ["hallucination"]
    assert saved.tags == ["reports", "weekly"]
    assert window.journal_page.model.rowCount() == 1
    editor.with_ai.setValue(55)
    assert editor.net.text() == "lost: 10 min"
    window.menus.save_action.trigger()
    assert journal.get(saved.id).minutes_with_ai == 55
    assert window.journal_page.model.entry(0).minutes_with_ai == 55


def test_validation_messages_beside_fields(window: MainWindow, journal: Journal) -> None:
    editor = window.journal_page.editor
    window.new_entry()
    assert editor.save() is None
    assert editor.error_for("title") == "title is required"
    assert editor.error_for("outcome") == "" or "required" in editor.error_for("outcome")
    editor.title.setText("x" * 201)
    assert "at most 200" in editor.error_for("title")
    assert journal.count() == 0


def test_selecting_shows_entry_and_esc_reverts(window: MainWindow, journal: Journal) -> None:
    _add(journal, "First")
    window.journal_page.reload()
    window.journal_page.table.selectRow(0)
    editor = window.journal_page.editor
    assert editor.title.text() == "First"
    editor.title.setText("Changed")
    window.menus.cancel_action.trigger()
    assert editor.title.text() == "First" and not editor.is_dirty


def test_esc_clears_the_search_only_while_it_has_focus(window: MainWindow, qtbot) -> None:
    bar = window.journal_page.filter_bar
    window.find()
    qtbot.waitUntil(bar.search.hasFocus)
    bar.search.setText("regex")
    window.menus.cancel_action.trigger()
    assert bar.search.text() == ""
    bar.search.setText("regex")
    window.journal_page.table.setFocus()
    qtbot.waitUntil(lambda: not bar.search.hasFocus())
    window.menus.cancel_action.trigger()
    assert bar.search.text() == "regex"


def test_search_and_each_filter(window: MainWindow, journal: Journal, qtbot) -> None:
    _add(journal, "Regex for logs", tool="Claude", tags=["regex"], category="coding",
         occurred_at=datetime(2024, 3, 1, 10))
    _add(journal, "Customer email", outcome="broke", failure_modes=["too_generic"],
         category="support", occurred_at=datetime(2024, 5, 1, 10), tags=["email"])
    page = window.journal_page
    page.reload()
    bar, model = page.filter_bar, page.model
    with qtbot.waitSignal(model.count_changed, timeout=2000):
        qtbot.keyClicks(bar.search, "rege")  # prefix of the last word, debounced
    assert model.total == 1 and bar.count_label.text() == "1 match"
    bar.search.clear()
    qtbot.waitUntil(lambda: model.total == 2)
    checks = [(bar.tool, "Claude", "Regex for logs"), (bar.outcome, "broke", "Customer email"),
              (bar.failure_mode, "too_generic", "Customer email"),
              (bar.tag, "email", "Customer email"), (bar.category, "coding", "Regex for logs")]
    for combo, value, title in checks:
        combo.setCurrentIndex(combo.findData(value))
        assert model.total == 1 and model.entry(0).title == title, value
        combo.setCurrentIndex(0)
    bar.since.setDate(date(2024, 4, 1))
    assert model.total == 1 and model.entry(0).title == "Customer email"
    bar.until.setDate(date(2024, 4, 30))
    assert model.total == 0
    bar.clear()
    assert model.total == 2 and bar.count_label.text() == "2 entries"


def test_query_error_shows_inline(window: MainWindow, journal: Journal, qtbot) -> None:
    _add(journal, "Anything")
    bar = window.journal_page.filter_bar
    bar.search.setText('"unclosed')
    bar.emit_filter()
    assert bar.error_label.isVisibleTo(window) and "quote" in bar.error_label.text()


def test_trash_and_undo(window: MainWindow, journal: Journal, qtbot) -> None:
    entry = _add(journal, "To delete")
    page = window.journal_page
    page.reload()
    page.table.selectRow(0)
    page.table.setFocus()
    window.menus.trash_action.trigger()
    assert journal.count() == 0 and journal.count(EntryFilter(trashed=True)) == 1
    assert page.undo_bar.isVisibleTo(window)
    qtbot.keyClick(page.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert journal.count() == 1 and journal.get(entry.id).trashed_at is None
    page.trash_entry(entry.id)
    window.show_page(window.trash)
    trash = window.trash
    assert trash.model.total == 1
    trash.table.selectRow(0)
    trash.restore_selected()
    assert journal.count() == 1
    page.trash_entry(entry.id)
    trash.refresh()
    trash.empty_trash()  # alerts.ask answers "Empty Trash"
    assert journal.count(EntryFilter(trashed=True)) == 0


def test_prompts_that_worked_copy(window: MainWindow, journal: Journal, qtbot) -> None:
    _add(journal, "Good prompt", prompt="Summarise as a table")
    _add(journal, "No prompt")
    _add(journal, "Broke", outcome="broke", prompt="nope")
    window.show_page(window.prompts)
    prompts = window.prompts
    assert prompts.model.total == 1
    prompts.table.selectRow(0)
    with qtbot.waitSignal(prompts.copied):
        prompts.copy_button.click()
    from PySide6.QtGui import QGuiApplication
    assert QGuiApplication.clipboard().text() == "Summarise as a table"


def test_unsaved_switch_asks(window: MainWindow, journal: Journal, alert_log) -> None:
    _add(journal, "A")
    _add(journal, "B")
    page = window.journal_page
    page.reload()
    page.table.selectRow(0)
    page.editor.lesson.setPlainText("keep me")
    alert_log.answers = [2]  # Keep editing
    page.table.selectRow(1)
    assert page.editor.lesson.toPlainText() == "keep me"
    alert_log.answers = [0]  # Save
    page.table.selectRow(1)
    assert any(e.lesson == "keep me" for e in journal.list())
