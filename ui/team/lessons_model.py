"""The team's lessons as a table model, and a proxy that filters it by tool and category."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)

from journal.team import TeamNote

TOOL, CATEGORY, OUTCOME, LESSON, WHAT_BROKE = range(5)
HEADERS = ("Tool", "Category", "Outcome", "Lesson", "What broke")
NoteRole = Qt.ItemDataRole.UserRole + 1
_Index = QModelIndex | QPersistentModelIndex


class TeamLessonsModel(QAbstractTableModel):
    """One row per lesson/what-broke note; no date and no contributor, by design."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.notes: tuple[TeamNote, ...] = ()

    def set_notes(self, notes: tuple[TeamNote, ...]) -> None:
        self.beginResetModel()
        self.notes = notes
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.notes)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return HEADERS[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        note = self.notes[index.row()]
        if role == NoteRole:
            return note
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = (note.tool, note.category, note.outcome, note.lesson or "",
                     note.what_broke or "")[index.column()]
            if role == Qt.ItemDataRole.DisplayRole:
                return " ".join(value.split())  # one line per row; the tooltip keeps it all
            return value or None
        return None

    def tools(self) -> list[str]:
        return sorted({n.tool for n in self.notes}, key=str.casefold)

    def categories(self) -> list[str]:
        return sorted({n.category for n in self.notes}, key=str.casefold)


class LessonsFilter(QSortFilterProxyModel):
    """Rows whose tool and category match the chosen ones (None: any)."""

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.tool: str | None = None
        self.category: str | None = None

    def set_filter(self, tool: str | None, category: str | None) -> None:
        if not hasattr(self, "beginFilterChange"):  # Qt before 6.9
            self.tool, self.category = tool, category
            self.invalidateFilter()
            return
        self.beginFilterChange()
        self.tool, self.category = tool, category
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, row: int, parent: _Index) -> bool:
        source = self.sourceModel()
        if not isinstance(source, TeamLessonsModel):
            return True
        note = source.notes[row]
        return ((self.tool is None or note.tool == self.tool)
                and (self.category is None or note.category == self.category))
