"""Saving an entry does not look for sample entries again: saving never makes or unmakes one
(before schema v9's index the look-up read the whole table, ~0.6 s per save at 100k entries)."""

from __future__ import annotations

from support.sql_trace import fill_new_entry

from journal import EntryFilter, Journal
from journal.samples import add_samples
from ui.infra.settings import AppSettings
from ui.shell.main_window import MainWindow


def _sample_queries(sql: list[str]) -> list[str]:
    return [s for s in sql if "sample = 1" in s]


def test_saves_skip_the_sample_scan_and_the_bar_stays(journal: Journal, qtbot,
                                                      settings: AppSettings) -> None:
    add_samples(journal)
    window = MainWindow(journal, settings)
    qtbot.addWidget(window)
    window.show()
    page = window.journal_page
    qtbot.waitUntil(page.samples_bar.isVisible)
    sql: list[str] = []
    journal.store.conn.set_trace_callback(sql.append)
    try:
        first = journal.list(EntryFilter(), limit=1)[0]
        page.editor.load(journal.get(first.id))
        page.editor.title.setText("Edited sample")
        assert page.editor.save() is not None  # an edit in place
        page.new_entry()
        fill_new_entry(page.editor, "A new one", "Claude")
        assert page.editor.save() is not None, page.editor.status.text()  # a new entry
        quick = window.open_quick_log()
        quick.title.setText("From the quick log")
        quick.tool.setText("Claude")
        quick.outcome.set_value("worked")
        quick.without_ai.setValue(30)
        quick.with_ai.setValue(10)
        assert quick.save() is not None
    finally:
        journal.store.conn.set_trace_callback(None)
    assert any("A new one" in s or "INSERT" in s.upper() for s in sql)  # the trace saw the saves
    assert _sample_queries(sql) == []
    assert page.samples_bar.isVisible()  # still offered: the samples are still there

    page.reload()  # other changes (trash, restore, import) still check
    sql.clear()
    journal.store.conn.set_trace_callback(sql.append)
    page.reload()
    journal.store.conn.set_trace_callback(None)
    assert _sample_queries(sql)
