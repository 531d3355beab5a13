"""Search box and filters above the entries list; emits an EntryFilter as the user types."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from journal import EntryFilter, Journal
from journal.entries import FAILURE_MODES, OUTCOMES
from journal.format import in_words, plural
from ui.infra import theme
from ui.widgets.fields import refill_choices
from ui.widgets.flow_layout import FlowLayout

DEBOUNCE_MS = 200
MIN_CHARS, MAX_CHARS = 8, 28  # a filter list's width in characters: empty, and at most
NO_DATE = QDate(2000, 1, 1)  # the minimum shows as "any"


def _date_edit(name: str) -> QDateEdit:
    edit = QDateEdit(calendarPopup=True, displayFormat="yyyy-MM-dd")
    edit.setMinimumDate(NO_DATE)
    edit.setSpecialValueText("any")
    edit.setDate(NO_DATE)
    edit.setAccessibleName(name)
    return edit


class FilterBar(QWidget):
    filter_changed = Signal(object)  # EntryFilter

    def __init__(self, journal: Journal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.journal = journal
        self.search = QLineEdit(placeholderText="Search everything…  (Ctrl+F)")
        self.search.setClearButtonEnabled(True)
        self.search.setAccessibleName("Search")
        self.count_label = QLabel()
        self.count_label.setAccessibleName("Number of matching entries")
        self.error_label = QLabel(visible=False, wordWrap=True)
        self.error_label.setAccessibleName("Search problem")
        self.since = _date_edit("From date")
        self.until = _date_edit("To date")
        # A set filter reads "Outcome: broke", so the row says what it hides.
        self.tool = self._combo("Tool", "Tool")
        self.outcome = self._combo("Outcome", "Outcome", list(OUTCOMES))
        self.failure_mode = self._combo("Failure mode", "Failure", list(FAILURE_MODES))
        self.tag = self._combo("Tag", "Tag")
        self.category = self._combo("Category", "Category")
        self.clear_button = QToolButton(text="Clear")
        self.clear_button.setToolTip("Clear the search and all filters")
        self.clear_button.setAccessibleName("Clear filters")

        top = QHBoxLayout()
        top.addWidget(self.search, 1)
        top.addWidget(self.count_label)
        top.addWidget(self.clear_button)
        # Dates and lists wrap onto more lines when the window is narrow, never clipped.
        self.filters = QWidget()
        filters = FlowLayout(self.filters)
        for label, edit in (("From", self.since), ("to", self.until)):
            pair = QWidget()
            pair_layout = QHBoxLayout(pair)
            pair_layout.setContentsMargins(0, 0, 0, 0)
            pair_layout.addWidget(QLabel(label))
            pair_layout.addWidget(edit)
            filters.addWidget(pair)
        for widget in (self.tool, self.outcome, self.failure_mode, self.tag, self.category):
            filters.addWidget(widget)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.filters)
        layout.addWidget(self.error_label)

        self.debounce = QTimer(self, interval=DEBOUNCE_MS, singleShot=True)
        self.debounce.timeout.connect(self.emit_filter)
        self.search.textChanged.connect(self.debounce.start)
        for edit in (self.since, self.until):
            edit.dateChanged.connect(self.emit_filter)
        for combo in (self.tool, self.outcome, self.failure_mode, self.tag, self.category):
            combo.currentIndexChanged.connect(self.emit_filter)
        self.clear_button.clicked.connect(self.clear)
        # Tool, tag and category lists: refresh_choices(), called by the owner after start-up.

    def _combo(self, name: str, any_label: str, items: list[str] | None = None) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(f"{name} filter")
        combo.setToolTip(f"Only entries with this {name.lower()}")
        combo.setProperty("hint", combo.toolTip())
        combo.addItem(any_label, "")
        combo.setProperty("prefix", f"{any_label}: ")
        for item in items or []:
            combo.addItem(f"{any_label}: {in_words(item)}", item)
        # Tool and tag names can be long; keep the row narrow and let the popup show them, but
        # widen to the chosen value so a set filter reads whole ("Outcome: partly").
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(MIN_CHARS)
        combo.currentIndexChanged.connect(lambda _i, c=combo: self._fit(c))
        return combo

    @staticmethod
    def _fit(combo: QComboBox) -> None:
        text = combo.currentText()
        combo.setMinimumContentsLength(max(MIN_CHARS, min(len(text), MAX_CHARS)))
        combo.setToolTip(text if combo.currentIndex() > 0 else str(combo.property("hint")))

    def refresh_choices(self) -> None:
        """Tool, tag and category lists from what the journal holds, keeping the selection."""
        for combo, column in ((self.tool, "tool"), (self.tag, "tags"),
                              (self.category, "category")):
            refill_choices(combo, self.journal.suggestions(column), combo.property("prefix"))

    def current_filter(self) -> EntryFilter:
        def day(edit: QDateEdit) -> date | None:
            return None if edit.date() == NO_DATE else edit.date().toPython()

        return EntryFilter(
            query=self.search.text(), since=day(self.since), until=day(self.until),
            tool=self.tool.currentData() or None, outcome=self.outcome.currentData() or None,
            failure_mode=self.failure_mode.currentData() or None,
            tag=self.tag.currentData() or None, category=self.category.currentData() or None,
            prefix_last=True)

    def is_filtered(self) -> bool:
        return self.current_filter().but(prefix_last=False) != EntryFilter()

    def emit_filter(self) -> None:
        self.debounce.stop()
        self.show_error("")
        self.filter_changed.emit(self.current_filter())

    def clear(self) -> None:
        for widget in (self.search, self.since, self.until, self.tool, self.outcome,
                       self.failure_mode, self.tag, self.category):
            widget.blockSignals(True)
        self.search.clear()
        self.since.setDate(NO_DATE)
        self.until.setDate(NO_DATE)
        for combo in (self.tool, self.outcome, self.failure_mode, self.tag, self.category):
            combo.setCurrentIndex(0)
        for widget in (self.search, self.since, self.until, self.tool, self.outcome,
                       self.failure_mode, self.tag, self.category):
            widget.blockSignals(False)
        self.emit_filter()

    def show_count(self, total: int) -> None:
        self.count_label.setText(plural(total, "match" if self.is_filtered() else "entry"))

    def show_error(self, message: str) -> None:
        self.error_label.setText(message)  # on every keystroke of the search
        theme.set_style(self.error_label, f"color: {theme.error_color()};")
        self.error_label.setVisible(bool(message))

    def focus_search(self) -> None:
        self.search.setFocus()
        self.search.selectAll()

    def clear_focused_search(self) -> bool:
        """Esc in the search box: clear what is typed there. False when it had no focus or text."""
        if not (self.search.hasFocus() and self.search.text()):
            return False
        self.search.clear()
        return True
