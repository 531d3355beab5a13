"""The entries table: a Qt model over journal queries, fetched a page at a time.

Only the rows the view has asked for are loaded (canFetchMore/fetchMore); the total comes from
Journal.count. Sorting re-runs the query with the journal's sort argument, so 100k entries sort
in SQL, not in a proxy over loaded rows.
"""

from __future__ import annotations

import logging
from typing import Any, ClassVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from journal import Entry, EntryFilter, Journal, OffscriptError, QueryError
from journal.format import duration, signed_duration
from ui.infra import theme

log = logging.getLogger("offscript.ui")
Index = QModelIndex | QPersistentModelIndex

EntryRole = Qt.ItemDataRole.UserRole + 1
IdRole = Qt.ItemDataRole.UserRole + 2


class EntryTableModel(QAbstractTableModel):
    DATE, TITLE, TOOL, OUTCOME, NET, TAGS = range(6)
    HEADERS: ClassVar[list[str]] = ["Date", "Title", "Tool", "Outcome", "Net saved", "Tags"]
    SORT_KEYS: ClassVar[dict[int, str]] = {
        DATE: "occurred_at", TITLE: "title", TOOL: "tool", OUTCOME: "outcome",
        NET: "net_minutes", TAGS: "tags"}

    count_changed = Signal(int)  # total matches of the current filter
    query_failed = Signal(str)  # a search the journal could not parse; shown inline

    def __init__(self, journal: Journal, flt: EntryFilter | None = None, *,
                 page_size: int = 200, parent: Any = None) -> None:
        super().__init__(parent)
        self.journal = journal
        self.page_size = page_size
        self._filter = flt or EntryFilter()
        self._sort, self._descending = "occurred_at", True
        self._rows: list[Entry] = []
        self._total = 0
        self.refresh()

    # -- loading ---------------------------------------------------------------------------
    @property
    def filter(self) -> EntryFilter:
        return self._filter

    @property
    def total(self) -> int:
        return self._total

    def set_filter(self, flt: EntryFilter) -> None:
        self._filter = flt
        self.refresh(keep_loaded=False)

    def refresh(self, *, keep_loaded: bool = True) -> None:
        """Re-run the query; keep as many rows loaded as before so the view does not jump."""
        want = max(self.page_size, len(self._rows)) if keep_loaded else self.page_size
        self.beginResetModel()
        try:
            self._total = self.journal.count(self._filter)
            self._rows = self._page(0, want)
            error = ""
        except QueryError as exc:
            self._total, self._rows, error = 0, [], str(exc)
        self.endResetModel()
        if error:
            self.query_failed.emit(error)
        self.count_changed.emit(self._total)

    def _page(self, offset: int, limit: int) -> list[Entry]:
        return self.journal.list(self._filter, offset=offset, limit=limit, sort=self._sort,
                                 descending=self._descending)

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and len(self._rows) < self._total

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid():
            return
        try:
            more = self._page(len(self._rows), self.page_size)
        except OffscriptError as exc:
            log.warning("fetchMore failed: %s", exc)
            return
        if not more:
            self._total = len(self._rows)  # the journal shrank under us; stop asking
            return
        first = len(self._rows)
        self.beginInsertRows(QModelIndex(), first, first + len(more) - 1)
        self._rows.extend(more)
        self.endInsertRows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = self.SORT_KEYS.get(column)
        descending = order == Qt.SortOrder.DescendingOrder
        if key is None or (key, descending) == (self._sort, self._descending):
            return  # already in this order (a view enabling sorting asks once): no re-query
        self._sort, self._descending = key, descending
        self.refresh(keep_loaded=False)

    # -- lookups ---------------------------------------------------------------------------
    def entry(self, row: int) -> Entry | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, entry_id: str) -> int:
        return next((i for i, e in enumerate(self._rows) if e.id == entry_id), -1)

    def replace_entry(self, entry: Entry) -> None:
        """Show an edited entry in place without reloading the list."""
        row = self.row_of(entry.id)
        if row >= 0:
            self._rows[row] = entry
            self.dataChanged.emit(self.index(row, 0), self.index(row, self.columnCount() - 1))

    # -- Qt model API ----------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        entry = self.entry(index.row()) if index.isValid() else None
        if entry is None:
            return None
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(entry, col)
        if role == EntryRole:
            return entry
        if role == IdRole:
            return entry.id
        if role == Qt.ItemDataRole.ForegroundRole and col == self.NET:
            return theme.net_color(entry.net_minutes)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == self.NET:
                verb = "saved" if entry.net_minutes >= 0 else "lost"
                return (f"{verb} {duration(entry.net_minutes)}: "
                        f"{entry.minutes_without_ai} min by hand, {entry.minutes_with_ai} with AI")
            if col == self.DATE:
                return f"{entry.occurred_at:%A %Y-%m-%d %H:%M}"
            if col in (self.TITLE, self.TOOL, self.TAGS):
                return self._display(entry, col) or None
        if role == Qt.ItemDataRole.TextAlignmentRole and col == self.NET:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return self._display(entry, col)
        return None

    def _display(self, entry: Entry, col: int) -> str:
        if col == self.DATE:
            return f"{entry.occurred_at:%Y-%m-%d}"  # the time is in the tooltip
        if col == self.TITLE:
            return entry.title
        if col == self.TOOL:
            return entry.tool + (f" {entry.tool_version}" if entry.tool_version else "")
        if col == self.OUTCOME:
            return entry.outcome
        if col == self.NET:
            return signed_duration(entry.net_minutes)
        return ", ".join(f"#{t}" for t in entry.tags)
