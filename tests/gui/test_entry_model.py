"""The entries model without any view: paging, SQL sorting, filters, query errors."""

from __future__ import annotations

import time
from datetime import datetime, timedelta

from PySide6.QtCore import Qt

from journal import Entry, EntryFilter, Journal
from journal.format import signed_duration
from ui.entries.entry_model import EntryRole, EntryTableModel


def _entries(n: int) -> list[Entry]:
    start = datetime(2024, 1, 1, 9, 0)
    return [Entry(title=f"experiment {i}", tool="ChatGPT" if i % 2 else "Claude",
                  outcome=("worked", "partly", "broke")[i % 3], minutes_without_ai=30,
                  minutes_with_ai=i % 50, occurred_at=start + timedelta(minutes=i))
            for i in range(n)]


def test_columns_and_display(journal: Journal) -> None:
    journal.add(Entry(title="Lost time", tool="Copilot", outcome="broke", minutes_without_ai=5,
                      minutes_with_ai=15, tags=["sql"]))
    model = EntryTableModel(journal)
    assert model.rowCount() == 1 and model.columnCount() == 6
    net = model.index(0, EntryTableModel.NET)
    assert model.data(net) == "\u221210 min"
    assert "lost" in model.data(net, Qt.ItemDataRole.ToolTipRole)
    assert model.data(model.index(0, EntryTableModel.TAGS)) == "#sql"
    assert model.data(model.index(0, 0), EntryRole).title == "Lost time"
    assert signed_duration(95) == "+1 h 35 min"


def test_paging_at_100k_rows(journal: Journal) -> None:
    journal.add_many(_entries(100_000))
    started = time.perf_counter()
    model = EntryTableModel(journal, page_size=200)
    assert model.total == 100_000
    assert model.rowCount() == 200  # a page, not every row
    assert model.canFetchMore()
    model.fetchMore()
    assert model.rowCount() == 400
    assert model.entry(0).title == "experiment 99999"  # newest first
    model.sort(EntryTableModel.TITLE, Qt.SortOrder.AscendingOrder)
    assert model.rowCount() == 200 and model.entry(0).title == "experiment 0"
    model.set_filter(EntryFilter(query="experiment 4242"))
    assert model.total >= 1
    assert time.perf_counter() - started < 10


def test_sort_by_net_in_sql(journal: Journal) -> None:
    journal.add_many(_entries(30))
    model = EntryTableModel(journal, page_size=10)
    model.sort(EntryTableModel.NET, Qt.SortOrder.DescendingOrder)
    nets = [model.entry(r).net_minutes for r in range(model.rowCount())]
    assert nets == sorted(nets, reverse=True) and nets[0] == 30


def test_query_error_is_reported_not_raised(journal: Journal, qtbot) -> None:
    journal.add_many(_entries(3))
    model = EntryTableModel(journal)
    with qtbot.waitSignal(model.query_failed) as blocker:
        model.set_filter(EntryFilter(query='"unclosed'))
    assert "quote" in blocker.args[0]
    assert model.rowCount() == 0
