"""Contributors over time: how many people logged experiments each week."""

from __future__ import annotations

from PySide6.QtCharts import QBarSeries
from PySide6.QtWidgets import QWidget

from journal.stats import Stats
from journal.team import TeamReport
from ui.dashboard.charts import NO_ENTRIES, ChartPanel, value_axis, week_axis


class ContributorsChart(ChartPanel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Contributors per week", parent)

    def update_stats(self, stats: Stats) -> None:  # the team page calls show_report instead
        raise NotImplementedError("ContributorsChart shows a TeamReport")

    def show_report(self, report: TeamReport, stats: Stats) -> None:
        if not report.weeks:
            self.show_message(NO_ENTRIES)
            return
        self._begin()
        weeks = report.weeks

        def tip(i: int) -> str:
            w = weeks[i]
            return (f"{w.week} (week of {w.start})\nContributors: {w.contributors}\n"
                    f"Experiments: {w.entries}")

        self.counts = self._bar_set("Contributors", [float(w.contributors) for w in weeks],
                                    "rate", tip)
        series = QBarSeries()
        series.append(self.counts)
        series.setBarWidth(0.8)
        x = week_axis(stats.weeks)
        y = value_axis(0, max(w.contributors for w in weeks), "%d", integer=True)
        self._attach(series, x, y)
        self.chart.legend().setVisible(False)
