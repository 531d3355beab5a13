"""Backups dialog: the journal's encrypted backups with date, size and entry count; restore one.

`RestoreDialog(journal, parent)`; emits `restored(int)` (entries now in the journal) after a
restore so the window can reload its views. All file work goes through journal.backups.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from journal import BackupInfo, Journal, OffscriptError
from journal.format import plural
from ui.infra import alerts

log = logging.getLogger("offscript.ui")

LABELS = {"daily": "Daily (automatic)", "manual": "Manual", "pre-restore": "Before a restore"}
COLUMNS = ("Date", "Kind", "Entries", "Size")
DATE, KIND, ENTRIES, SIZE = range(len(COLUMNS))
INFO_ROLE = Qt.ItemDataRole.UserRole + 1
_Index = QModelIndex | QPersistentModelIndex


def human_size(size: int) -> str:
    value = float(size)
    for unit in ("B", "KB", "MB", "GB"):
        if value < 1024 or unit == "GB":
            return f"{value:.0f} {unit}" if unit in ("B", "KB") else f"{value:.1f} {unit}"
        value /= 1024
    return f"{size} B"


def kind_label(label: str) -> str:
    if label.startswith("pre-v"):
        return f"Before update to schema {label[5:]}"
    return LABELS.get(label, label)


class BackupModel(QAbstractTableModel):
    """One row per backup, newest first; INFO_ROLE gives the BackupInfo."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.backups: list[BackupInfo] = []

    def set_backups(self, backups: list[BackupInfo]) -> None:
        self.beginResetModel()
        self.backups = list(backups)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.backups)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,
                   role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return COLUMNS[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid():
            return None
        info = self.backups[index.row()]
        column = index.column()
        if role == INFO_ROLE:
            return info
        if role == Qt.ItemDataRole.ToolTipRole:
            return str(info.path)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (ENTRIES, SIZE):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if column == DATE:
            return f"{info.created:%Y-%m-%d %H:%M}"
        if column == KIND:
            return kind_label(info.label)
        if column == ENTRIES:
            return "unreadable" if info.entries is None else f"{info.entries:,}"
        return human_size(info.size)


FIT_ROWS = 10


class RestoreDialog(QDialog):
    restored = Signal(int)

    def __init__(self, journal: Journal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.journal = journal
        self.backups: list[BackupInfo] = []
        self.setWindowTitle("Backups")
        self.setMinimumWidth(620)  # the height follows the number of backups (see _fit)
        layout = QVBoxLayout(self)
        intro = QLabel(f"Encrypted copies of your journal in {journal.backups.folder}. "
                       "Restoring one first saves your current journal as another backup.")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.model = BackupModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        for column in (DATE, ENTRIES, SIZE):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(KIND, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().selectionChanged.connect(self._update_buttons)
        self.table.doubleClicked.connect(lambda *_: self.restore_selected())
        layout.addWidget(self.table)
        self.empty = QLabel("No backups yet. Offscript makes one each day you use it, and "
                            "before every update of the file format.")
        self.empty.setWordWrap(True)
        layout.addWidget(self.empty)
        layout.addLayout(self._keep_row())
        layout.addStretch(1)  # a taller window keeps the contents together above the buttons
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.backup_button = QPushButton("Back up now")
        self.restore_button = QPushButton("Restore…")
        buttons.addButton(self.backup_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.backup_button.clicked.connect(self.back_up_now)
        self.restore_button.clicked.connect(self.restore_selected)
        layout.addWidget(buttons)
        self.reload()

    def _keep_row(self) -> QHBoxLayout:
        self.keep = QSpinBox(minimum=1, maximum=365)
        self.keep.setValue(self.journal.backups.keep())
        self.keep.setAccessibleName("Backups to keep")
        self.keep.setToolTip("Daily, manual and before-restore backups beyond this number are "
                             "deleted, oldest first. Copies made before a file-format update "
                             "are always kept.")
        label = QLabel("&Keep the newest")
        label.setBuddy(self.keep)
        row = QHBoxLayout()
        row.addWidget(label)
        row.addWidget(self.keep)
        row.addWidget(QLabel("backups"))
        row.addStretch(1)
        self.keep.valueChanged.connect(self.set_keep)
        return row

    def set_keep(self, keep: int) -> None:
        """Stored in the journal (setting backup.keep), like `offscript backup --keep`."""
        try:
            self.journal.backups.set_keep(keep)
        except OffscriptError as exc:
            alerts.error(self, "Setting not saved", str(exc))

    # -- contents ------------------------------------------------------------------------------
    def reload(self) -> None:
        self.backups = self.journal.backups.describe()
        self.model.set_backups(self.backups)
        if self.backups:
            self.table.selectRow(0)
        self.empty.setVisible(not self.backups)
        self.table.setVisible(bool(self.backups))
        self._update_buttons()
        self._fit()

    def _fit(self) -> None:
        """As tall as the backups need (up to FIT_ROWS rows, then it scrolls): no empty band."""
        rows = min(max(self.model.rowCount(), 1), FIT_ROWS)
        frame = 2 * self.table.frameWidth()
        self.table.setFixedHeight(self.table.horizontalHeader().sizeHint().height() + frame
                                  + rows * self.table.verticalHeader().defaultSectionSize())
        self.adjustSize()

    def selected(self) -> BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        if not rows:
            return None
        info = rows[0].data(INFO_ROLE)
        return info if isinstance(info, BackupInfo) else None

    def _update_buttons(self) -> None:
        info = self.selected()
        self.restore_button.setEnabled(info is not None and info.entries is not None)

    # -- actions -------------------------------------------------------------------------------
    def back_up_now(self) -> None:
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            path = self.journal.backups.create("manual")
        except OffscriptError as exc:
            alerts.error(self, "Backup failed", str(exc))
            return
        finally:
            QApplication.restoreOverrideCursor()
        log.info("backup written to %s", path)
        self.reload()

    def restore_selected(self) -> bool:
        info = self.selected()
        if info is None or info.entries is None:
            return False
        current = self.journal.count()
        text = (f"Replace your journal ({plural(current, 'entry')}) with the backup from "
                f"{info.created:%Y-%m-%d %H:%M} ({plural(info.entries, 'entry')})?\n\nYour current "
                "journal is saved as a backup first, so this can be undone.")
        if alerts.ask(self, "Restore backup", text, ["Restore", "Cancel"], default=1) != 0:
            return False
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            count, safety = self.journal.backups.restore(info.path)
        except OffscriptError as exc:
            alerts.error(self, "Restore failed", str(exc))
            return False
        finally:
            QApplication.restoreOverrideCursor()
        alerts.info(self, "Backup restored",
                    f"Restored {plural(count, 'entry')}. Your previous journal is kept as {safety.name}.")
        self.restored.emit(count)
        self.reload()
        return True

