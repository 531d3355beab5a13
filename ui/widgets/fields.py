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
from journal.format import duration, in_words
from ui.infra import theme
from ui.widgets.tab_stops import SingleTabStop

OUTCOME_LABELS = {"worked": "Worked", "partly": "Partly", "broke": "Broke"}
CHECK = "✓ "  # the chosen outcome also says so in its text, not by colour alone


class OutcomeSelector(QWidget):
    """Three checkable buttons in an exclusive group: a segmented choice, one Tab stop.

    The chosen button takes its outcome's strong colour and a check mark, so it stands out in
    both themes (contrast >= 3:1 against the unchosen buttons, see theme.outcome_choice_colors).
    """

    changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.group = QButtonGroup(self)
        self.group.setExclusive(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self.buttons: dict[str, QPushButton] = {}
        for i, outcome in enumerate(OUTCOMES):
            button = QPushButton(OUTCOME_LABELS[outcome], self)
            button.setCheckable(True)
            button.setAccessibleName(f"Outcome: {outcome}")
            button.setToolTip(f"Outcome: {outcome} (Alt+{i + 1})")
            button.setShortcut(f"Alt+{i + 1}")
            # Room for the check mark, so choosing does not shift the buttons.
            button.setMinimumWidth(button.fontMetrics().horizontalAdvance(
                CHECK + OUTCOME_LABELS[outcome]) + 28)
            self.group.addButton(button)
            self.buttons[outcome] = button
            layout.addWidget(button)
        layout.addStretch(1)
        self.tab_stop = SingleTabStop(list(self.buttons.values()), self)
        self.group.buttonToggled.connect(self._toggled)
        self.restyle()

    def _toggled(self, button: QAbstractButton, checked: bool) -> None:
        self.restyle()
        if checked:
            self.tab_stop.set_stop(button)
            self.changed.emit(self.value())

    def restyle(self) -> None:
        """Colour and check mark of the chosen button, in the current theme's colours."""
        for outcome, button in self.buttons.items():
            if button.isChecked():
                bg, fg = theme.outcome_choice_colors(outcome)
                button.setText(CHECK + OUTCOME_LABELS[outcome])
                button.setStyleSheet(
                    f"QPushButton {{ background: {bg.name()}; color: {fg.name()};"
                    f" border: 1px solid {bg.darker(130).name()}; border-radius: 4px;"
                    f" padding: 4px 10px; font-weight: 600; }}")
            else:
                button.setText(OUTCOME_LABELS[outcome])
                button.setStyleSheet("")

    def retheme(self) -> None:  # called by theme.apply
        self.restyle()

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
        self.tab_stop.set_stop(self.buttons[OUTCOMES[0]])
        self.restyle()


def minutes_spin(name: str) -> QSpinBox:
    spin = QSpinBox()
    spin.setRange(0, MAX_MINUTES)
    spin.setSuffix(" min")
    spin.setAccessibleName(name)
    spin.setMinimumWidth(max(88, spin.sizeHint().width()))  # arrows and "9999 min" in view
    return spin


class NetLabel(QLabel):
    """Live 'net saved: 35 min' / 'lost: 10 min' under the two minute boxes; recoloured when
    the theme changes."""

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
        self.setText(f"{word}: {duration(net)}")
        theme.set_style(self, f"color: {theme.net_color(net).name()}; font-weight: 600;")

    def retheme(self) -> None:  # called by theme.apply
        self.update_text()


class FailureModes(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        self.boxes: dict[str, QCheckBox] = {}
        for i, mode in enumerate(FAILURE_MODES):
            box = QCheckBox(in_words(mode), self)
            box.setAccessibleName(f"Failure mode: {in_words(mode)}")
            box.toggled.connect(self.changed)
            grid.addWidget(box, i // 2, i % 2)  # two columns fit a narrow editor
            self.boxes[mode] = box
        self.tab_stop = SingleTabStop(list(self.boxes.values()), self)

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


def refill_choices(combo: QComboBox, values: list[str], prefix: str = "") -> None:
    """Replace every item after the first ("Any …") with values, keeping the selection quietly."""
    current = combo.currentData()
    combo.blockSignals(True)
    while combo.count() > 1:
        combo.removeItem(1)
    for value in values:
        combo.addItem(f"{prefix}{value}", value)
    combo.setCurrentIndex(max(combo.findData(current), 0))
    combo.blockSignals(False)
