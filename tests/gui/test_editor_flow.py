"""Editor flow (issue 14): back at the top with the cursor in Title after new/select/save, one
Tab stop per field in the order people fill the form, errors only once a field was left, and a
chosen outcome that stands out in both themes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QWidget

from journal import Entry, Journal
from ui.entries.editor import EntryEditor
from ui.infra import theme
from ui.infra.settings import AppSettings
from ui.shell.main_window import MainWindow


@pytest.fixture
def window(journal: Journal, qtbot, settings: AppSettings) -> MainWindow:
    win = MainWindow(journal, settings)
    qtbot.addWidget(win)
    win.resize(1024, 640)
    _activate(win, qtbot)
    return win


def _activate(widget: QWidget, qtbot) -> None:
    """Shown and active, so focus and Tab behave as on a desktop."""
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget)


def _add(journal: Journal, title: str) -> Entry:
    return journal.add({"title": title, "tool": "ChatGPT", "outcome": "broke",
                        "minutes_without_ai": 30, "minutes_with_ai": 50,
                        "what_broke": "long\n" * 30, "lesson": "l", "prompt": "p\n" * 30})


def _scroll_down(editor: EntryEditor) -> None:
    bar = editor.form_scroll.verticalScrollBar()
    editor.tags.setFocus()
    bar.setValue(bar.maximum())
    assert bar.maximum() > 0 and bar.value() > 0  # the form is taller than the pane here


def test_new_entry_scrolls_to_top_and_focuses_title(window: MainWindow, journal: Journal,
                                                     qtbot) -> None:
    _add(journal, "First")
    window.journal_page.reload()
    editor = window.journal_page.editor
    _scroll_down(editor)
    qtbot.keyClick(window, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)
    assert editor.form_scroll.verticalScrollBar().value() == 0
    assert QApplication.focusWidget() is editor.title


def test_selecting_an_entry_scrolls_to_top(window: MainWindow, journal: Journal) -> None:
    _add(journal, "First")
    _add(journal, "Second")
    page = window.journal_page
    page.reload()
    page.table.selectRow(0)
    _scroll_down(page.editor)  # the cursor is in the form, scrolled down
    page.table.selectRow(1)
    assert page.editor.form_scroll.verticalScrollBar().value() == 0
    assert QApplication.focusWidget() is page.editor.title
    page.table.setFocus()  # browsing with the keyboard: the list keeps the focus
    page.table.selectRow(0)
    assert QApplication.focusWidget() is page.table


def test_save_scrolls_to_top_and_focuses_title(window: MainWindow, journal: Journal) -> None:
    page = window.journal_page
    page.reload()
    _add(journal, "First")
    page.reload()
    page.table.selectRow(0)
    editor = page.editor
    _scroll_down(editor)
    editor.tags.setText("edited")
    assert editor.save() is not None
    assert editor.form_scroll.verticalScrollBar().value() == 0
    assert QApplication.focusWidget() is editor.title


def _tab_walk(editor: EntryEditor, qtbot, stops: int) -> list[QWidget]:
    editor.title.setFocus()
    seen = [QApplication.focusWidget()]
    for _ in range(stops):
        focus = QApplication.focusWidget()
        assert focus is not None, [w.accessibleName() for w in seen]
        qtbot.keyClick(focus, Qt.Key.Key_Tab)
        seen.append(QApplication.focusWidget())
    return seen


def test_tab_order_is_one_stop_per_field_in_filling_order(journal: Journal, qtbot) -> None:
    editor = EntryEditor(journal)
    qtbot.addWidget(editor)
    editor.resize(600, 1400)
    _activate(editor, qtbot)
    editor.outcome.buttons["broke"].click()  # shows the failure modes
    chain = editor.tab_chain()
    assert chain[3] is editor.outcome.buttons["broke"]  # the chosen outcome is the stop
    seen = _tab_walk(editor, qtbot, len(chain) - 1)
    assert [w.accessibleName() for w in seen] == [w.accessibleName() for w in chain]
    when = editor.occurred_at.dateTime()
    qtbot.keyClick(editor.occurred_at, Qt.Key.Key_Tab)  # leaves the date, sections untouched
    assert QApplication.focusWidget() is not editor.occurred_at
    assert editor.occurred_at.dateTime() == when


def test_arrow_keys_move_inside_a_button_group(journal: Journal, qtbot) -> None:
    editor = EntryEditor(journal)
    qtbot.addWidget(editor)
    _activate(editor, qtbot)
    first = editor.outcome.buttons["worked"]
    first.setFocus()
    qtbot.keyClick(first, Qt.Key.Key_Right)
    assert QApplication.focusWidget() is editor.outcome.buttons["partly"]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)
    assert editor.outcome.value() == "partly"


def test_errors_wait_until_the_field_is_left_and_keep_their_room(journal: Journal,
                                                                 qtbot) -> None:
    editor = EntryEditor(journal)
    qtbot.addWidget(editor)
    editor.resize(600, 1400)
    _activate(editor, qtbot)
    editor.title.setFocus()
    tool_y = editor.tool.mapTo(editor, editor.tool.rect().topLeft()).y()
    qtbot.keyClicks(editor.title, "x")
    editor.title.clear()  # still on Title: no 'required' yet, for Title or anything else
    assert editor.error_for("title") == "" and editor.error_for("tool") == ""
    qtbot.keyClick(editor.title, Qt.Key.Key_Tab)  # left Title empty
    assert editor.error_for("title") == "title is required"
    assert editor.error_for("tool") == ""  # the user is on Tool now
    assert editor.tool.mapTo(editor, editor.tool.rect().topLeft()).y() == tool_y  # no jump
    assert editor.save() is None
    assert editor.error_for("tool") == "tool is required"


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_chosen_outcome_stands_out(journal: Journal, qtbot, mode: str) -> None:
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    theme.apply(app, mode)
    try:
        editor = EntryEditor(journal)
        qtbot.addWidget(editor)
        editor.show()
        qtbot.waitExposed(editor)
        for outcome, button in editor.outcome.buttons.items():
            editor.outcome.set_value(outcome)
            assert button.text().startswith("✓")
            others = [b for b in editor.outcome.buttons.values() if b is not button]
            assert not any(b.text().startswith("✓") for b in others)

            def fill(widget: QWidget) -> QColor:  # a pixel inside the button, off its text
                image = widget.grab().toImage()
                return image.pixelColor(6, image.height() // 2)

            chosen, plain = fill(button), fill(others[0])
            assert theme.contrast(chosen, plain) >= 3.0, (mode, outcome, chosen.name(),
                                                          plain.name())
    finally:
        theme.apply(app, "light")
