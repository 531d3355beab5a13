"""DashboardView: honest results at a glance. Reads journal.stats(); holds no SQL."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QTimer, Signal
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from journal import EntryFilter, Journal
from journal.errors import OffscriptError
from journal.format import plural, signed_minutes, signed_number
from journal.stats import Stats, Totals, previous_period

from .charts import FailureModesChart, OutcomeMixChart, ToolsChart, WeeklyNetChart
from .kpi_cards import KpiRow, kpi_table_text
from .lessons_panel import LessonsPanel
from .range_bar import RangeBar
from .stats_worker import Figures, StatsWorker

log = logging.getLogger("offscript.ui.dashboard")


class DashboardView(QWidget):
    """KPI cards, four charts and the wins-beside-failures panel for the filtered range."""

    open_entry = Signal(str)
    # From this many entries the figures take ~100 ms or more: compute them off the GUI thread.
    THREADED_FROM = 20_000

    def __init__(self, journal: Journal, parent: QWidget | None = None, *,
                 today: Callable[[], date] | None = None) -> None:
        super().__init__(parent)
        self.journal = journal
        self.stats: Stats | None = None
        self.previous: Totals | None = None
        self.range_bar = RangeBar(journal, today=today or date.today)
        self.copy_button = QPushButton("Copy KPIs")
        self.copy_button.setToolTip("Copy the headline numbers as a table (paste into a sheet)")
        self.export_button = QPushButton("Export PNG…")
        self.export_button.setToolTip("Save the whole dashboard as an image, e.g. for a slide")
        self.status = QLabel()  # transient notes: copied, saved, errors
        self.status.setObjectName("dashboardStatus")
        self.heading = QLabel(wordWrap=True)  # what the numbers cover; part of the PNG
        self.heading.setObjectName("dashboardHeading")
        self.busy_bar = QProgressBar()  # shown while a worker computes the figures
        self.busy_bar.setRange(0, 0)
        self.busy_bar.setMaximumWidth(120)
        self.busy_bar.setAccessibleName("Updating the dashboard")
        self.busy_bar.hide()
        self._worker = StatsWorker(journal, self)
        self._worker.done.connect(self._computed)
        self._worker.failed.connect(self._failed)
        self._busy = self._pending = False
        self._staged: list[Any] = []  # panels still to draw, one per event-loop turn

        self.kpis = KpiRow()
        self.weekly = WeeklyNetChart()
        self.outcomes = OutcomeMixChart()
        self.tools = ToolsChart()
        self.failures = FailureModesChart()
        self.charts = (self.weekly, self.outcomes, self.tools, self.failures)
        self.lessons = LessonsPanel()
        self.lessons.open_entry.connect(self.open_entry)
        self._build_layout()

        self._retheme = QTimer(self, singleShot=True, interval=0)
        self._retheme.timeout.connect(self._restyle)
        self.range_bar.changed.connect(self.refresh)
        self.copy_button.clicked.connect(self.copy_kpis)
        self.export_button.clicked.connect(self._export_clicked)
        self.refresh()

    def _build_layout(self) -> None:
        self.content = QWidget()
        self.content.setObjectName("dashboardContent")
        self.content.setAutoFillBackground(True)
        grid = QGridLayout()
        grid.setSpacing(12)
        for i, chart in enumerate(self.charts):
            grid.addWidget(chart, i // 2, i % 2)
        column = QVBoxLayout(self.content)
        column.setSpacing(14)
        column.addWidget(self.heading)
        column.addWidget(self.kpis)
        column.addLayout(grid)
        column.addWidget(self.lessons)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.content)

        top = QHBoxLayout()
        top.addWidget(self.range_bar, 1)
        top.addWidget(self.busy_bar)
        top.addWidget(self.status)
        top.addWidget(self.copy_button)
        top.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(scroll, 1)

    # -- public ----------------------------------------------------------------------------
    def current_filter(self) -> EntryFilter:
        return self.range_bar.current_filter()

    def set_filter(self, flt: EntryFilter) -> None:
        """Show the dashboard for `flt` (its dates become a custom range)."""
        self.range_bar.set_filter(flt)
        self.refresh()

    def is_busy(self) -> bool:
        """True while a worker thread computes the figures, and until they are drawn."""
        return self._busy

    def refresh(self) -> None:
        """Recompute everything (the main window calls this after edits). Journals of
        THREADED_FROM entries or more are computed on a worker thread, with a busy bar."""
        try:
            threaded = self.journal.count() >= self.THREADED_FROM
        except OffscriptError:
            threaded = False  # the in-place path below reports the error
        if threaded:
            self._pending = self._busy  # one worker at a time; a change meanwhile reruns it
            if not self._busy:
                self._start_worker()
            return
        self.range_bar.refresh_choices()
        flt = self.current_filter()
        try:
            stats = self.journal.stats(flt)
            before = previous_period(flt)
            previous = self.journal.totals(before) if before else None
        except OffscriptError as exc:
            log.warning("dashboard: %s", exc)
            self.heading.setText(f"Cannot compute the dashboard: {exc}")
            return
        self.stats, self.previous = stats, previous
        self._show(stats, previous)

    def _start_worker(self) -> None:
        self._busy, self._pending = True, False
        self.busy_bar.show()
        self.status.setText("Updating…")
        self._worker.start(self.current_filter())

    def _computed(self, figures: Figures) -> None:
        if self._pending:  # the journal or the range changed while computing
            self._start_worker()
            return
        self.range_bar.set_choices(figures.choices)
        self.stats, self.previous = figures.stats, figures.previous
        self._show(figures.stats, figures.previous, staged=True)

    def _draw_next(self) -> None:
        """One chart (or the lessons panel) per event-loop turn, so that laying out and
        painting the new figures never freezes the window for all of them at once (~75 ms at
        100k); the busy bar stays until the last one is drawn."""
        if self._staged:
            panel = self._staged.pop(0)
            if self.stats is not None:
                panel.update_stats(self.stats)
            QTimer.singleShot(0, self._draw_next)
            return
        self._busy = False
        self.busy_bar.hide()
        if self._pending:  # changed while drawing: compute again
            self._start_worker()

    def _failed(self, message: str) -> None:
        self._busy = self._pending = False
        self.busy_bar.hide()
        self.status.clear()
        self.heading.setText(f"Cannot compute the dashboard: {message}")

    def kpi_text(self) -> str:
        return kpi_table_text(self.kpis.kpis, self.period_text())

    def copy_kpis(self) -> None:
        QApplication.clipboard().setText(self.kpi_text())
        self.status.setText("KPI table copied.")

    def export_png(self, path: str | Path) -> bool:
        """Save the full dashboard (not just the visible part) as a PNG."""
        ok = self.content.grab().save(str(path), "PNG")
        if not ok:
            log.warning("dashboard: could not write %s", path)
        return ok

    def period_text(self) -> str:
        if self.stats is None:
            return ""
        t = self.stats.totals
        since, until = self.stats.since, self.stats.until
        span = (f"{(since or t.first or '?')[:10]} to {(until or t.last or '?')[:10]}"
                if since or until or t.entries else "all time")
        flt = self.current_filter()
        parts = [f"{name} {value}" for name, value in (
            ("tool", flt.tool), ("outcome", flt.outcome), ("category", flt.category),
            ("tag", flt.tag), ("search", flt.query)) if value]
        return span + (f" ({', '.join(parts)})" if parts else "")

    # -- internals -------------------------------------------------------------------------
    def _show(self, stats: Stats, previous: Totals | None, *, staged: bool = False) -> None:
        """Show the figures; staged: the charts and lessons one per event-loop turn (the
        worker's results, see _draw_next), else all at once."""
        t = stats.totals
        self.status.clear()
        if t.entries:
            self.heading.setText(
                f"<b>Offscript: {self.period_text()}</b> · {plural(t.entries, 'experiment')} · "
                f"median {signed_number(t.median_net_minutes or 0)} min per experiment · "
                f"{signed_minutes(t.negative_net_minutes)} on experiments slower than by hand")
        else:
            self.heading.setText(f"<b>Offscript: {self.period_text()}</b> · no experiments "
                                 "match this range and these filters")
        self.kpis.show_totals(t, previous)
        if previous is not None:
            name = self.range_bar.period_name()
            for card in self.kpis.cards.values():
                card.change.setToolTip(f"Compared with {name}" if name else "")
        panels: list[Any] = [*self.charts, self.lessons]
        if staged:
            self._staged = panels
            QTimer.singleShot(0, self._draw_next)
            return
        self._staged = []  # a full redraw supersedes a staged one under way
        for panel in panels:
            panel.update_stats(stats)

    def _export_clicked(self) -> None:
        default = f"offscript-dashboard-{date.today().isoformat()}.png"
        path, _kind = QFileDialog.getSaveFileName(self, "Export dashboard as PNG", default,
                                                  "PNG image (*.png)")
        if not path:
            return
        if not path.lower().endswith(".png"):
            path += ".png"
        if self.export_png(path):
            self.status.setText(f"Saved {Path(path).name}.")
        else:
            from ui.infra import alerts
            alerts.error(self, "Export failed", f"Could not write {path}.",
                         "Check that the folder exists and you can write to it.")

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            # Children receive the new palette after us: re-theme once they have it.
            self._retheme.start()

    def _restyle(self) -> None:
        if self.stats is not None:
            self._show(self.stats, self.previous)
