"""The left side of the Share dialog: what to share, as a ShareOptions."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from journal import EntryFilter, Journal
from journal.entries import OUTCOMES
from journal.share import DETAILS, FORMATS, Detail, Format, Include, ShareOptions

ANY = "Any"
DETAIL_HELP: dict[str, str] = {
    "totals": "Numbers only: totals, outcome mix, weekly trend, per tool and category.",
    "lessons": "Totals plus the redacted lessons and “what broke” notes.",
    "full": "Everything above plus redacted titles, prompts and tags.",
}
FORMAT_NAMES: dict[str, str] = {"md": "Markdown (chat, wikis)", "html": "HTML page",
                                "json": "JSON (for combining)", "csv": "CSV (one row per entry)"}


class ShareOptionsPanel(QWidget):
    """Emits `changed` whenever a choice changes; `options()` reads them all."""

    changed = Signal()

    def __init__(self, journal: Journal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self._range_box())
        layout.addWidget(self._filter_box(journal))
        layout.addWidget(self._detail_box())
        layout.addWidget(self._entries_box())
        layout.addWidget(self._output_box())
        layout.addStretch(1)

        self._sync_dates()
        self.all_time.toggled.connect(self._sync_dates)
        for signal in (self.all_time.toggled, self.since.dateChanged, self.until.dateChanged,
                       self.tool.currentIndexChanged, self.outcome.currentIndexChanged,
                       self.category.currentIndexChanged, self.tag.currentIndexChanged,
                       self.detail.idToggled, self.include.idToggled,
                       self.fmt.currentIndexChanged, self.fold.toggled, self.linkable.toggled):
            signal.connect(self._emit)

    def _range_box(self) -> QGroupBox:
        range_box = QGroupBox("Range")
        form = QFormLayout(range_box)
        self.all_time = QCheckBox("All time")
        self.all_time.setChecked(True)
        today = QDate.currentDate()
        self.since = self._date_edit(today.addDays(-27))
        self.until = self._date_edit(today)
        form.addRow(self.all_time)
        form.addRow("From", self.since)
        form.addRow("To", self.until)
        return range_box

    def _filter_box(self, journal: Journal) -> QGroupBox:
        filters = QGroupBox("Filters")
        form = QFormLayout(filters)
        self.tool = self._combo([ANY, *journal.suggestions("tool")])
        self.outcome = self._combo([ANY, *OUTCOMES])
        self.category = self._combo([ANY, *journal.suggestions("category")])
        self.tag = self._combo([ANY, *journal.suggestions("tags")])
        for label, combo in (("Tool", self.tool), ("Outcome", self.outcome),
                             ("Category", self.category), ("Tag", self.tag)):
            form.addRow(label, combo)
        return filters

    def _detail_box(self) -> QGroupBox:
        detail_box = QGroupBox("Detail")
        box = QVBoxLayout(detail_box)
        self.detail = QButtonGroup(self)
        for i, name in enumerate(DETAILS):
            button = QRadioButton(name.capitalize())
            button.setToolTip(DETAIL_HELP[name])
            button.setChecked(name == "totals")
            self.detail.addButton(button, i)
            box.addWidget(button)
        self.detail_help = QLabel(DETAIL_HELP["totals"])
        self.detail_help.setWordWrap(True)
        box.addWidget(self.detail_help)
        return detail_box

    def _entries_box(self) -> QGroupBox:
        entries = QGroupBox("Entries")
        row = QHBoxLayout(entries)
        self.include = QButtonGroup(self)
        for i, (text, tip) in enumerate((("Marked to share", "Only entries marked “share”"),
                                         ("All", "Every entry in the range and filters"))):
            button = QRadioButton(text)
            button.setToolTip(tip)
            button.setChecked(i == 0)
            self.include.addButton(button, i)
            row.addWidget(button)
        return entries

    def _output_box(self) -> QGroupBox:
        out = QGroupBox("Output")
        form = QFormLayout(out)
        self.fmt = QComboBox()
        for fmt in FORMATS:
            self.fmt.addItem(FORMAT_NAMES[fmt], fmt)
        form.addRow("Format", self.fmt)
        self.fold = QCheckBox("Fold groups under 3 entries into “other”")
        self.fold.setChecked(True)
        self.linkable = QCheckBox("Linkable pseudonyms across exports")
        self.linkable.setToolTip("Person-3f9a2c instead of Person 1: the same person gets the "
                                 "same label in every export from this journal.")
        form.addRow(self.fold)
        form.addRow(self.linkable)
        return out

    @staticmethod
    def _date_edit(day: QDate) -> QDateEdit:
        edit = QDateEdit(day)
        edit.setCalendarPopup(True)
        edit.setDisplayFormat("yyyy-MM-dd")
        return edit

    @staticmethod
    def _combo(items: list[str]) -> QComboBox:
        combo = QComboBox()
        combo.addItems(items)
        combo.setMinimumContentsLength(12)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        return combo

    def _sync_dates(self) -> None:
        self.since.setEnabled(not self.all_time.isChecked())
        self.until.setEnabled(not self.all_time.isChecked())

    def _emit(self, *_args: object) -> None:
        self.detail_help.setText(DETAIL_HELP[self.detail_name()])
        self.changed.emit()

    def detail_name(self) -> Detail:
        return DETAILS[max(self.detail.checkedId(), 0)]

    def set_choice(self, *, detail: Detail | None = None, include: Include | None = None,
                   fmt: Format | None = None) -> None:
        """Select choices from code (tests, remembered settings)."""
        if detail is not None:
            button = self.detail.button(DETAILS.index(detail))
            button.setChecked(True)
        if include is not None:
            self.include.button(0 if include == "marked" else 1).setChecked(True)
        if fmt is not None:
            self.fmt.setCurrentIndex(FORMATS.index(fmt))

    @staticmethod
    def _value(combo: QComboBox) -> str | None:
        return None if combo.currentIndex() <= 0 else combo.currentText()

    def options(self) -> ShareOptions:
        since: date | None = None
        until: date | None = None
        if not self.all_time.isChecked():
            since = self.since.date().toPython()  # type: ignore[assignment]
            until = self.until.date().toPython()  # type: ignore[assignment]
        flt = EntryFilter(since=since, until=until, tool=self._value(self.tool),
                          outcome=self._value(self.outcome),
                          category=self._value(self.category), tag=self._value(self.tag))
        include: Include = "marked" if self.include.checkedId() == 0 else "all"
        return ShareOptions(detail=self.detail_name(), include=include, flt=flt,
                            fmt=self.fmt.currentData(), fold_small_groups=self.fold.isChecked(),
                            linkable=self.linkable.isChecked())
