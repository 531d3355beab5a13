"""Soak: 20,000 typed characters across every field, with saves, switches, undo, search as you
type, the Share dialog and the Dashboard in between. The process must survive (PySide6 6.12.0
on Python 3.11 aborted within a few hundred keystrokes) and every count must hold."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtWidgets import QAbstractSpinBox, QWidget

from journal import EntryFilter, Journal
from journal.share import lists
from ui.infra.settings import AppSettings
from ui.shell.main_window import MainWindow

TARGET_CHARS = 20_000
SHARE_EVERY = 7  # rounds between openings of the Share dialog and the Dashboard


class Typist:
    """QTest.keyClicks with a running count of the characters sent."""

    def __init__(self, qtbot: Any) -> None:
        self.qtbot = qtbot
        self.typed = 0

    def type(self, widget: QWidget, text: str) -> None:
        if isinstance(widget, QAbstractSpinBox):
            widget.selectAll()  # type over "0 min"
        self.qtbot.keyClicks(widget, text)
        self.typed += len(text)


def _prose(word: str, n: int) -> str:
    base = f"{word} tried a longer prompt, checked the answer, fixed two facts; "
    return (base * (n // len(base) + 1))[:n].strip() + "."


@pytest.mark.slow
def test_typing_soak(journal: Journal, qtbot: Any, settings: AppSettings,
                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lists, "login_names", lambda: [])
    window = MainWindow(journal, settings)
    qtbot.addWidget(window)
    window.show()
    page, editor = window.journal_page, window.journal_page.editor
    keys = Typist(qtbot)
    saved = trashed = 0
    round_ = 0
    while keys.typed < TARGET_CHARS:
        round_ += 1
        token = f"soak{round_:03d}x"
        # A new entry, every field typed.
        window.menus.new_action.trigger()
        prompt = _prose(f"{token} prompt", 420)
        keys.type(editor.title, f"{token} summarise the weekly report")
        keys.type(editor.tool, f"Tool{round_ % 4}")
        keys.type(editor.tool_version, "model 4.1")
        keys.type(editor.category.lineEdit(), "writing")
        qtbot.mouseClick(editor.outcome.buttons["partly"], _left())
        keys.type(editor.without_ai, "45")
        keys.type(editor.with_ai, "15")
        keys.type(editor.iterations, "3")
        keys.type(editor.prompt, prompt)
        keys.type(editor.what_broke, _prose("it", 150))
        keys.type(editor.lesson, _prose("lesson", 150))
        keys.type(editor.tags, f"soak, {token}")
        editor.share.click()
        window.menus.save_action.trigger()
        saved += 1
        entry = editor.entry
        assert entry is not None, editor.status.text()
        assert entry.prompt == prompt and entry.tags == ["soak", token]
        assert (entry.minutes_without_ai, entry.minutes_with_ai, entry.iterations) == (45, 15, 3)
        assert entry.share and entry.outcome == "partly"

        # The quick log, every field.
        quick = window.open_quick_log()
        keys.type(quick.title, f"{token} quick idea")
        keys.type(quick.tool, "Quick")
        qtbot.mouseClick(quick.outcome.buttons["worked"], _left())
        keys.type(quick.without_ai, "20")
        keys.type(quick.with_ai, "5")
        keys.type(quick.note, _prose("note", 100))
        with qtbot.waitSignal(quick.saved):
            quick.save_button.click()
        saved += 1

        # Switch to an older entry, edit it, save; trash it and undo.
        page.table.selectRow(page.model.rowCount() - 1)
        assert editor.entry is not None
        keys.type(editor.lesson, " revisited later")
        window.menus.save_action.trigger()
        assert not editor.is_dirty
        window.menus.trash_action.trigger()
        trashed += 1
        assert journal.count() == saved - 1
        window.menus.undo_action.trigger()
        assert journal.count() == saved

        # Search as you type: the round's token matches its two entries.
        keys.type(page.filter_bar.search, token)
        qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=10000)
        page.filter_bar.clear()
        qtbot.waitUntil(lambda: page.model.rowCount() == saved, timeout=10000)  # noqa: B023

        if round_ % SHARE_EVERY == 1:
            _visit_share_and_dashboard(window, qtbot, saved)

    assert keys.typed >= TARGET_CHARS
    assert journal.count() == saved == 2 * round_
    assert page.model.rowCount() == saved
    assert len(journal.search("soak")) == round_  # the tag: editor entries only
    assert journal.count(EntryFilter(trashed=True)) == 0 and trashed == round_


def _visit_share_and_dashboard(window: MainWindow, qtbot: Any, saved: int) -> None:
    from ui.share.dialog import ShareDialog

    dialog = ShareDialog(window.journal, window)
    dialog.show()
    qtbot.waitUntil(lambda: not dialog.busy() and dialog.data != b"", timeout=20000)
    dialog.done(0)
    dialog.deleteLater()
    window.show_page(window.dashboard)
    qtbot.wait(10)
    window.show_page(window.journal_page)
    assert window.journal.count() == saved


def _left() -> Any:
    from PySide6.QtCore import Qt

    return Qt.MouseButton.LeftButton
