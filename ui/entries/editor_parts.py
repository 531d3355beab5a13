"""Pieces of the entry editor's form: the text boxes, a one-stop date edit, and the watcher
that notices when the user leaves a field (its error shows only then, or on Save)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication, QDateTimeEdit, QLabel, QPlainTextEdit, QWidget

from journal import ValidationError
from journal.entries import validate_fields
from ui.infra import theme

# Fields whose error line keeps its room even when empty, so the form does not jump as a
# 'required' message comes and goes; the rarer length errors of other fields may add a line.
RESERVED_ERRORS = ("title", "tool", "outcome", "minutes_without_ai")


class DateTimeField(QDateTimeEdit):
    """A date-time edit that is one Tab stop: Tab leaves it instead of walking its sections
    (typing after a Tab used to change the date). Arrow keys and the calendar still work."""

    def focusNextPrevChild(self, next_: bool) -> bool:
        return QWidget.focusNextPrevChild(self, next_)


def text_box(name: str, height: int, mono: bool = False) -> QPlainTextEdit:
    box = QPlainTextEdit()
    box.setAccessibleName(name)
    box.setTabChangesFocus(True)  # Tab moves on, so the form stays keyboard-friendly
    box.setMinimumHeight(height)
    # A fixed height keeps the whole form in view at 1440x900; longer text scrolls inside.
    box.setMaximumHeight(height)
    if mono:
        box.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
    return box


class LeaveWatcher(QObject):
    """Calls `left(field)` when focus leaves a field's widgets (a group of buttons counts as
    one field: moving between them is not leaving)."""

    def __init__(self, fields: dict[str, list[QWidget]], left: Callable[[str], None],
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.left = left
        self.enabled = True
        self.field_of: dict[QObject, str] = {}
        for name, widgets in fields.items():
            for widget in widgets:
                self.field_of[widget] = name
                widget.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut and self.enabled and watched in self.field_of:
            name = self.field_of[watched]
            focus = QApplication.focusWidget()
            if focus is None or self.field_of.get(focus) != name:
                self.left(name)
        return False


class FieldErrors:
    """The error line under each field: shown once the field was left (or on Save), in room
    kept for the common ones, in the theme's error colour."""

    def __init__(self) -> None:
        self.labels: dict[str, QLabel] = {}
        self.touched: set[str] = set()  # fields the user has left

    def line(self, name: str) -> QLabel:
        error = QLabel(wordWrap=True)
        error.setAccessibleName(f"{name} error")
        error.setStyleSheet(f"color: {theme.error_color()};")  # and again on retheme only
        if name in RESERVED_ERRORS:
            error.setMinimumHeight(error.fontMetrics().height())
        else:
            error.hide()
        self.labels[name] = error
        return error

    def share(self, name: str, with_: str) -> None:
        """Two fields with one line (the two minute boxes)."""
        self.labels[name] = self.labels[with_]

    def reset(self) -> None:
        self.touched.clear()
        self.show({})

    def check(self, data: dict[str, Any], *, full: bool) -> dict[str, str]:
        """The journal's rule each field breaks: of the fields already left, or (`full`, on
        Save) of all of them, which then count as left."""
        errors: dict[str, str] = {}
        for name, value in data.items():
            if not full and name not in self.touched:
                continue  # its line stays empty until the field is left: no need to check it
            try:
                validate_fields({name: value}, partial=True)
            except ValidationError as exc:
                errors.setdefault(exc.field, exc.rule)
        if full:
            self.touched.update(self.labels)
            try:
                validate_fields(data, partial=False)
            except ValidationError as exc:
                errors.setdefault(exc.field, exc.rule)
        return errors

    def show(self, errors: dict[str, str], only_touched: bool = False,
             empty: set[str] | frozenset[str] = frozenset()) -> None:
        for name, label in self.labels.items():
            rule = errors.get(name)
            if only_touched and name not in self.touched:
                rule = None
            # This runs on every keystroke: touch a label only when its line changes.
            shown = label.text()
            if rule is None and (not shown or (only_touched and "required" in shown
                                               and name in empty)):
                continue  # already empty, or a 'required' hint kept while the field is empty
            text = f"{name.replace('_', ' ')} {rule}" if rule else ""
            if shown != text:
                label.setText(text)
            if name not in RESERVED_ERRORS and label.isHidden() == bool(rule):
                label.setVisible(bool(rule))

    def retheme(self) -> None:
        for label in self.labels.values():
            label.setStyleSheet(f"color: {theme.error_color()};")

    def text(self, name: str) -> str:
        label = self.labels.get(name)
        return label.text() if label is not None else ""
