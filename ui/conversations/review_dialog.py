"""Review drafts made from a ChatGPT/Claude data export: keep the real experiments, drop the rest.

The export is read locally and never kept: only the drafts (title, first prompt, turns, model,
time) wait in the encrypted journal until they are kept as entries or dropped.
"""

from __future__ import annotations

from functools import partial
from pathlib import Path

from PySide6.QtCore import QSize, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from journal import Journal, OffscriptError
from journal.conversations import ChatDraft
from journal.entries import SUGGESTED_CATEGORIES
from journal.format import plural
from ui.conversations.import_job import parse_export
from ui.conversations.model import DraftTableModel
from ui.infra import alerts
from ui.infra.background import Background
from ui.infra.screen_fit import fitted
from ui.widgets.fields import NetLabel, OutcomeSelector, minutes_spin

EMPTY_TEXT = ("No drafts waiting.\n\nImport the data export you downloaded from ChatGPT "
              "(Settings → Data controls → Export data) or Claude (Settings → Privacy → Export "
              "data): the zip or its conversations.json. It is read on this computer only.")


class ReviewDialog(QDialog):
    imported = Signal(str)  # the status line, after an import finished or failed
    kept = Signal(object)  # Entry

    def __init__(self, journal: Journal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.journal = journal
        self._parser = Background("chat-import", self)
        self._parser.done.connect(self._parsed)
        self._parser.failed.connect(self._failed)
        self.setWindowTitle("Draft entries from a chat export")
        self.resize(fitted(QSize(980, 620), parent))
        self.model = DraftTableModel(journal)
        self._build()
        self._search_timer = QTimer(self, singleShot=True, interval=200)
        self._search_timer.timeout.connect(lambda: self.reload(self.search.text()))
        self.search.textChanged.connect(lambda _t: self._search_timer.start())
        self.reload("")

    # -- layout ----------------------------------------------------------------------------
    def _build(self) -> None:
        self.import_button = QPushButton("Import export…")
        self.import_button.clicked.connect(self.choose_file)
        self.search = QLineEdit(placeholderText="Search titles and prompts")
        self.search.setClearButtonEnabled(True)
        self.count = QLabel()
        self.busy = QProgressBar(maximum=0, visible=False, maximumWidth=140, textVisible=False)
        top = QHBoxLayout()
        for widget in (self.import_button, self.busy, self.search, self.count):
            top.addWidget(widget, 1 if widget is self.search else 0)

        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(DraftTableModel.TITLE, QHeaderView.ResizeMode.Stretch)
        self.table.selectionModel().currentRowChanged.connect(lambda cur, _p: self._show(cur.row()))
        self.empty = QLabel(EMPTY_TEXT, wordWrap=True, alignment=Qt.AlignmentFlag.AlignCenter)
        self.empty.setMargin(24)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        left_layout.addWidget(self.table)
        left_layout.addWidget(self.empty)

        splitter = QSplitter()
        splitter.addWidget(left)
        splitter.addWidget(self._build_form())
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)

        self.close_button = QPushButton("Close")
        self.close_button.clicked.connect(self.accept)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        bottom = QHBoxLayout()
        bottom.addStretch(1)
        bottom.addWidget(self.close_button)
        layout.addLayout(bottom)

    def _build_form(self) -> QWidget:
        pane = QWidget()
        self.title = QLineEdit()
        self.meta = QLabel(wordWrap=True)
        self.prompt = QPlainTextEdit(readOnly=True)
        self.prompt.setAccessibleName("First prompt")
        self.prompt.setMaximumHeight(140)
        self.outcome = OutcomeSelector()
        self.without_ai = minutes_spin("Minutes by hand")
        self.with_ai = minutes_spin("Minutes with AI")
        self.net = NetLabel(self.without_ai, self.with_ai)
        self.hint = QLabel(wordWrap=True)
        self.hint.setAccessibleName("Minutes hint")
        self.category = QComboBox(editable=True)
        self.category.addItems(["", *SUGGESTED_CATEGORIES])
        self.category.currentTextChanged.connect(self._update_hint)
        self.lesson = QLineEdit(placeholderText="What did you learn? (optional)")
        self.error = QLabel(wordWrap=True)
        self.error.setStyleSheet("color: #c62828;")
        minutes = QHBoxLayout()
        for label, spin in (("by hand", self.without_ai), ("with AI", self.with_ai)):
            minutes.addWidget(spin)
            minutes.addWidget(QLabel(label))
        minutes.addStretch(1)
        form = QFormLayout()
        form.addRow("&Title", self.title)
        form.addRow("", self.meta)
        form.addRow("Prompt", self.prompt)
        form.addRow("Outcome", self.outcome)
        form.addRow("Cate&gory", self.category)
        form.addRow("Minutes", minutes)
        form.addRow("", self.hint)
        form.addRow("", self.net)
        form.addRow("&Lesson", self.lesson)
        layout = QVBoxLayout(pane)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addLayout(self._build_buttons())
        self.form_pane = pane
        return pane

    def _build_buttons(self) -> QHBoxLayout:
        self.keep_button = QPushButton("&Keep as entry")
        self.keep_button.setDefault(True)
        self.keep_button.setToolTip("Ctrl+Enter")
        self.keep_button.clicked.connect(self.keep_current)
        self.drop_button = QPushButton("&Drop")
        self.drop_button.setToolTip("Not an experiment: forget this draft (Ctrl+D)")
        self.drop_button.clicked.connect(self.drop_current)
        QShortcut(QKeySequence("Ctrl+Return"), self, activated=self.keep_current)
        QShortcut(QKeySequence("Ctrl+D"), self, activated=self.drop_current)
        buttons = QHBoxLayout()
        buttons.addWidget(self.drop_button)
        buttons.addStretch(1)
        buttons.addWidget(self.keep_button)
        return buttons

    # -- data ------------------------------------------------------------------------------
    def reload(self, search: str | None = None, select_row: int = 0) -> None:
        self.model.reload(search)
        rows = self.model.rowCount()
        total = self.journal.conversations.count()
        self.count.setText(f"{total} waiting" if not self.model.search
                           else f"{rows} of {total} match")
        self.table.setVisible(rows > 0)
        self.empty.setVisible(rows == 0)
        self.empty.setText(EMPTY_TEXT if total == 0 else "No draft matches the search.")
        self.form_pane.setEnabled(rows > 0)
        if rows:
            self.table.selectRow(min(select_row, rows - 1))
        else:
            self._show(-1)

    def current(self) -> ChatDraft | None:
        return self.model.draft_at(self.table.currentIndex().row())

    def _show(self, row: int) -> None:
        draft = self.model.draft_at(row)
        self.error.clear()
        self.title.setText(draft.title if draft else "")
        self.prompt.setPlainText(draft.prompt if draft else "")
        if draft:
            when = draft.occurred_at.strftime("%Y-%m-%d %H:%M") if draft.occurred_at else "no date"
            version = f" · {draft.tool_version}" if draft.tool_version else ""
            turns = f"{plural(draft.iterations, 'message')} from you"
            self.meta.setText(f"{draft.tool}{version} · {when} · {turns}")
        else:
            self.meta.clear()
        self.outcome.set_value("")
        self.with_ai.setValue(0)
        self.without_ai.setValue(0)
        self.lesson.clear()
        self._update_hint()

    def _update_hint(self) -> None:
        category = self.category.currentText().strip()
        median = self.journal.templates.suggested_minutes(category) if category else None
        self.hint.setText(f"Your entries in {category} took {median} min by hand (median)."
                          if median is not None else "")

    # -- actions ---------------------------------------------------------------------------
    def choose_file(self) -> None:
        name, _ = QFileDialog.getOpenFileName(
            self, "Import a ChatGPT or Claude data export", str(Path.home()),
            "Chat exports (*.zip *.json);;All files (*)")
        if name:
            self.import_file(Path(name))

    def import_file(self, path: Path) -> None:
        self.busy.show()
        self.import_button.setEnabled(False)
        self._parser.run(partial(parse_export, path))

    def _finish_import(self, status: str) -> None:
        self.busy.hide()
        self.import_button.setEnabled(True)
        self.imported.emit(status)

    def _parsed(self, conversations: list[object]) -> None:
        try:
            result = self.journal.conversations.add_conversations(conversations)  # type: ignore[arg-type]
        except OffscriptError as exc:
            self._failed(str(exc))
            return
        self.reload(self.search.text())
        seen = f", {result.already_seen} seen before" if result.already_seen else ""
        status = (f"{plural(result.added, 'new draft')} "
                  f"({result.found} conversations{seen}).")
        self.count.setToolTip(status)
        self._finish_import(status)

    def _failed(self, message: str) -> None:
        self._finish_import(message)
        alerts.warn(self, "Could not import the export", message)

    def keep_current(self) -> None:
        draft = self.current()
        if draft is None:
            return
        fields = {"title": self.title.text(), "outcome": self.outcome.value() or None,
                  "minutes_without_ai": self.without_ai.value(),
                  "minutes_with_ai": self.with_ai.value(),
                  "category": self.category.currentText().strip() or None,
                  "lesson": self.lesson.text().strip() or None}
        if fields["outcome"] is None:
            self.error.setText("Choose an outcome: did it work, partly, or break?")
            return
        try:
            entry = self.journal.conversations.keep(draft.id, fields)
        except OffscriptError as exc:
            self.error.setText(str(exc))
            return
        row = self.table.currentIndex().row()
        self.kept.emit(entry)
        self.reload(self.search.text(), select_row=row)

    def drop_current(self) -> None:
        draft = self.current()
        if draft is None:
            return
        row = self.table.currentIndex().row()
        try:
            self.journal.conversations.drop([draft.id])
        except OffscriptError as exc:
            self.error.setText(str(exc))
            return
        self.reload(self.search.text(), select_row=row)
