"""Quick log: a small window to record an experiment in 20 seconds."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QPaintEvent, QShortcut, QShowEvent
from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from journal import Entry, Journal, OffscriptError, ValidationError
from journal.entries import validate_fields
from ui.entries.drafts import DraftStore, DraftThrottle
from ui.entries.suggestions_loader import SuggestionsLoader
from ui.infra import theme
from ui.infra.resources import app_icon
from ui.widgets.fields import NetLabel, OutcomeSelector, minutes_spin, set_completions
from ui.widgets.template_button import TemplateButton

COMPLETIONS_FALLBACK_MS = 1000

# Template fields the quick form has no box for; kept in values() and in the draft.
TEMPLATE_EXTRA = ("category", "tags", "prompt", "tool_version")


class QuickLog(QDialog):
    saved = Signal(object)  # Entry
    more_requested = Signal(dict)  # field values to continue in the full editor
    first_painted = Signal()  # once: `offscript quick` builds the main window after it

    def __init__(self, journal: Journal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.journal = journal
        self.drafts = DraftStore(journal, "quick")
        self.setWindowTitle("Quick log — Offscript")
        self.setWindowIcon(app_icon())
        self.title = QLineEdit(placeholderText="What did you try?")
        self.tool = QLineEdit(placeholderText="Tool")
        self.outcome = OutcomeSelector()
        self.without_ai = minutes_spin("Minutes by hand")
        self.with_ai = minutes_spin("Minutes with AI")
        self.net = NetLabel(self.without_ai, self.with_ai)
        self.note = QLineEdit(placeholderText="One line: what broke, or the lesson")
        self.error = QLabel(visible=False, wordWrap=True)
        self.error.setAccessibleName("Problem")
        self._completions_loaded = False  # after the first paint, counted on a worker thread
        self.choices = SuggestionsLoader(journal, self)
        self.choices.loaded.connect(self._fill_completions)
        self._painted = False
        self.template_button = TemplateButton(journal, self, can_save=False)
        self.template_extra: dict[str, Any] = {}  # template fields the quick form has no box for
        for widget, name in ((self.title, "Title"), (self.tool, "Tool"), (self.note, "Note")):
            widget.setAccessibleName(name)
        self._build_layout()
        self._connect()
        self._restore_draft()

    # The tool completer counts every entry's tool: load it once the window is on screen (a
    # zero timer posted from the first paint runs after that paint is flushed), with a
    # fallback for a platform that never paints.
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._completions_loaded:
            QTimer.singleShot(COMPLETIONS_FALLBACK_MS, self, self.load_completions)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._painted:
            self._painted = True
            self.first_painted.emit()
        if not self._completions_loaded:
            QTimer.singleShot(0, self, self.load_completions)

    def load_completions(self) -> None:
        if not self._completions_loaded and self.isVisible():  # closed meanwhile: next show
            self._completions_loaded = True
            self.choices.request()  # counted on a worker thread

    def _fill_completions(self) -> None:
        set_completions(self.tool, self.journal.suggestions("tool"))

    def _build_layout(self) -> None:

        minutes = QHBoxLayout()
        minutes.addWidget(self.without_ai)
        minutes.addWidget(QLabel("by hand"))
        minutes.addWidget(self.with_ai)
        minutes.addWidget(QLabel("with AI"))
        minutes.addStretch(1)
        form = QFormLayout()
        form.addRow("&Title", self.title)
        form.addRow("T&ool", self.tool)
        form.addRow("Outcome", self.outcome)
        form.addRow("Minutes", minutes)
        form.addRow("", self.net)
        form.addRow("&Note", self.note)
        for row in range(form.rowCount()):
            label = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            field = form.itemAt(row, QFormLayout.ItemRole.FieldRole)
            if label and isinstance(label.widget(), QLabel) and field and field.widget():
                label.widget().setBuddy(field.widget())
        self.more_button = QPushButton("&More…")
        self.more_button.setToolTip("Continue in the full editor")
        self.save_button = QPushButton("&Save")
        self.save_button.setDefault(True)
        self.save_button.setToolTip("Save (Ctrl+Enter)")
        cancel = QPushButton("Cancel")
        buttons = QHBoxLayout()
        buttons.addWidget(self.more_button)
        buttons.addWidget(self.template_button)
        buttons.addStretch(1)
        buttons.addWidget(cancel)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addLayout(buttons)
        self.setMinimumWidth(460)
        self._cancel = cancel

    def _connect(self) -> None:
        self.save_button.clicked.connect(self.save)
        self.more_button.clicked.connect(self.more)
        self._cancel.clicked.connect(self.discard)
        for keys in ("Ctrl+Return", "Ctrl+Enter", QKeySequence.StandardKey.Save):
            QShortcut(QKeySequence(keys), self, self.save)
        # Keep what was typed even if the app is killed before saving: every field, each second.
        self.autosave = DraftThrottle(self, self.save_draft)
        for edit in (self.title, self.tool, self.note):
            edit.textChanged.connect(self.autosave.changed)
        for spin in (self.without_ai, self.with_ai):
            spin.valueChanged.connect(self.autosave.changed)
        self.outcome.changed.connect(self.autosave.changed)
        self.template_button.picked.connect(self.apply_template)

    def apply_template(self, fields: dict[str, Any]) -> None:
        """Fill tool and minutes by hand where empty; category, tags and prompt go along."""
        if not self.tool.text() and fields.get("tool"):
            self.tool.setText(fields["tool"])
        if not self.without_ai.value() and fields.get("minutes_without_ai"):
            self.without_ai.setValue(int(fields["minutes_without_ai"]))
        self.template_extra = {k: v for k, v in fields.items() if k in TEMPLATE_EXTRA}
        self.autosave.changed()  # the draft keeps the template's fields too

    def values(self) -> dict[str, Any]:
        outcome = self.outcome.value()
        note = self.note.text().strip()
        data: dict[str, Any] = {
            **self.template_extra, "title": self.title.text(), "tool": self.tool.text(),
            "outcome": outcome,
            "minutes_without_ai": self.without_ai.value(), "minutes_with_ai": self.with_ai.value()}
        # A note on a failure is what broke; on a success it is the lesson learnt.
        data["what_broke" if outcome in ("partly", "broke") else "lesson"] = note
        return data

    def _is_empty(self) -> bool:
        return not (self.title.text() or self.tool.text() or self.note.text()
                    or self.outcome.value() or self.without_ai.value() or self.with_ai.value())

    def save(self) -> Entry | None:
        try:
            validate_fields(self.values(), partial=False)
            entry = self.journal.add(self.values())
        except ValidationError as exc:
            self._show_error(f"{exc.field.replace('_', ' ')} {exc.rule}")
            {"title": self.title, "tool": self.tool}.get(exc.field, self.title).setFocus()
            return None
        except OffscriptError as exc:
            self._show_error(str(exc))
            return None
        self.drafts.clear()
        self.saved.emit(entry)
        self.accept()
        return entry

    def more(self) -> None:
        self.drafts.clear()
        self.more_requested.emit(self.values())
        self.accept()

    def discard(self) -> None:
        self.drafts.clear()
        self.reject()

    def _show_error(self, text: str) -> None:
        self.error.setText(text)
        self.error.setStyleSheet(f"color: {theme.error_color()};")
        self.error.setVisible(True)

    def save_draft(self) -> None:
        if not self._is_empty():
            data = self.values()
            data["note"] = self.note.text()
            self.drafts.save(data)

    def _restore_draft(self) -> None:
        data = self.drafts.load()
        if not data:
            return
        self.title.setText(data.get("title", ""))
        self.tool.setText(data.get("tool", ""))
        self.outcome.set_value(data.get("outcome", ""))
        self.without_ai.setValue(int(data.get("minutes_without_ai") or 0))
        self.with_ai.setValue(int(data.get("minutes_with_ai") or 0))
        self.note.setText(data.get("note", ""))
        self.template_extra = {k: v for k, v in data.items() if k in TEMPLATE_EXTRA}

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_draft()  # closing the window (not Cancel) keeps what was typed
        self.autosave.stop()
        super().closeEvent(event)

    def keyPressEvent(self, event: Any) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.save_draft()  # Esc closes, but a half-typed entry waits for next time
        super().keyPressEvent(event)
