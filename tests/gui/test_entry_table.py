"""The entries table at 1280 px: Title takes the room; tool and tags stay compact, elided,
with the full text in tooltips."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHeaderView

from journal import Journal
from ui.entries.entry_model import EntryTableModel as M
from ui.entries.entry_table import COMPACT
from ui.infra.settings import AppSettings
from ui.shell.main_window import MainWindow

LONG_TOOL = ("Claude", "3.5 Sonnet (new) via the enterprise workspace")
LONG_TAGS = ["integration-tests", "continuous-integration", "flaky", "fixtures", "pytest"]


def test_title_stretches_and_compact_columns_are_bounded(journal: Journal, qtbot,
                                                         settings: AppSettings) -> None:
    journal.add({"title": "Explain a flaky integration test", "tool": LONG_TOOL[0],
                 "tool_version": LONG_TOOL[1], "outcome": "partly", "minutes_without_ai": 140,
                 "minutes_with_ai": 65, "tags": LONG_TAGS,
                 "occurred_at": datetime(2026, 11, 26, 16, 30)})
    window = MainWindow(journal, settings)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    window.journal_page.reload()
    qtbot.waitExposed(window)
    table = window.journal_page.table
    header = table.horizontalHeader()
    assert header.sectionResizeMode(M.TITLE) == QHeaderView.ResizeMode.Stretch
    for col, (low, high) in COMPACT.items():
        assert low <= table.columnWidth(col) <= high
    assert table.textElideMode() == Qt.TextElideMode.ElideRight
    metrics = table.fontMetrics()
    assert table.columnWidth(M.TITLE) > metrics.horizontalAdvance("Explain a flaky integration")
    net = metrics.horizontalAdvance(table.model().data(table.model().index(0, M.NET)))
    assert table.columnWidth(M.NET) > net  # "+1 h 15 min" is never cut


def test_tooltips_carry_the_full_text(journal: Journal) -> None:
    journal.add({"title": "T", "tool": LONG_TOOL[0], "tool_version": LONG_TOOL[1],
                 "outcome": "worked", "minutes_without_ai": 5, "minutes_with_ai": 1,
                 "tags": LONG_TAGS, "occurred_at": datetime(2026, 11, 26, 16, 30)})
    model = M(journal)
    tip = Qt.ItemDataRole.ToolTipRole
    assert model.data(model.index(0, M.TOOL), tip) == " ".join(LONG_TOOL)
    assert model.data(model.index(0, M.TAGS), tip) == ", ".join(f"#{t}" for t in LONG_TAGS)
    assert model.data(model.index(0, M.DATE)) == "2026-11-26"
    assert model.data(model.index(0, M.DATE), tip).endswith("2026-11-26 16:30")
