"""The entry editor: a proper widget per field, inline validation, save/revert, drafts."""

from __future__ import annotations

from datetime import datetime
from itertools import pairwise
from typing import Any

from PySide6.QtCore import QDateTime, Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from journal import Entry, Journal, OffscriptError, ValidationError
from journal.entries import SUGGESTED_CATEGORIES
from ui.entries.drafts import DraftStore, DraftThrottle
from ui.entries.editor_parts import DateTimeField, FieldErrors, LeaveWatcher, text_box
from ui.widgets.fields import (
    FailureModes,
    NetLabel,
    OutcomeSelector,
    minutes_spin,
    parse_tags,
    set_completions,
)
from ui.widgets.template_button import TemplateButton, fill_empty, save_template


class EntryEditor(QWidget):
    saved = Signal(object)  # Entry
    dirty_changed = Signal(bool)
    delete_requested = Signal(str)

    def __init__(self, journal: Journal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.journal = journal
        self.drafts = DraftStore(journal, "editor")
        self.entry: Entry | None = None
        self._dirty = False
        self._loading = False
        self.errors = FieldErrors()
        self._build()
        self.autosave = DraftThrottle(self, self.save_draft)
        # The used values come from the journal in refresh_suggestions(), which the owner calls
        # once the window is on screen (a query over every entry is not worth a slower start).
        self.category.addItems(["", *SUGGESTED_CATEGORIES])
        self.load(None)

    # -- layout ----------------------------------------------------------------------------
    def _build(self) -> None:
        self.heading = QLabel(wordWrap=True, textFormat=Qt.TextFormat.PlainText)
        self.heading.setStyleSheet("font-size: 15px; font-weight: 600;")
        # A long title wraps instead of widening the form past the pane (which would clip it).
        self.heading.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.title = QLineEdit(placeholderText="What did you try?")
        self.occurred_at = DateTimeField(calendarPopup=True, displayFormat="yyyy-MM-dd HH:mm")
        self.tool = QLineEdit(placeholderText="e.g. ChatGPT, Claude, Copilot")
        self.tool_version = QLineEdit(placeholderText="model or version (optional)")
        self.category = QComboBox(editable=True)
        self.outcome = OutcomeSelector()
        self.without_ai = minutes_spin("Minutes by hand")
        self.with_ai = minutes_spin("Minutes with AI")
        self.net = NetLabel(self.without_ai, self.with_ai)
        self.failure_modes = FailureModes()
        self.iterations = QSpinBox(minimum=0, maximum=999, specialValueText="—")
        self.prompt = text_box("Prompt", 84, mono=True)
        self.prompt.setPlaceholderText("The prompt you used (kept encrypted, never shared "
                                       "unless you choose to)")
        self.what_broke = text_box("What broke", 52)
        self.lesson = text_box("Lesson", 52)
        self.tags = QLineEdit(placeholderText="comma-separated, e.g. email, summarising")
        self.share = QCheckBox("May appear in shared summaries")
        self._build_form()
        self._connect()

    def _build_form(self) -> None:

        minutes = QHBoxLayout()
        for label, spin in (("by hand", self.without_ai), ("with AI", self.with_ai)):
            minutes.addWidget(spin)
            minutes.addWidget(QLabel(label))
            minutes.addSpacing(8)
        minutes.addStretch(1)
        minutes_block = QVBoxLayout()
        minutes_block.addLayout(minutes)
        minutes_block.addWidget(self.net)
        self.minutes_hint = QLabel(wordWrap=True)
        self.minutes_hint.setAccessibleName("Minutes by hand hint")
        minutes_block.addWidget(self.minutes_hint)
        self.failure_box = QGroupBox("What went wrong?")
        QVBoxLayout(self.failure_box).addWidget(self.failure_modes)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setVerticalSpacing(4)
        # The order people fill it in; the date defaults to now, so it comes last.
        rows: list[tuple[str, str, Any]] = [
            ("title", "&Title", self.title), ("tool", "T&ool", self.tool),
            ("tool_version", "&Version", self.tool_version), ("outcome", "Outcome", self.outcome),
            ("minutes_without_ai", "Minutes", minutes_block),
            ("failure_modes", "", self.failure_box),
            ("what_broke", "What &broke", self.what_broke), ("lesson", "&Lesson", self.lesson),
            ("prompt", "&Prompt", self.prompt), ("tags", "T&ags", self.tags),
            ("share", "", self.share), ("category", "Cate&gory", self.category),
            ("iterations", "&Iterations", self.iterations), ("occurred_at", "&When",
                                                             self.occurred_at)]
        for name, label, widget in rows:
            error = self.errors.line(name)
            cell = QVBoxLayout()
            cell.setSpacing(0)
            cell.addWidget(widget) if isinstance(widget, QWidget) else cell.addLayout(widget)
            cell.addWidget(error)
            label_widget = QLabel(label)
            if isinstance(widget, QWidget):
                label_widget.setBuddy(widget)
                widget.setAccessibleName(widget.accessibleName() or label.replace("&", ""))
            form.addRow(label_widget, cell)
            if name == "failure_modes":
                self._failure_label = label_widget
        self.errors.share("minutes_with_ai", with_="minutes_without_ai")
        self._watch_leaving()

        body = QWidget()
        body_layout = QVBoxLayout(body)
        body_layout.addWidget(self.heading)
        self.note = QLabel(wordWrap=True)
        self.note.hide()
        self.note.setAccessibleName("Note about this entry")
        body_layout.addWidget(self.note)
        body_layout.addLayout(form)
        body_layout.addStretch(1)
        self.form_scroll = QScrollArea(widgetResizable=True, frameShape=QScrollArea.Shape.NoFrame)
        self.form_scroll.setWidget(body)
        self.form_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        # Never clip a field: the pane is at least as wide as the form needs.
        self.form_scroll.setMinimumWidth(body.minimumSizeHint().width()
                                    + self.form_scroll.verticalScrollBar().sizeHint().width() + 4)
        self._build_buttons(self.form_scroll)

    def tab_chain(self) -> list[QWidget]:
        """The fields in Tab order (one stop each; the button groups count once)."""
        return [self.title, self.tool, self.tool_version, self.outcome.tab_stop.first(),
                self.without_ai, self.with_ai, self.failure_modes.tab_stop.first(),
                self.what_broke, self.lesson, self.prompt, self.tags, self.share,
                self.category, self.iterations, self.occurred_at]

    def _set_tab_order(self) -> None:
        chain: list[QWidget] = [self.title, self.tool, self.tool_version,
                                *self.outcome.buttons.values(), self.without_ai, self.with_ai,
                                *self.failure_modes.boxes.values(), self.what_broke,
                                self.lesson, self.prompt, self.tags, self.share, self.category,
                                self.iterations, self.occurred_at, self.delete_button,
                                self.revert_button, self.save_button]
        for first, second in pairwise(chain):
            QWidget.setTabOrder(first, second)

    def _watch_leaving(self) -> None:
        """A field's error shows once the user has left it (or on Save), not while typing."""
        fields: dict[str, list[QWidget]] = {
            "title": [self.title], "tool": [self.tool], "tool_version": [self.tool_version],
            "outcome": list(self.outcome.buttons.values()),
            "minutes_without_ai": [self.without_ai], "minutes_with_ai": [self.with_ai],
            "what_broke": [self.what_broke], "lesson": [self.lesson], "prompt": [self.prompt],
            "tags": [self.tags], "category": [self.category], "iterations": [self.iterations],
            "occurred_at": [self.occurred_at]}
        self.leave_watcher = LeaveWatcher(fields, self._left, self)

    def _left(self, name: str) -> None:
        if self._loading:
            return
        self.errors.touched.add(name)
        if name == "minutes_with_ai":
            self.errors.touched.add("minutes_without_ai")  # they share one error line
        self.validate(full=False)

    def _build_buttons(self, scroll: QScrollArea) -> None:

        self.status = QLabel()
        self.save_button = QPushButton("&Save")
        self.save_button.setToolTip("Save (Ctrl+S)")
        self.save_button.setDefault(True)
        self.revert_button = QPushButton("Re&vert")
        self.revert_button.setToolTip("Discard changes (Esc)")
        self.delete_button = QPushButton("Move to &Trash")
        self.template_button = TemplateButton(self.journal, self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.template_button)
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.delete_button)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)
        self._set_tab_order()

    def _connect(self) -> None:
        self.save_button.clicked.connect(self.save)
        self.revert_button.clicked.connect(self.revert)
        self.delete_button.clicked.connect(
            lambda: self.entry and self.delete_requested.emit(self.entry.id))
        self.outcome.changed.connect(self._outcome_changed)
        for edit in (self.title, self.tool, self.tool_version, self.tags):
            edit.textChanged.connect(self._changed)
        for box in (self.prompt, self.what_broke, self.lesson):
            box.textChanged.connect(self._changed)
        for spin in (self.without_ai, self.with_ai, self.iterations):
            spin.valueChanged.connect(self._changed)
        self.category.currentTextChanged.connect(self._changed)
        self.occurred_at.dateTimeChanged.connect(self._changed)
        self.failure_modes.changed.connect(self._changed)
        self.share.toggled.connect(self._changed)
        self.category.currentTextChanged.connect(self._update_minutes_hint)
        self.template_button.picked.connect(self.apply_template)
        self.template_button.save_requested.connect(
            lambda name: save_template(self, self.journal, name, self.values())
            and self.status.setText(f"Saved template “{name}”"))

    def refresh_suggestions(self) -> None:
        """Completers from what the user typed before (most used first)."""
        set_completions(self.tool, self.journal.suggestions("tool"))
        set_completions(self.tool_version, self.journal.suggestions("tool_version"))
        set_completions(self.tags, self.journal.suggestions("tags"), tags=True)
        current = self.category.currentText()
        self.category.blockSignals(True)
        self.category.clear()
        used = self.journal.suggestions("category")
        self.category.addItems(["", *dict.fromkeys([*SUGGESTED_CATEGORIES, *used])])
        self.category.setCurrentText(current)
        self.category.blockSignals(False)

    # -- values ----------------------------------------------------------------------------
    def values(self) -> dict[str, Any]:
        """The form as raw field values for validate_fields / Journal.add / update."""
        return {
            "title": self.title.text(), "tool": self.tool.text(),
            "tool_version": self.tool_version.text(), "category": self.category.currentText(),
            "outcome": self.outcome.value(),
            "occurred_at": self.occurred_at.dateTime().toPython().replace(second=0, microsecond=0)
            .isoformat(),
            "minutes_without_ai": self.without_ai.value(), "minutes_with_ai": self.with_ai.value(),
            "failure_modes": self.failure_modes.value() if self.outcome.value() != "worked" else [],
            "iterations": self.iterations.value() or None, "prompt": self.prompt.toPlainText(),
            "what_broke": self.what_broke.toPlainText(), "lesson": self.lesson.toPlainText(),
            "tags": parse_tags(self.tags.text()), "share": self.share.isChecked()}

    def set_values(self, data: dict[str, Any]) -> None:
        """Fill the form from field values (an entry, a draft or the quick log)."""
        self._loading = True
        try:
            self.title.setText(data.get("title") or "")
            self.tool.setText(data.get("tool") or "")
            self.tool_version.setText(data.get("tool_version") or "")
            self.category.setCurrentText(data.get("category") or "")
            self.outcome.set_value(data.get("outcome") or "")
            when = data.get("occurred_at") or datetime.now()
            when = datetime.fromisoformat(when) if isinstance(when, str) else when
            self.occurred_at.setDateTime(QDateTime(when))
            self.without_ai.setValue(int(data.get("minutes_without_ai") or 0))
            self.with_ai.setValue(int(data.get("minutes_with_ai") or 0))
            self.failure_modes.set_value(list(data.get("failure_modes") or []))
            self.iterations.setValue(int(data.get("iterations") or 0))
            self.prompt.setPlainText(data.get("prompt") or "")
            self.what_broke.setPlainText(data.get("what_broke") or "")
            self.lesson.setPlainText(data.get("lesson") or "")
            self.tags.setText(", ".join(data.get("tags") or []))
            self.share.setChecked(bool(data.get("share")))
        finally:
            self._loading = False
        self._outcome_changed(self.outcome.value(), mark=False)

    def load(self, entry: Entry | None, values: dict[str, Any] | None = None) -> None:
        """Show an entry (None = a new one); `values` overlays unsaved edits (draft/quick log)."""
        self.entry = entry
        self.set_values(entry.to_dict() if entry else {})
        self.heading.setText(f"Editing: {entry.title}" if entry else "New entry")
        self.delete_button.setEnabled(entry is not None)
        self.set_note("")
        self.errors.reset()
        self.status.clear()
        self._set_dirty(False)
        if values:
            self.set_values(values)
            self._set_dirty(True)
            self.validate(full=False)
        self.show_top()

    def show_top(self, *, focus: bool = False) -> None:
        """Scroll to the heading; put the cursor in Title when asked or when it was in the form
        (typing must never land in a field scrolled out of view). Focus in the list stays there,
        so arrow keys keep walking the entries."""
        self.form_scroll.verticalScrollBar().setValue(0)
        self.form_scroll.horizontalScrollBar().setValue(0)
        if focus or self.isAncestorOf(QApplication.focusWidget()):
            self.title.setFocus(Qt.FocusReason.OtherFocusReason)
            self.form_scroll.verticalScrollBar().setValue(0)

    # -- editing ---------------------------------------------------------------------------
    @property
    def is_dirty(self) -> bool:
        return self._dirty

    def _set_dirty(self, dirty: bool) -> None:
        if dirty != self._dirty:
            self._dirty = dirty
            self.dirty_changed.emit(dirty)
        self.revert_button.setEnabled(dirty)

    def _changed(self, *_: object) -> None:
        if self._loading:
            return
        self._set_dirty(True)
        self.status.setText("Unsaved changes")
        self.autosave.changed()
        self.validate(full=False)

    def _outcome_changed(self, outcome: str, mark: bool = True) -> None:
        # Failure modes only make sense when something went wrong.
        visible = outcome in ("partly", "broke")
        self.failure_box.setVisible(visible)
        self._failure_label.setVisible(visible)
        if mark:
            self._changed()

    def apply_template(self, fields: dict[str, Any]) -> None:
        """Fill the fields still empty from a template; what was typed stays."""
        current = self.values()
        self.set_values({**current, **fill_empty(current, fields)})
        self._changed()

    def _update_minutes_hint(self, category: str) -> None:
        # The median of the person's own entries in this category: a hint, never filled in.
        try:
            median = self.journal.templates.suggested_minutes(category.strip())
        except OffscriptError:
            median = None
        self.minutes_hint.setText(f"Your {category.strip()} entries took {median} min by hand "
                                  "(median)" if median is not None else "")

    def validate(self, *, full: bool) -> bool:
        """Run the journal's own rules per field; show each rule beside its field once the
        field was left (or everywhere when `full`, i.e. on Save)."""
        if not full and not self.errors.touched:
            return True  # every line is empty until a field is left: nothing to check per key
        data = self.values()
        errors = self.errors.check(data, full=full)
        empty = {name for name, value in data.items() if value in (None, "", [])}
        self.errors.show(errors, only_touched=not full, empty=empty)
        return not errors

    def set_note(self, text: str) -> None:
        """A line under the heading, e.g. that the filters hide this entry from the list."""
        self.note.setText(text)
        self.note.setVisible(bool(text))

    def retheme(self) -> None:  # called by theme.apply: error lines in the new error colour
        self.errors.retheme()

    def error_for(self, field: str) -> str:
        return self.errors.text(field)

    def save(self) -> Entry | None:
        if not self.validate(full=True):
            self.status.setText("Fix the highlighted fields to save")
            return None
        try:
            entry = (self.journal.update(self.entry.id, self.values()) if self.entry
                     else self.journal.add(self.values()))
        except ValidationError as exc:
            self.errors.show({exc.field: exc.rule})
            return None
        except OffscriptError as exc:
            self.status.setText(f"Not saved: {exc}")
            return None
        self.drafts.clear()
        self.load(entry)
        self.show_top(focus=True)
        self.status.setText("Saved")
        self.saved.emit(entry)  # the owner refreshes the completers (JournalPage: off the GUI thread)
        return entry

    def revert(self) -> None:
        self.drafts.clear()
        self.load(self.entry)

    def discard(self) -> None:
        """Forget any draft and show an empty editor (the open entry was trashed or replaced)."""
        self.drafts.clear()
        self.load(None)

    # -- drafts ----------------------------------------------------------------------------
    def pending_draft(self) -> dict[str, Any] | None:
        """What was typed but never saved, left by a crash or kill: {"entry_id", "values"}."""
        draft = self.drafts.load()
        if not draft or not isinstance(draft.get("values"), dict):
            return None
        return draft

    def forget_draft(self) -> None:
        self.drafts.clear()

    def put_away(self) -> None:
        """Before the window closes: keep unsaved typing as a draft, stop the draft timer."""
        self.save_draft()
        self.autosave.stop()

    def save_draft(self) -> None:
        if self._dirty:
            self.drafts.save({"entry_id": self.entry.id if self.entry else None,
                              "values": self.values()})
