"""The drafts waiting for review, as a table model backed by the journal's query."""

from __future__ import annotations

from typing import Any, ClassVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from journal import Journal
from journal.conversations import ChatDraft

Index = QModelIndex | QPersistentModelIndex
DRAFT_ROLE = Qt.ItemDataRole.UserRole + 1


class DraftTableModel(QAbstractTableModel):
    DATE, TOOL, TURNS, TITLE = range(4)
    HEADERS: ClassVar[tuple[str, ...]] = ("Date", "Tool", "Turns", "Title")

    def __init__(self, journal: Journal) -> None:
        super().__init__()
        self.journal = journal
        self.search = ""
        self.drafts: list[ChatDraft] = []

    def reload(self, search: str | None = None) -> None:
        if search is not None:
            self.search = search
        self.beginResetModel()
        self.drafts = self.journal.conversations.pending(self.search)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self.drafts)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        draft = self.drafts[index.row()]
        if role == DRAFT_ROLE:
            return draft
        if role == Qt.ItemDataRole.DisplayRole:
            col = index.column()
            if col == self.DATE:
                return draft.occurred_at.strftime("%Y-%m-%d %H:%M") if draft.occurred_at else "—"
            if col == self.TOOL:
                return draft.tool
            if col == self.TURNS:
                return str(draft.iterations)
            return draft.title
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == self.TITLE:
            return draft.title
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == self.TURNS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def draft_at(self, row: int) -> ChatDraft | None:
        return self.drafts[row] if 0 <= row < len(self.drafts) else None
