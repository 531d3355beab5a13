"""The undo bar (issue 14): offers Undo only while something can be undone, and a long title
in it never widens the window."""

from __future__ import annotations

from journal import Journal
from ui.infra.settings import AppSettings
from ui.shell.main_window import MainWindow


def _add(journal: Journal, title: str) -> None:
    journal.add({"title": title, "tool": "Claude", "outcome": "worked",
                 "minutes_without_ai": 20, "minutes_with_ai": 5})


def test_undo_is_offered_until_it_was_done(journal: Journal, qtbot,
                                           settings: AppSettings) -> None:
    _add(journal, "One")
    _add(journal, "Two")
    window = MainWindow(journal, settings)
    qtbot.addWidget(window)
    window.show()
    page = window.journal_page
    page.reload()
    bar = page.undo_bar
    assert not bar.isVisible()
    page.table.selectRow(0)
    page.trash_current()
    page.table.selectRow(0)
    page.trash_current()
    assert bar.isVisible() and bar.undo_button.isVisible()
    bar.undo_button.click()  # undoes the second; the first can still be undone
    assert "Restored" in bar.label.text() and bar.undo_button.isVisible()
    bar.undo_button.click()
    assert "Restored" in bar.label.text()
    assert not bar.undo_button.isVisible()  # nothing left: no Undo on offer
    assert journal.count() == 2


def test_long_title_in_the_bar_does_not_widen_the_window(journal: Journal, qtbot,
                                                         settings: AppSettings) -> None:
    _add(journal, "An experiment with a very long title " * 5)
    window = MainWindow(journal, settings)
    qtbot.addWidget(window)
    window.resize(1024, 640)
    window.show()
    qtbot.waitExposed(window)
    page = window.journal_page
    page.reload()
    page.table.selectRow(0)
    width = window.width()
    page.trash_current()
    qtbot.wait(50)
    assert page.undo_bar.isVisible()
    assert window.width() == width and window.minimumSizeHint().width() <= 1024
