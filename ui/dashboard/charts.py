"""The dashboard's four QtCharts, each fed by a Stats object (no SQL, no journal calls here).

Every chart follows the light/dark palette, shows exact values in a tooltip on hover, and shows a
helpful message instead of empty axes when there is not enough to plot.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence

from PySide6.QtCharts import (
    QAbstractAxis,
    QAbstractSeries,
    QBarCategoryAxis,
    QBarSet,
    QCategoryAxis,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QScatterSeries,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QMargins, QPointF, Qt
from PySide6.QtGui import QColor, QCursor, QPainter, QPalette, QResizeEvent
from PySide6.QtWidgets import QLabel, QStackedWidget, QToolTip, QVBoxLayout, QWidget

from journal.format import MINUS, hours, in_words, plural, signed_minutes
from journal.stats import Stats, Week

MAX_TOOLS = 8
MAX_LABELS = 7
LABEL_PX = 64  # room one week label needs ("24 Nov"); fewer labels on a narrow chart
HEADROOM = 0.15  # of a tick step, kept free above the tallest bar
RATE_PAD = 6  # % beyond 0 and 100 on the win-rate axis, so dots there are not cut in half

# (light, dark) colours; losses and `broke` share the warning colour.
COLORS = {
    "gain": ("#2e7d32", "#66bb6a"),
    "loss": ("#c62828", "#ef5350"),
    "worked": ("#2e7d32", "#66bb6a"),
    "partly": ("#e0a000", "#ffca28"),
    "broke": ("#c62828", "#ef5350"),
    "rate": ("#1565c0", "#64b5f6"),
    "mode": ("#6a4c93", "#b39ddb"),
}


def is_dark(widget: QWidget) -> bool:
    return widget.palette().color(QPalette.ColorRole.Window).lightness() < 128


def color(name: str, dark: bool) -> QColor:
    return QColor(COLORS[name][int(dark)])


def nice_step(span: float, ticks: int = 5) -> float:
    """A round tick interval (1, 2, 2.5 or 5 x 10^n) giving about `ticks` intervals."""
    raw = max(span, 1e-9) / ticks
    power = 10 ** math.floor(math.log10(raw))
    return next(m * power for m in (1, 2, 2.5, 5, 10) if m * power >= raw)


def value_axis(low: float, high: float, fmt: str, *, integer: bool = False) -> QValueAxis:
    """An axis that always includes zero, never collapses to a point, and has round ticks."""
    low, high = min(low, 0.0), max(high, 0.0)
    if high - low < (1 if integer else 0.1):
        high = low + (1 if integer else 1.0)
    step = nice_step(high - low)
    if integer:
        step = max(1.0, round(step))
    top, bottom = math.ceil(high / step) * step, math.floor(low / step) * step
    # Headroom: the tallest bar never touches the top (nor the deepest the bottom).
    if high > 0 and top - high < step * HEADROOM:
        top += step
    if low < 0 and low - bottom < step * HEADROOM:
        bottom -= step
    # Labels written by us, not by printf, so a loss reads "-1.0 h" with a real minus sign (U+2212) like
    # everywhere else (QValueAxis's label format can only print a hyphen).
    axis = QCategoryAxis()
    axis.setStartValue(bottom - step)  # the first label sits on `bottom`, a category's end
    for i in range(round((top - bottom) / step) + 1):
        value = bottom + i * step
        axis.append(_axis_label(fmt, value), value)
    axis.setRange(bottom, top)
    axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
    axis.setLabelFormat(fmt)  # not drawn; says what the axis counts
    return axis


def _axis_label(fmt: str, value: float) -> str:
    text = fmt % (0.0 if abs(value) < 1e-9 else value)
    return MINUS + text[1:] if text.startswith("-") else text


def label_room(width: int) -> int:
    """How many week labels fit a chart `width` pixels wide (0: not laid out yet)."""
    return MAX_LABELS if width <= 0 else max(2, min(MAX_LABELS, width // LABEL_PX))


def week_axis(weeks: Sequence[Week], width: int = 0) -> QCategoryAxis:
    """Bars sit at x = 0..n-1; labels cover groups of weeks so they are never squeezed (a
    narrow chart, `width` pixels, shows fewer)."""
    room = label_room(width)
    every = max(1, math.ceil(len(weeks) / room))
    axis = QCategoryAxis()
    axis.setRange(-0.5, len(weeks) - 0.5)
    axis.setStartValue(-0.5)
    for i in range(0, len(weeks), every):
        start = weeks[i].start
        label = f"{start:%b %Y}" if len(weeks) > 52 else f"{start.day} {start:%b}"
        axis.append(label, min(i + every, len(weeks)) - 0.5)
    axis.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionCenter)
    axis.setTitleText("weeks (Monday to Sunday)")
    return axis


class ChartPanel(QWidget):
    """A titled chart that swaps to a message when there is nothing sensible to draw."""

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.chart = QChart()
        self.chart.setTitle(title)
        self.chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
        self.chart.setMargins(QMargins(4, 4, 4, 4))
        self.chart.setBackgroundRoundness(0)
        self.view = QChartView(self.chart)
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.view.setMinimumHeight(260)
        self.message = QLabel(wordWrap=True, alignment=Qt.AlignmentFlag.AlignCenter)
        self.message.setObjectName("chartEmpty")
        self.message.setMargin(24)
        self.title = QLabel(f"<b>{title}</b>")
        empty = QWidget()
        column = QVBoxLayout(empty)
        column.addWidget(self.title)
        column.addWidget(self.message, 1)
        self.stack = QStackedWidget()
        self.stack.addWidget(self.view)
        self.stack.addWidget(empty)
        self.stack.setMinimumHeight(260)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stack)
        self.dark = False
        self._weekly: tuple[Stats, int] | None = None  # drawn with so many week labels
        self._laid_out = 0  # width the layout last gave (0: not laid out; a hidden widget's
        # own width() is a default of 640, not what it will get)

    def _week_axis(self, weeks: Sequence[Week], stats: Stats) -> QCategoryAxis:
        width = self.width() if self.isVisible() else self._laid_out
        self._weekly = (stats, label_room(width))
        return week_axis(weeks, width)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._laid_out = event.size().width()
        # Narrower or wider (also while still hidden, e.g. a window resized before it is
        # shown): redraw when a different number of week labels fits.
        if self._weekly is not None and label_room(self._laid_out) != self._weekly[1]:
            self.update_stats(self._weekly[0])

    # -- state -----------------------------------------------------------------------------
    def is_empty(self) -> bool:
        return self.stack.currentIndex() == 1

    def show_message(self, text: str) -> None:
        self._clear()
        self.message.setText(text)
        self.stack.setCurrentIndex(1)

    def _clear(self) -> None:
        self.chart.removeAllSeries()
        for axis in self.chart.axes():
            self.chart.removeAxis(axis)

    def _begin_weekly(self, stats: Stats) -> bool:
        """Start a per-week chart, or show why there is nothing to draw yet (False)."""
        if not stats.totals.entries:
            self.show_message(NO_ENTRIES)
            return False
        if too_few_weeks(stats):
            self.show_message(FEW_WEEKS)
            return False
        self._begin()
        return True

    def _begin(self) -> None:
        self._clear()
        self.dark = is_dark(self)
        self.chart.setTheme(QChart.ChartTheme.ChartThemeDark if self.dark
                            else QChart.ChartTheme.ChartThemeLight)
        base = self.palette().color(QPalette.ColorRole.Base)
        self.chart.setBackgroundBrush(base)
        self.chart.setMargins(QMargins(4, 4, 4, 4))
        self.chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
        self.stack.setCurrentIndex(0)

    def _attach(self, series: QAbstractSeries, x: QAbstractAxis, y: QAbstractAxis) -> None:
        self.chart.addSeries(series)
        x_side = Qt.AlignmentFlag.AlignBottom
        y_side = Qt.AlignmentFlag.AlignLeft
        if isinstance(series, QHorizontalBarSeries):
            x_side, y_side = Qt.AlignmentFlag.AlignLeft, Qt.AlignmentFlag.AlignBottom
        for axis, side in ((x, x_side), (y, y_side)):
            if axis not in self.chart.axes():
                self.chart.addAxis(axis, side)
            series.attachAxis(axis)

    def _bar_set(self, name: str, values: Sequence[float], key: str,
                 tip: Callable[[int], str]) -> QBarSet:
        bar_set = QBarSet(name)
        bar_set.append(list(values))
        bar_set.setColor(color(key, self.dark))
        bar_set.setBorderColor(color(key, self.dark))
        bar_set.hovered.connect(lambda on, i: _tooltip(on, tip(i)))
        return bar_set

    # -- restyle on theme change -------------------------------------------------------------
    def update_stats(self, stats: Stats) -> None:
        raise NotImplementedError


def _tooltip(on: bool, text: str) -> None:
    if on:
        QToolTip.showText(QCursor.pos(), text)
    else:
        QToolTip.hideText()


NO_ENTRIES = ("No experiments in this range yet.\nLog one (Ctrl+N) or widen the range: "
              "wins and failures both count.")
FEW_WEEKS = ("A trend needs experiments in at least two different weeks.\nKeep logging "
             "(the losses too) and it will show here.")


def too_few_weeks(stats: Stats) -> bool:
    return sum(1 for w in stats.weeks if w.entries) < 2


class WeeklyNetChart(ChartPanel):
    """Hours saved per week; weeks that cost time go below zero in the warning colour."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Net time saved per week", parent)

    def update_stats(self, stats: Stats) -> None:
        weeks = stats.weeks
        if not self._begin_weekly(stats):
            return
        values = [w.hours_saved for w in weeks]

        def tip(i: int) -> str:
            w = weeks[i]
            return (f"{w.label} (week of {w.start:%a %d %b %Y})\n"
                    f"Net: {hours(w.net_minutes)} ({signed_minutes(w.net_minutes)})\n"
                    f"Experiments: {w.entries}\nRunning total: {hours(w.cumulative_net_minutes)}")

        self.saved = self._bar_set("Saved", [max(v, 0.0) for v in values], "gain", tip)
        self.lost = self._bar_set("Lost", [min(v, 0.0) for v in values], "loss", tip)
        series = QStackedBarSeries()
        series.append(self.saved)
        series.append(self.lost)
        series.setBarWidth(0.8)
        x = self._week_axis(weeks, stats)
        y = value_axis(min(values), max(values), "%.1f h")
        self._attach(series, x, y)


class OutcomeMixChart(ChartPanel):
    """Worked / partly / broke per week, stacked."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Outcomes per week", parent)

    def update_stats(self, stats: Stats) -> None:
        weeks = stats.weeks
        if not self._begin_weekly(stats):
            return

        def tip(i: int) -> str:
            m = weeks[i].outcomes
            return (f"{weeks[i].label} (week of {weeks[i].start:%d %b %Y})\n"
                    f"Worked: {m.worked}\nPartly: {m.partly}\nBroke: {m.broke}")

        series = QStackedBarSeries()
        self.sets: dict[str, QBarSet] = {}
        for name in ("worked", "partly", "broke"):
            values = [float(getattr(w.outcomes, name)) for w in weeks]
            self.sets[name] = self._bar_set(name.capitalize(), values, name, tip)
            series.append(self.sets[name])
        series.setBarWidth(0.8)
        x = self._week_axis(weeks, stats)
        y = value_axis(0, max(w.entries for w in weeks), "%d", integer=True)
        self._attach(series, x, y)


class ToolsChart(ChartPanel):
    """Net hours per tool (bars) and win rate (points on the right-hand axis)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Tools compared: net time saved and win rate", parent)

    def update_stats(self, stats: Stats) -> None:
        tools = stats.tools[:MAX_TOOLS]
        if not tools:
            self.show_message(NO_ENTRIES)
            return
        self._begin()
        values = [g.net_minutes / 60 for g in tools]

        def tip(i: int) -> str:
            g = tools[i]
            return (f"{g.name}\nNet: {hours(g.net_minutes)} ({signed_minutes(g.net_minutes)})\n"
                    f"Win rate: {g.win_rate:.0%} ({g.worked} of {g.entries} worked)")

        self.saved = self._bar_set("Net saved", [max(v, 0.0) for v in values], "gain", tip)
        self.lost = self._bar_set("Net lost", [min(v, 0.0) for v in values], "loss", tip)
        series = QStackedBarSeries()
        series.append(self.saved)
        series.append(self.lost)
        series.setBarWidth(0.6)
        x = QBarCategoryAxis()
        x.append([_short(g.name or "?", 12) for g in tools])  # whole names in the bar tooltips
        y = value_axis(min(values), max(values), "%.1f h")
        self._attach(series, x, y)
        self.rate = QScatterSeries()
        self.rate.setName("Win rate")
        self.rate.setMarkerSize(11)
        self.rate.setColor(color("rate", self.dark))
        self.rate.setBorderColor(color("rate", self.dark))
        for i, g in enumerate(tools):
            self.rate.append(QPointF(i, 100 * g.win_rate))
        self.rate.hovered.connect(lambda point, on: _tooltip(on, tip(round(point.x()))))
        rate_axis = QValueAxis()
        rate_axis.setRange(-RATE_PAD, 100 + RATE_PAD)
        rate_axis.setTickType(QValueAxis.TickType.TicksDynamic)
        rate_axis.setTickAnchor(0)
        rate_axis.setTickInterval(25)
        rate_axis.setLabelFormat("%d%%")
        rate_axis.setGridLineVisible(False)
        self.chart.addSeries(self.rate)
        self.chart.addAxis(rate_axis, Qt.AlignmentFlag.AlignRight)
        self.rate.attachAxis(x)
        self.rate.attachAxis(rate_axis)


class FailureModesChart(ChartPanel):
    """How things broke: entries per failure mode; the tooltip names the tools."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__("Failure modes", parent)

    def update_stats(self, stats: Stats) -> None:
        modes = list(reversed(stats.failure_modes))  # largest at the top
        if not modes:
            self.show_message(
                "No failure modes recorded in this range.\nWhen something breaks, note how "
                "(hallucination, refused, lost context…) to see patterns here." if
                stats.totals.entries else NO_ENTRIES)
            return
        self._begin()

        def tip(i: int) -> str:
            m = modes[i]
            tools = ", ".join(f"{t.tool} ({t.count})" for t in m.tools)
            return f"{in_words(m.mode)}: {plural(m.count, 'entry')}\nWith: {tools}"

        self.counts = self._bar_set("Entries", [float(m.count) for m in modes], "mode", tip)
        series = QHorizontalBarSeries()
        series.append(self.counts)
        series.setBarWidth(0.6)
        y = QBarCategoryAxis()
        y.append([in_words(m.mode) for m in modes])
        x = value_axis(0, max(m.count for m in modes), "%d", integer=True)
        self._attach(series, y, x)
        self.chart.legend().setVisible(False)


def _short(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"
