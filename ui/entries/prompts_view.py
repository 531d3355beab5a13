"""'Prompts that worked': the user's own reusable prompt library, one click to copy."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from journal import Entry, EntryFilter, Journal
from journal.format import plural
from ui.entries.entry_model import EntryTableModel
from ui.entries.entry_table import make_table

BASE = EntryFilter(outcome="worked", has_prompt=True)


class PromptsView(QWidget):
    open_entry = Signal(str)
    copied = Signal(str)

    def __init__(self, journal: Journal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.journal = journal
        self.model = EntryTableModel(journal, BASE)
        self.table = make_table(self.model, "Prompts that worked")
        for col in (EntryTableModel.OUTCOME, EntryTableModel.NET):
            self.table.hideColumn(col)
        self.search = QLineEdit(placeholderText="Search your prompts…")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Search prompts")
        self.info = QLabel()
        self.preview = QPlainTextEdit(readOnly=True)
        self.preview.setAccessibleName("Prompt")
        self.preview.setPlaceholderText("Choose a prompt on the left to read it here; Enter "
                                        "copies it.")
        self.preview.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.lesson = QLabel(wordWrap=True)
        self.copy_button = QPushButton("&Copy prompt")
        self.copy_button.setToolTip("Copy the prompt to the clipboard (Enter or double-click)")
        self.open_button = QPushButton("&Open entry")

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.info)
        right = QWidget()
        right_layout = QVBoxLayout(right)
        right_layout.setContentsMargins(0, 0, 0, 0)
        right_layout.addWidget(self.preview, 1)
        right_layout.addWidget(self.lesson)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.open_button)
        buttons.addWidget(self.copy_button)
        right_layout.addLayout(buttons)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(right)
        splitter.setSizes([640, 520])
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)

        self.search.textChanged.connect(
            lambda text: self.model.set_filter(BASE.but(query=text, prefix_last=True)))
        self.model.count_changed.connect(self._count)
        self.model.query_failed.connect(self.info.setText)
        self.table.selectionModel().currentRowChanged.connect(self._show)
        self.table.doubleClicked.connect(lambda index: self.copy_prompt(index.row()))
        self.table.activated.connect(lambda index: self.copy_prompt(index.row()))
        self.copy_button.clicked.connect(self.copy_prompt)
        self.open_button.clicked.connect(self._open)
        self.model.count_changed.connect(lambda _total: self._select_first())
        self._count(self.model.total)
        self._show(QModelIndex())
        self._select_first()

    def refresh(self) -> None:
        self.model.refresh()
        self._select_first()

    def _select_first(self) -> None:
        """Never a blank pane beside a list: show the first prompt until one is chosen."""
        if self.model.rowCount() and not self.table.currentIndex().isValid():
            self.table.selectRow(0)

    def _count(self, total: int) -> None:
        self.info.setText(plural(total, "prompt") if total else
                          "No prompts yet: entries that worked and have a prompt appear here.")

    def _current(self) -> Entry | None:
        return self.model.entry(self.table.currentIndex().row())

    def _show(self, index: QModelIndex, *_: object) -> None:
        entry = self.model.entry(index.row()) if index.isValid() else None
        self.preview.setPlainText(entry.prompt or "" if entry else "")
        self.lesson.setText(f"<b>Lesson:</b> {entry.lesson}" if entry and entry.lesson else "")
        self.copy_button.setEnabled(entry is not None)
        self.copy_button.setText("&Copy prompt")
        self.open_button.setEnabled(entry is not None)

    def copy_prompt(self, row: int | None = None) -> str:
        entry = self.model.entry(row) if row is not None else self._current()
        if entry is None or not entry.prompt:
            return ""
        QGuiApplication.clipboard().setText(entry.prompt)
        self.copy_button.setText("Copied ✓")
        self.copied.emit(entry.prompt)
        return entry.prompt

    def _open(self) -> None:
        entry = self._current()
        if entry is not None:
            self.open_entry.emit(entry.id)
