"""Small input widgets shared by the editor and the quick log."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractButton,
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QCompleter,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QWidget,
)

from journal.entries import FAILURE_MODES, MAX_MINUTES, OUTCOMES
from ui.entries.entry_model import format_minutes
from ui.infra import theme

OUTCOME_LABELS = {"worked": "✓ Worked", "partly": "◐ Partly", "broke": "✗ Broke"}


class OutcomeSelector(QWidget):
    """Three checkable buttons in an exclusive group: a segmented choice."""

    changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.buttons: dict[str, QPushButton] = {}
        for i, outcome in enumerate(OUTCOMES):
            button = QPushButton(OUTCOME_LABELS[outcome], self)
            button.setCheckable(True)
            button.setAccessibleName(f"Outcome: {outcome}")
            button.setToolTip(f"Outcome: {outcome} (Alt+{i + 1})")
            button.setShortcut(f"Alt+{i + 1}")
            self.group.addButton(button)
            self.buttons[outcome] = button
            layout.addWidget(button)
        layout.addStretch(1)
        self.group.buttonToggled.connect(self._toggled)

    def _toggled(self, button: QAbstractButton, checked: bool) -> None:
        if checked:
            self.changed.emit(self.value())

    def value(self) -> str:
        return next((o for o, b in self.buttons.items() if b.isChecked()), "")

    def set_value(self, outcome: str) -> None:
        if outcome in self.buttons:
            self.buttons[outcome].setChecked(True)
            return
        self.group.setExclusive(False)  # an exclusive group cannot be fully unchecked
        for button in self.buttons.values():
            button.setChecked(False)
        self.group.setExclusive(True)


def minutes_spin(name: str) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(0, MAX_MINUTES)
    spin.setSuffix(" min")
    spin.setAccessibleName(name)
    spin.setMinimumWidth(88)
    return spin


class NetLabel(QLabel):
    """Live 'net saved: 35 min' / 'lost: 10 min' under the two minute boxes."""

    def __init__(self, without_ai: QSpinBox, with_ai: QSpinBox) -> None:
        super().__init__()
        self._spins = (without_ai, with_ai)
        self.setAccessibleName("Net time")
        for spin in self._spins:
            spin.valueChanged.connect(self.update_text)
        self.update_text()

    def update_text(self) -> None:
        net = self._spins[0].value() - self._spins[1].value()
        word = "net saved" if net >= 0 else "lost"
        self.setText(f"{word}: {format_minutes(net)}")
        self.setStyleSheet(f"color: {theme.net_color(net).name()}; font-weight: 600;")


class FailureModes(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[str, QCheckBox] = {}
        for i, mode in enumerate(FAILURE_MODES):
            box = QCheckBox(mode.replace("_", " "), self)
            box.setAccessibleName(f"Failure mode: {mode}")
            box.toggled.connect(self.changed)
            grid.addWidget(box, i // 3, i % 3)  # three columns fit the editor's width
            self.boxes[mode] = box

    def value(self) -> list[str]:
        return [m for m, b in self.boxes.items() if b.isChecked()]

    def set_value(self, modes: list[str]) -> None:
        for mode, box in self.boxes.items():
            box.setChecked(mode in modes)


class TagCompleter(QCompleter):
    """Completes the last comma-separated word, so 'gpt, cod' offers 'coding'."""

    def splitPath(self, path: str) -> list[str]:
        return [path.rsplit(",", maxsplit=1)[-1].strip()]

    def pathFromIndex(self, index: Any) -> str:
        widget = self.widget()
        current = widget.text() if isinstance(widget, QLineEdit) else ""
        head = [p.strip() for p in current.split(",")[:-1] if p.strip()]
        return ", ".join([*head, str(index.data())]) + ", "


def set_completions(edit: QLineEdit, words: list[str], *, tags: bool = False) -> None:
    completer = edit.completer()
    if completer is None:
        completer = TagCompleter(edit) if tags else QCompleter(edit)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setModel(QStringListModel(completer))
        edit.setCompleter(completer)
    model = completer.model()
    if isinstance(model, QStringListModel):
        model.setStringList(words)


def parse_tags(text: str) -> list[str]:
    return [t.strip() for t in text.replace(";", ",").split(",") if t.strip()]


def refill_choices(combo: QComboBox, values: list[str]) -> None:
    """Replace every item after the first ("Any …") with values, keeping the selection quietly."""
    current = combo.currentData()
    combo.blockSignals(True)
    while combo.count() > 1:
        combo.removeItem(1)
    for value in values:
        combo.addItem(value, value)
    combo.setCurrentIndex(max(combo.findData(current), 0))
    combo.blockSignals(False)
