"""The entries table's view: compact columns, columns that give way when the list is narrow,
and sorting that goes to SQL. Shared by the Journal, Prompts and Trash pages."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTableView

from ui.entries.entry_model import EntryTableModel
from ui.widgets.badges import OutcomeBadgeDelegate

# Columns that keep a compact width: (min, max) in pixels. Longer text is elided (…) and the
# full value is in the tooltip; the Title column takes all the room that is left.
COMPACT = {EntryTableModel.TOOL: (64, 100), EntryTableModel.TAGS: (56, 96)}
FIXED = {EntryTableModel.DATE: 96, EntryTableModel.OUTCOME: 84, EntryTableModel.NET: 80}
FIT_ROWS = 40  # rows measured to fit a column: about a screenful, not every loaded row
# When the list is narrow, columns give way in this order (first hidden first); the title
# keeps at least TITLE_MIN pixels, and date, title and outcome always stay.
GIVE_WAY = (EntryTableModel.TAGS, EntryTableModel.TOOL, EntryTableModel.NET)
TITLE_MIN = 140


class ColumnsGiveWay(QObject):
    """Hides low-priority columns while the table is too narrow for them (no sideways scroll)."""

    def __init__(self, table: QTableView) -> None:
        super().__init__(table)
        self.table = table
        table.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.fit()
        return False

    def fit(self) -> None:
        header = self.table.horizontalHeader()
        room = self.table.viewport().width() - TITLE_MIN
        keep = [c for c in range(self.table.model().columnCount())
                if c not in GIVE_WAY and c != EntryTableModel.TITLE]
        used = sum(header.sectionSize(c) for c in keep)
        for col in reversed(GIVE_WAY):  # the most wanted first
            fits = used + header.sectionSize(col) <= room
            self.table.setColumnHidden(col, not fits)
            if fits:
                used += header.sectionSize(col)


def fit_columns(table: QTableView) -> None:
    """Size date and net to their text, tool and tags to their contents within COMPACT's bounds."""
    table.resizeColumnToContents(EntryTableModel.DATE)
    table.resizeColumnToContents(EntryTableModel.NET)
    for col, (low, high) in COMPACT.items():
        table.setColumnWidth(col, min(max(table.sizeHintForColumn(col), low), high))


def make_table(model: EntryTableModel, name: str) -> QTableView:
    table = QTableView()
    table.setAccessibleName(name)
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.setShowGrid(False)
    table.setWordWrap(False)
    table.setTextElideMode(Qt.TextElideMode.ElideRight)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(30)
    table.setItemDelegateForColumn(EntryTableModel.OUTCOME, OutcomeBadgeDelegate(table))
    header = table.horizontalHeader()
    header.setResizeContentsPrecision(FIT_ROWS)
    header.setHighlightSections(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setSectionResizeMode(EntryTableModel.TITLE, QHeaderView.ResizeMode.Stretch)
    for col, width in FIXED.items():
        table.setColumnWidth(col, width)
    for col, (_low, high) in COMPACT.items():
        table.setColumnWidth(col, high)

    def fit_first_rows() -> None:  # once there is something to measure; later, the user decides
        if model.rowCount() and not table.property("fitted"):
            table.setProperty("fitted", True)
            fit_columns(table)

    model.modelReset.connect(fit_first_rows)
    fit_first_rows()
    # Sorting goes to SQL through EntryTableModel.sort; set the indicator before enabling.
    header.setSortIndicator(EntryTableModel.DATE, Qt.SortOrder.DescendingOrder)
    table.setSortingEnabled(True)
    table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
    table.setProperty("give_way", ColumnsGiveWay(table))  # kept alive by its parent, the table
    return table
