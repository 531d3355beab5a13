"""The export log as a table model: what was shared before, newest first."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from journal.share import LogRecord

Index = QModelIndex | QPersistentModelIndex


class ExportLogModel(QAbstractTableModel):
    COLUMNS = (("when", "When"), ("file", "File"), ("format", "Format"), ("detail", "Detail"),
               ("entries", "Entries"), ("sha256", "SHA-256"))

    def __init__(self, records: list[LogRecord] | None = None) -> None:
        super().__init__()
        self._rows: list[LogRecord] = []
        self.set_records(records or [])

    def set_records(self, records: list[LogRecord]) -> None:
        self.beginResetModel()
        self._rows = list(reversed(records))
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.COLUMNS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        key = self.COLUMNS[index.column()][0]
        value = self._rows[index.row()][key]  # type: ignore[literal-required]
        if role == Qt.ItemDataRole.DisplayRole:
            if key == "sha256":
                return str(value)[:16] + "…"
            if key == "when":
                return str(value).replace("T", " ")
            return str(value)
        if role == Qt.ItemDataRole.ToolTipRole and key == "sha256":
            return str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and key == "entries":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.COLUMNS[section][1]
        return None
