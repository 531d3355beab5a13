"""Live data (issue 14): an entry added by the CLI (its own connection, as another process
would be) appears in the open window within 2 s, keeping the selection and an unsaved edit."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from journal import Journal
from journal.cli import main as cli_main
from ui.infra.settings import AppSettings
from ui.shell.live_refresh import POLL_MS
from ui.shell.main_window import MainWindow


def test_cli_add_shows_up_keeping_selection_and_unsaved_edit(
        journal: Journal, journal_dir: Path, qtbot, settings: AppSettings,
        monkeypatch: pytest.MonkeyPatch) -> None:
    journal.add({"title": "Mine", "tool": "Claude", "outcome": "worked",
                 "minutes_without_ai": 20, "minutes_with_ai": 5})
    window = MainWindow(journal, settings)
    qtbot.addWidget(window)
    window.show()
    page = window.journal_page
    page.reload()
    page.table.selectRow(0)
    page.editor.lesson.setPlainText("typed, not saved yet")
    assert page.editor.is_dirty and page.filter_bar.count_label.text() == "1 entry"

    monkeypatch.setenv("OFFSCRIPT_HOME", str(journal_dir))
    assert cli_main(["add", "--title", "From the terminal", "--tool", "ChatGPT",
                     "--outcome", "broke", "--without", "10", "--with", "30"],
                    out=io.StringIO()) == 0

    assert POLL_MS <= 2000
    qtbot.waitUntil(lambda: page.model.rowCount() == 2, timeout=2000)
    titles = {page.model.entry(r).title for r in range(2)}
    assert titles == {"Mine", "From the terminal"}
    assert page.filter_bar.count_label.text() == "2 entries"
    assert page.current_entry() is not None and page.current_entry().title == "Mine"
    assert page.editor.is_dirty and page.editor.lesson.toPlainText() == "typed, not saved yet"


def test_own_writes_do_not_trigger_a_refresh(journal: Journal, qtbot,
                                             settings: AppSettings) -> None:
    window = MainWindow(journal, settings)
    qtbot.addWidget(window)
    journal.add({"title": "Mine", "tool": "Claude", "outcome": "worked",
                 "minutes_without_ai": 20, "minutes_with_ai": 5})
    assert window.live.check() is False
