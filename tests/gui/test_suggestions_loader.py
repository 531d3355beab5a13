"""The lists of used values are counted on a worker thread after the first paint: the window's
own connection never runs the counting scan, and a failed worker still leaves full lists."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator

import pytest
from support.sql_trace import fill_new_entry, statements

from journal import Journal
from ui.entries.quick_log import QuickLog
from ui.infra.settings import AppSettings
from ui.shell.main_window import MainWindow


def _add(journal: Journal, title: str, tool: str) -> None:
    journal.add({"title": title, "tool": tool, "outcome": "worked", "minutes_without_ai": 30,
                 "minutes_with_ai": 10, "tags": ["regex"]})


def test_window_lists_are_counted_off_its_own_connection(journal: Journal, qtbot,
                                                         settings: AppSettings) -> None:
    _add(journal, "Regex", "Claude")
    with statements(journal) as seen:
        window = MainWindow(journal, settings)
        qtbot.addWidget(window)
        window.show()
        page = window.journal_page
        qtbot.waitUntil(lambda: page.filter_bar.tool.findData("Claude") > 0)
        assert "Claude" in page.editor.tool.completer().model().stringList()
        assert page.filter_bar.tag.findData("regex") > 0
    assert not [s for s in seen if "GROUP BY" in s]


def test_lists_fill_even_when_the_worker_fails(journal: Journal, qtbot, settings: AppSettings,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    _add(journal, "Regex", "Claude")

    @contextlib.contextmanager
    def broken() -> Iterator[Journal]:
        raise OSError("no second connection")
        yield journal  # pragma: no cover

    monkeypatch.setattr(journal, "reading", broken)
    window = MainWindow(journal, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.journal_page.filter_bar.tool.findData("Claude") > 0)


def test_a_save_while_counting_is_not_hidden_by_stale_lists(journal: Journal, qtbot,
                                                            settings: AppSettings,
                                                            monkeypatch: pytest.MonkeyPatch
                                                            ) -> None:
    _add(journal, "Regex", "Claude")
    real_reading = journal.reading
    counted_then_written: list[bool] = []

    @contextlib.contextmanager
    def reader_then_a_write() -> Iterator[Journal]:
        with real_reading() as reader:
            counted = reader.count_suggestions()
            other = Journal.open(journal.folder)  # another program writes after the count
            try:
                _add(other, "Later", "Mistral")
            finally:
                other.close()
            monkeypatch.setattr(reader, "count_suggestions", lambda: counted)
            yield reader
            counted_then_written.append(True)

    monkeypatch.setattr(journal, "reading", reader_then_a_write)
    window = MainWindow(journal, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.journal_page.filter_bar.tool.findData("Claude") > 0)
    assert counted_then_written  # the worker did hand its (now stale) lists over
    assert window.journal_page.filter_bar.tool.findData("Mistral") > 0


def test_quick_log_completer_is_counted_off_its_own_connection(journal: Journal,
                                                               qtbot) -> None:
    _add(journal, "Regex", "Claude")
    with statements(journal) as seen:
        quick = QuickLog(journal)
        qtbot.addWidget(quick)
        quick.show()
        qtbot.waitUntil(lambda: quick.tool.completer() is not None
                        and "Claude" in quick.tool.completer().model().stringList())
    assert not [s for s in seen if "GROUP BY" in s]


def test_saving_refreshes_the_lists_off_the_gui_thread(journal: Journal, qtbot,
                                                       settings: AppSettings) -> None:
    _add(journal, "Regex", "Claude")
    window = MainWindow(journal, settings)
    qtbot.addWidget(window)
    window.show()
    page = window.journal_page
    qtbot.waitUntil(lambda: page.filter_bar.tool.findData("Claude") > 0)
    with statements(journal) as seen:
        window.new_entry()
        fill_new_entry(page.editor, "Summarise a thread", "Mistral")
        assert page.editor.save() is not None
        qtbot.waitUntil(lambda: page.filter_bar.tool.findData("Mistral") > 0)
        assert "Mistral" in page.editor.tool.completer().model().stringList()
    assert not [s for s in seen if "GROUP BY" in s]


def test_requests_during_a_count_fold_into_one_more(journal: Journal, qtbot) -> None:
    from ui.entries.suggestions_loader import SuggestionsLoader

    _add(journal, "Regex", "Claude")
    loader = SuggestionsLoader(journal)
    loaded: list[int] = []
    loader.loaded.connect(lambda: loaded.append(1))
    loader.request()
    _add(journal, "Later", "Mistral")  # written while the first count runs (or before it)
    loader.request()
    loader.request()
    qtbot.waitUntil(lambda: bool(loaded) and not loader.running)
    with statements(journal) as seen:
        assert sorted(journal.suggestions("tool")) == ["Claude", "Mistral"]
    assert not [s for s in seen if "GROUP BY" in s]  # the last count was adopted


def test_a_window_deleted_while_counting_drops_the_result(journal: Journal, qtbot) -> None:
    from PySide6.QtCore import QCoreApplication, QEvent

    _add(journal, "Regex", "Claude")
    for _ in range(20):  # each one deleted at a different point of its count
        quick = QuickLog(journal)
        quick.show()
        quick.choices.request()
        quick.deleteLater()
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        qtbot.wait(5)
    qtbot.wait(200)  # every count has finished and found no one to answer
