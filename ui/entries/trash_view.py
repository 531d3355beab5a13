"""The Trash: entries moved there can be restored or deleted for good."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from journal import TRASH_DAYS, EntryFilter, Journal, OffscriptError
from journal.format import plural
from ui.entries.entry_model import EntryTableModel
from ui.entries.entry_table import make_table
from ui.infra import alerts


class TrashView(QWidget):
    changed = Signal()

    def __init__(self, journal: Journal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.journal = journal
        self.model = EntryTableModel(journal, EntryFilter(trashed=True))
        self.table = make_table(self.model, "Trash")
        self.info = QLabel()
        self.restore_button = QPushButton("&Restore")
        self.delete_button = QPushButton("&Delete for good")
        self.empty_button = QPushButton("&Empty Trash")
        buttons = QHBoxLayout()
        buttons.addWidget(self.info, 1)
        for button in (self.restore_button, self.delete_button, self.empty_button):
            buttons.addWidget(button)
        layout = QVBoxLayout(self)
        layout.addLayout(buttons)
        layout.addWidget(self.table, 1)
        self.restore_button.clicked.connect(self.restore_selected)
        self.delete_button.clicked.connect(self.delete_selected)
        self.empty_button.clicked.connect(self.empty_trash)
        self.table.doubleClicked.connect(self.restore_selected)
        self.model.count_changed.connect(self._update)
        self.table.selectionModel().selectionChanged.connect(lambda *_: self._update())
        self._update()

    def refresh(self) -> None:
        self.model.refresh()

    def _update(self, *_: object) -> None:
        total = self.model.total
        self.info.setText(
            f"{total:,} in Trash. Entries are deleted for good after {TRASH_DAYS} days."
            if total else "The Trash is empty.")
        selected = self.table.selectionModel().hasSelection()
        self.restore_button.setEnabled(selected)
        self.delete_button.setEnabled(selected)
        self.empty_button.setEnabled(total > 0)

    def _selected_id(self) -> str | None:
        entry = self.model.entry(self.table.currentIndex().row())
        return entry.id if entry and self.table.selectionModel().hasSelection() else None

    def restore_selected(self) -> None:
        entry_id = self._selected_id()
        if entry_id is None:
            return
        try:
            self.journal.restore(entry_id)
        except OffscriptError as exc:
            alerts.warn(self, "Not restored", str(exc))
        self.refresh()
        self.changed.emit()

    def delete_selected(self) -> None:
        entry_id = self._selected_id()
        if entry_id is None:
            return
        if alerts.ask(self, "Delete for good", "Delete this entry for good? This cannot be "
                      "undone.", ["Delete", "Cancel"], default=1) != 0:
            return
        self.journal.purge([entry_id])
        self.refresh()

    def empty_trash(self) -> None:
        total = self.model.total
        if not total or alerts.ask(
                self, "Empty Trash", f"Delete all {plural(total, 'entry')} in the Trash for good? "
                "This cannot be undone.", ["Empty Trash", "Cancel"], default=1) != 0:
            return
        self.journal.purge()
        self.refresh()
