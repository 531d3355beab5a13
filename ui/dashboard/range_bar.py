"""Range selector (last 4 weeks, quarter, year, all, custom) and the tool/outcome/category/tag
combos. It turns the controls into an EntryFilter; it never queries beyond suggestions()."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime, timedelta

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import QComboBox, QDateEdit, QLabel, QToolButton, QWidget

from journal import EntryFilter, Journal
from journal.entries import OUTCOMES
from ui.widgets.fields import refill_choices
from ui.widgets.flow_layout import FlowLayout

# key, label, days back (inclusive of today); None = all time, 0 = custom
RANGES: tuple[tuple[str, str, int | None], ...] = (
    ("4w", "Last 4 weeks", 28),
    ("quarter", "Last quarter (13 weeks)", 91),
    ("year", "Last 12 months", 365),
    ("all", "All time", None),
    ("custom", "Custom…", 0),
)
PERIOD_NAMES = {"4w": "the 4 weeks before", "quarter": "the quarter before",
                "year": "the 12 months before", "custom": "the same length before"}


class RangeBar(QWidget):
    changed = Signal()

    def __init__(self, journal: Journal, parent: QWidget | None = None, *,
                 today: Callable[[], date] = date.today) -> None:
        super().__init__(parent)
        self.journal = journal
        self.today = today
        self.base = EntryFilter()  # fields set_filter gave that have no control here (query…)
        self.range = QComboBox()
        self.range.setAccessibleName("Date range")
        for key, label, _days in RANGES:
            self.range.addItem(label, key)
        self.since = self._date_edit("From date")
        self.until = self._date_edit("To date")
        self.to_label = QLabel("to")
        self.tool = self._combo("Tool", "All tools")
        self.outcome = self._combo("Outcome", "All outcomes", list(OUTCOMES))
        self.category = self._combo("Category", "All categories")
        self.tag = self._combo("Tag", "All tags")
        self.reset = QToolButton(text="Reset")
        self.reset.setToolTip("Last quarter, no filters")

        row = FlowLayout(self)  # wraps onto a second line in a narrow window, never clips
        for widget in (self.range, self.since, self.to_label, self.until, self.tool,
                       self.outcome, self.category, self.tag, self.reset):
            row.addWidget(widget)
        self.range.setCurrentIndex(1)
        self._show_custom(False)
        self.range.currentIndexChanged.connect(self._range_changed)
        for edit in (self.since, self.until):
            edit.dateChanged.connect(self.changed)
        for combo in (self.tool, self.outcome, self.category, self.tag):
            combo.currentIndexChanged.connect(self.changed)
        self.reset.clicked.connect(self.clear)
        self.refresh_choices()

    @staticmethod
    def _date_edit(name: str) -> QDateEdit:
        edit = QDateEdit(calendarPopup=True, displayFormat="yyyy-MM-dd")
        edit.setAccessibleName(name)
        return edit

    @staticmethod
    def _combo(name: str, any_label: str, items: list[str] | None = None) -> QComboBox:
        combo = QComboBox()
        combo.setAccessibleName(f"{name} filter")
        combo.addItem(any_label, "")
        for item in items or []:
            combo.addItem(item, item)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(8)
        return combo

    # -- state -----------------------------------------------------------------------------
    def range_key(self) -> str:
        return str(self.range.currentData())

    def period_name(self) -> str:
        return PERIOD_NAMES.get(self.range_key(), "")

    def _show_custom(self, on: bool) -> None:
        for widget in (self.since, self.to_label, self.until):
            widget.setVisible(on)

    def _range_changed(self) -> None:
        custom = self.range_key() == "custom"
        if custom:  # start the custom range from what was shown
            flt = self._bounds_for(self._previous_key)
            self._set_dates(flt[0] or self.today() - timedelta(days=90), flt[1] or self.today())
        self._previous_key = self.range_key()
        self._show_custom(custom)
        self.changed.emit()

    _previous_key = "quarter"

    def _bounds_for(self, key: str) -> tuple[date | None, date | None]:
        days = dict((k, d) for k, _label, d in RANGES)[key]
        if key == "custom":
            return self.since.date().toPython(), self.until.date().toPython()
        if days is None:
            return None, None
        return self.today() - timedelta(days=days - 1), self.today()

    def _set_dates(self, since: date, until: date) -> None:
        for edit, day in ((self.since, since), (self.until, until)):
            edit.blockSignals(True)
            edit.setDate(QDate(day.year, day.month, day.day))
            edit.blockSignals(False)

    def current_filter(self) -> EntryFilter:
        since, until = self._bounds_for(self.range_key())
        if since and until and since > until:
            since, until = until, since
        return self.base.but(
            since=since, until=until, tool=self.tool.currentData() or None,
            outcome=self.outcome.currentData() or None,
            category=self.category.currentData() or None, tag=self.tag.currentData() or None)

    def set_filter(self, flt: EntryFilter) -> None:
        """Show `flt` in the controls (dates → a custom range) without emitting `changed`."""
        widgets = (self.range, self.since, self.until, self.tool, self.outcome, self.category,
                   self.tag)
        for widget in widgets:
            widget.blockSignals(True)
        try:
            self.base = flt
            if flt.since is None and flt.until is None:
                self.range.setCurrentIndex(self.range.findData("all"))
            else:
                since, until = (_day(flt.since), _day(flt.until))
                self.range.setCurrentIndex(self.range.findData("custom"))
                self._set_dates(since or date(2000, 1, 1), until or self.today())
            self._previous_key = self.range_key()
            self._show_custom(self.range_key() == "custom")
            for combo, value in ((self.tool, flt.tool), (self.outcome, flt.outcome),
                                 (self.category, flt.category), (self.tag, flt.tag)):
                _select(combo, value)
        finally:
            for widget in widgets:
                widget.blockSignals(False)

    def clear(self) -> None:
        self.set_filter(EntryFilter())
        self.range.blockSignals(True)
        self.range.setCurrentIndex(self.range.findData("quarter"))
        self.range.blockSignals(False)
        self._previous_key = "quarter"
        self._show_custom(False)
        self.changed.emit()

    def refresh_choices(self) -> None:
        """Tool, category and tag lists from the journal (most used first), keeping selection."""
        self.set_choices({column: self.journal.suggestions(column)
                          for column in ("tool", "category", "tags")})

    def set_choices(self, choices: dict[str, list[str]]) -> None:
        """The lists from values read elsewhere (the dashboard's worker), keeping selection."""
        for combo, column in ((self.tool, "tool"), (self.category, "category"),
                              (self.tag, "tags")):
            current = combo.currentData()
            refill_choices(combo, choices[column])
            combo.blockSignals(True)
            _select(combo, current)  # a value no longer suggested stays selectable here
            combo.blockSignals(False)


def _day(value: date | datetime | None) -> date | None:
    return value.date() if isinstance(value, datetime) else value


def _select(combo: QComboBox, value: str | None) -> None:
    if value and combo.findData(value) < 0:
        combo.addItem(value, value)  # a filter value not (or no longer) in the suggestions
    combo.setCurrentIndex(max(combo.findData(value or ""), 0))
