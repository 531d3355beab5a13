"""Start-up does only what the first screen needs: the Journal page, one query per model,
choices after the window is shown; the other pages are built (and correct) on first use."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import Any

from journal import Entry, EntryFilter, Journal
from ui.infra.settings import AppSettings
from ui.shell import main_window as mw
from ui.shell.main_window import MainWindow


def _add(journal: Journal, title: str, **extra: Any) -> Entry:
    return journal.add({"title": title, "tool": "ChatGPT", "outcome": "worked",
                        "minutes_without_ai": 30, "minutes_with_ai": 10, **extra})


def _count_queries(journal: Journal) -> list[str]:
    seen: list[str] = []
    journal.store.conn.set_trace_callback(seen.append)
    return seen


def test_only_the_journal_page_is_built_at_start(journal: Journal, qtbot,
                                                 settings: AppSettings) -> None:
    _add(journal, "Regex", tool="Claude", prompt="write a regex")
    sql = _count_queries(journal)
    window = MainWindow(journal, settings)
    qtbot.addWidget(window)
    journal.store.conn.set_trace_callback(None)
    assert [window.stack.is_built(i) for i in range(5)] == [True, False, False, False, False]
    counts = [s for s in sql if s.lstrip().upper().startswith("SELECT COUNT(*) FROM ENTRIES E")]
    pages = [s for s in sql if "LIMIT" in s and "OFFSET" in s]
    assert len(pages) == 1  # the entries model queried once (not again from sort())
    assert len(counts) == 1  # its total; sample entries and choices wait for the window
    assert window.journal_page.filter_bar.tool.findData("Claude") == -1  # not yet

    window.show()
    qtbot.waitUntil(lambda: window.journal_page.filter_bar.tool.findData("Claude") > 0)
    assert "Claude" in window.journal_page.editor.tool.completer().model().stringList()


def test_samples_bar_appears_once_the_window_is_shown(journal: Journal, qtbot,
                                                      settings: AppSettings) -> None:
    from journal.samples import add_samples

    add_samples(journal)  # flagged samples (a user's entry tagged 'sample' is not one)
    window = MainWindow(journal, settings)
    qtbot.addWidget(window)
    window.show()
    page = window.journal_page
    qtbot.waitUntil(page.samples_bar.isVisible)
    page.remove_samples()
    assert not page.samples_bar.isVisible()


def test_pages_built_on_first_open_show_current_data(journal: Journal, qtbot,
                                                     settings: AppSettings) -> None:
    window = MainWindow(journal, settings)
    qtbot.addWidget(window)
    window.show()
    _add(journal, "Worked with a prompt", prompt="summarise this")
    journal.trash(_add(journal, "Gone").id)
    window.sidebar.setCurrentRow(mw.PROMPTS)
    assert window.stack.currentWidget() is window.prompts
    assert window.prompts.model.total == 1
    window.sidebar.setCurrentRow(mw.TRASH)
    assert window.trash.model.total == 1
    window.sidebar.setCurrentRow(mw.DASHBOARD)
    assert window.stack.currentWidget() is window.dashboard
    assert window.dashboard.stats.totals.entries == 1
    assert all(window.stack.is_built(i) for i in range(4))
    assert not window.stack.is_built(mw.TEAM)  # never opened: never built
    assert window.stack.count() == 5  # placeholders replaced, not appended to

    # A page built once is refreshed when shown again, after edits elsewhere.
    window.sidebar.setCurrentRow(mw.JOURNAL)
    _add(journal, "Another prompt", prompt="again")
    window.sidebar.setCurrentRow(mw.PROMPTS)
    assert window.prompts.model.total == 2
    window.trash.restore_selected()  # nothing selected: no change


def test_same_sort_order_does_not_requery(journal: Journal) -> None:
    from PySide6.QtCore import Qt

    from ui.entries.entry_model import EntryTableModel

    model = EntryTableModel(journal, EntryFilter())
    sql = _count_queries(journal)
    model.sort(EntryTableModel.DATE, Qt.SortOrder.DescendingOrder)  # the default order
    assert sql == []
    model.sort(EntryTableModel.DATE, Qt.SortOrder.AscendingOrder)
    journal.store.conn.set_trace_callback(None)
    assert sql


def test_main_window_import_leaves_charts_and_redaction_for_later() -> None:
    code = ("import sys, ui.app; bad = [m for m in ('PySide6.QtCharts', 'journal.share', "
            "'journal.redact', 'phonenumbers', 'ui.dashboard', 'sqlite_utils', 'journal.stats', "
            "'ui.access.first_run', 'ui.access.passphrase_form', 'ui.access.recovery_dialog', "
            # built after the quick log's first paint in `offscript quick`
            "'ui.shell.main_window', 'ui.shell.tray', 'ui.shell.reminder', "
            "'ui.backups.daily_backup') "
            "if m in sys.modules]; "
            "print(bad); sys.exit(1 if bad else 0)")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=120, check=False,
                          cwd=Path(__file__).resolve().parents[2])
    assert done.returncode == 0, done.stdout + done.stderr
