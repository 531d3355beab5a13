"""DashboardView: renders with data and empty, and every chart shows exactly the stats API."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCharts import QChart
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QImage, QPalette
from test_stats import E

from journal import EntryFilter, Journal
from journal.stats import Stats
from ui.dashboard import DashboardView
from ui.dashboard.charts import FailureModesChart, OutcomeMixChart, ToolsChart, WeeklyNetChart
from ui.dashboard.kpi_cards import build_kpis
from ui.dashboard.lessons_panel import LessonsPanel

TODAY = date(2026, 1, 25)  # the fixture's last week; "last quarter" covers all of it


@pytest.fixture
def filled(journal: Journal) -> Journal:
    for data in E.values():
        journal.add(data)
    return journal


@pytest.fixture
def view(qtbot, filled: Journal) -> DashboardView:
    widget = DashboardView(filled, today=lambda: TODAY)
    qtbot.addWidget(widget)
    widget.resize(1200, 900)
    return widget


def _values(bar_set) -> list[float]:
    return [bar_set.at(i) for i in range(bar_set.count())]


def test_charts_equal_the_stats_api(view: DashboardView, filled: Journal) -> None:
    flt = view.current_filter()
    assert (flt.since, flt.until) == (date(2025, 10, 27), TODAY)
    stats: Stats = filled.stats(flt)
    assert view.stats == stats
    weeks = stats.weeks
    saved, lost = _values(view.weekly.saved), _values(view.weekly.lost)
    assert [s + lo for s, lo in zip(saved, lost, strict=True)] == pytest.approx(
        [w.hours_saved for w in weeks])
    assert all(v >= 0 for v in saved) and all(v <= 0 for v in lost)
    for name in ("worked", "partly", "broke"):
        assert _values(view.outcomes.sets[name]) == [getattr(w.outcomes, name) for w in weeks]
    tools = stats.tools
    tool_net = [s + lo for s, lo in zip(_values(view.tools.saved), _values(view.tools.lost),
                                        strict=True)]
    assert tool_net == pytest.approx([g.net_minutes / 60 for g in tools])
    assert [p.y() for p in view.tools.rate.points()] == pytest.approx(
        [100 * g.win_rate for g in tools])
    assert _values(view.failures.counts) == [m.count for m in reversed(stats.failure_modes)]
    assert not any(chart.is_empty() for chart in view.charts)


def test_negative_weeks_go_below_zero(view: DashboardView) -> None:
    view.range_bar.tool.setCurrentIndex(view.range_bar.tool.findData("ChatGPT"))
    assert view.stats is not None and view.stats.totals.net_minutes == -30
    lost = _values(view.weekly.lost)
    assert len(lost) == 13  # every week of the quarter, empty ones as zero
    assert lost[-4:] == pytest.approx([-0.25, 0, 0, -0.25]) and sum(lost[:-4]) == 0
    assert sum(_values(view.weekly.saved)) == 0
    from PySide6.QtCharts import QCategoryAxis
    y = next(a for a in view.weekly.chart.axes(Qt.Orientation.Vertical)
             if isinstance(a, QCategoryAxis))
    labels = y.categoriesLabels()
    assert any(t.startswith("\u2212") for t in labels)  # below zero, with a real minus sign
    assert not any("-" in t for t in labels)


def test_kpis_and_deltas(view: DashboardView) -> None:
    cards = view.kpis.cards
    assert cards["hours"].value.text() == "+1.8 h"
    assert cards["entries"].value.text() == "6"
    assert cards["win_rate"].value.text() == "50%"
    assert cards["lost"].value.text() == "0.9 h"
    assert "vs before" in cards["hours"].change.text()  # previous quarter: empty
    text = view.kpi_text()
    assert "Hours saved\t+1.8 h\t0.0 h\t+1.8 h vs previous period" in text
    view.copy_kpis()
    assert QGuiApplication.clipboard().text() == text


def test_kpi_directions() -> None:
    from journal.stats import Totals
    base = dict(median_net_minutes=0, minutes_without_ai=0, minutes_with_ai=0,
                broke_net_minutes=0, negative_net_minutes=0, first=None, last=None)
    now = Totals(entries=4, net_minutes=120, win_rate=0.5, broke_entries=1,
                 broke_minutes_lost=60, **base)
    before = Totals(entries=2, net_minutes=180, win_rate=0.5, broke_entries=0,
                    broke_minutes_lost=0, **base)
    kpis = {k.key: k for k in build_kpis(now, before)}
    assert (kpis["hours"].trend, kpis["hours"].change) == (-1, "\u22121.0 h vs previous period")
    assert (kpis["entries"].trend, kpis["win_rate"].trend) == (1, 0)
    assert (kpis["lost"].trend, kpis["lost"].direction) == (-1, 1)  # more lost: worse
    assert all(k.previous is None for k in build_kpis(now, None))


def test_empty_journal_shows_help_not_axes(qtbot, journal: Journal) -> None:
    view = DashboardView(journal, today=lambda: TODAY)
    qtbot.addWidget(view)
    assert all(chart.is_empty() for chart in view.charts)
    assert "No experiments" in view.weekly.message.text()
    assert view.kpis.cards["win_rate"].value.text() == "–"
    assert "no experiments match" in view.heading.text()
    assert view.lessons.failures.items == [] and view.lessons.wins.items == []


def test_one_entry(qtbot, journal: Journal) -> None:
    journal.add(E["E1"])
    view = DashboardView(journal, today=lambda: TODAY)
    qtbot.addWidget(view)
    assert view.weekly.is_empty() and "two different weeks" in view.weekly.message.text()
    assert not view.tools.is_empty()
    assert _values(view.tools.saved) == pytest.approx([40 / 60])
    axis = view.tools.chart.axes(Qt.Orientation.Vertical)[0]
    assert axis.min() <= 0 < 40 / 60 <= axis.max()
    assert "No failure modes" in view.failures.message.text()


def test_clicking_a_failure_opens_its_entry(qtbot, view: DashboardView) -> None:
    worst = view.stats.costliest_failures[0]
    item = view.lessons.failures.items[0]
    assert item.entry_id == worst.id and "Invented a citation" in item.label.text()
    with qtbot.waitSignal(view.open_entry) as blocker:
        qtbot.mouseClick(item, Qt.MouseButton.LeftButton)
    assert blocker.args == [worst.id]
    win = view.lessons.wins.items[0]
    with qtbot.waitSignal(view.open_entry) as blocker:
        win.setFocus()
        qtbot.keyClick(win, Qt.Key.Key_Return)
    assert blocker.args == [view.stats.best_wins[0].id]


def test_set_filter_and_ranges(view: DashboardView) -> None:
    flt = EntryFilter(since=date(2026, 1, 5), until=date(2026, 1, 25), outcome="broke",
                      failure_mode="hallucination")
    view.set_filter(flt)
    assert view.range_bar.range_key() == "custom"
    assert view.current_filter() == flt
    assert view.stats is not None and view.stats.totals.entries == 1
    view.range_bar.range.setCurrentIndex(view.range_bar.range.findData("all"))
    assert view.current_filter().since is None and view.previous is None
    card = view.kpis.cards["hours"]
    assert card.change.text() == "all time" and "nothing earlier" in card.toolTip()
    view.range_bar.range.setCurrentIndex(view.range_bar.range.findData("4w"))
    assert view.current_filter().since == date(2025, 12, 29)
    view.range_bar.clear()
    assert view.range_bar.range_key() == "quarter" and view.current_filter().outcome is None


def test_refresh_after_edit(view: DashboardView, filled: Journal) -> None:
    filled.add(dict(title="new win", tool="Claude", outcome="worked", minutes_without_ai=120,
                    minutes_with_ai=0, occurred_at="2026-01-24T10:00:00"))
    view.refresh()
    assert view.kpis.cards["entries"].value.text() == "7"
    assert view.lessons.wins.items[0].label.text().startswith("<b>new win")


def test_export_png(view: DashboardView, tmp_path) -> None:
    target = tmp_path / "dash.png"
    assert view.export_png(target)
    image = QImage(str(target))
    assert not image.isNull() and image.width() > 600 and image.height() > 600


def test_follows_dark_palette(qtbot, view: DashboardView) -> None:
    assert view.weekly.chart.theme() == QChart.ChartTheme.ChartThemeLight
    dark = QPalette(view.palette())
    dark.setColor(QPalette.ColorRole.Window, QColor("#202020"))
    dark.setColor(QPalette.ColorRole.Base, QColor("#181818"))
    view.setPalette(dark)
    qtbot.waitUntil(lambda: view.weekly.chart.theme() == QChart.ChartTheme.ChartThemeDark)
    assert view.weekly.lost.color() == QColor("#ef5350")


def test_big_journals_compute_on_a_worker_thread_with_a_busy_bar(
        qtbot, filled: Journal, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(DashboardView, "THREADED_FROM", 1)  # this journal counts as big
    widget = DashboardView(filled, today=lambda: TODAY)
    qtbot.addWidget(widget)
    widget.show()
    assert widget.is_busy() and widget.busy_bar.isVisible()  # back before the figures are
    qtbot.waitUntil(lambda: not widget.is_busy(), timeout=10_000)
    assert not widget.busy_bar.isVisible()
    assert widget.stats == filled.stats(widget.current_filter())
    filled.add({"title": "One more", "tool": "Claude", "outcome": "worked",
                "minutes_without_ai": 30, "minutes_with_ai": 5, "occurred_at": "2026-01-20T10:00"})
    widget.refresh()
    widget.refresh()  # a second change while the worker runs is not lost
    qtbot.waitUntil(lambda: not widget.is_busy(), timeout=10_000)
    assert widget.stats == filled.stats(widget.current_filter())
    assert widget.stats.totals.entries == len(E) + 1


def test_cards_one_height_bars_below_the_top_dots_inside(view: DashboardView, qtbot) -> None:
    from PySide6.QtCharts import QValueAxis

    view.show()
    qtbot.waitExposed(view)
    heights = {card.height() for card in view.kpis.cards.values()}
    assert len(heights) == 1  # the Win rate card is no taller than the others
    for chart, bars in ((view.weekly, view.weekly.saved), (view.tools, view.tools.saved)):
        y = next(a for a in chart.chart.axes(Qt.Orientation.Vertical)
                 if isinstance(a, QValueAxis) and a.labelFormat() == "%.1f h")
        tallest = max(_values(bars))
        assert tallest > 0 and y.max() > tallest * 1.05  # room above the tallest bar
    rate = next(a for a in view.tools.chart.axes(Qt.Orientation.Vertical)
                if isinstance(a, QValueAxis) and a.labelFormat() == "%d%%")
    assert rate.min() < 0 and rate.max() > 100  # 0% and 100% dots drawn whole


@pytest.mark.parametrize("size", [(1024, 640), (1440, 900)])
def test_every_card_line_fits_on_one_line(filled: Journal, qtbot, settings,
                                         size: tuple[int, int]) -> None:
    """The Win rate card used to wrap "no change to show (no entries on one side)" onto two
    lines and stand taller than its text needs; each card line now fits its width."""
    from ui.shell.main_window import MainWindow

    window = MainWindow(filled, settings)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    window.show_page(window.dashboard)
    qtbot.waitExposed(window)
    view = window.dashboard
    view.range_bar.range.setCurrentIndex(view.range_bar.range.findData("4w"))
    qtbot.waitUntil(lambda: view.kpis.kpis != [])
    changes = {k: c.change.text() for k, c in view.kpis.cards.items()}
    assert changes["win_rate"] in ("nothing to compare", "all time") or "vs before" in \
        changes["win_rate"]
    for key, card in view.kpis.cards.items():
        for label in (card.title, card.value, card.change):
            room = label.contentsRect().width()
            need = label.fontMetrics().horizontalAdvance(label.text())
            assert need <= room, f"{key}: {label.text()!r} needs {need} px, has {room}"


def test_broke_highlights_say_lost_minutes_with_ai(view: DashboardView) -> None:
    texts = [item.label.text() for item in view.lessons.failures.items]
    assert any("lost " in t and " min with AI" in t for t in texts)
    assert not any("with AI lost" in t for t in texts)


def test_week_labels_thin_out_on_a_narrow_chart(view: DashboardView, qtbot) -> None:
    from PySide6.QtCharts import QCategoryAxis

    from ui.dashboard.charts import LABEL_PX

    view.show()
    qtbot.waitExposed(view)

    def labels() -> list[str]:
        axis = next(a for a in view.weekly.chart.axes(Qt.Orientation.Horizontal)
                    if isinstance(a, QCategoryAxis))
        return axis.categoriesLabels()

    wide = labels()
    view.weekly.resize(3 * LABEL_PX, view.weekly.height())
    qtbot.waitUntil(lambda: len(labels()) < len(wide))
    assert len(labels()) * LABEL_PX <= 3 * LABEL_PX + LABEL_PX  # each label has its room


def test_long_tool_names_are_elided_with_the_whole_name_in_the_tooltip(
        qtbot, journal: Journal) -> None:
    from PySide6.QtCharts import QBarCategoryAxis
    from PySide6.QtWidgets import QToolTip

    long_name = "Enterprise Copilot for Spreadsheets"
    for tool in (long_name, "Claude"):
        journal.add({"title": "t", "tool": tool, "outcome": "worked", "occurred_at":
                     "2026-01-20T10:00", "minutes_without_ai": 30, "minutes_with_ai": 10})
    view = DashboardView(journal, today=lambda: TODAY)
    qtbot.addWidget(view)
    view.show()
    qtbot.waitExposed(view)
    axis = next(a for a in view.tools.chart.axes(Qt.Orientation.Horizontal)
                if isinstance(a, QBarCategoryAxis))
    labels = axis.categories()
    row = next(i for i, text in enumerate(labels) if text.startswith("Enterprise"))
    assert labels[row].endswith("…") and len(labels[row]) < len(long_name)
    view.tools.saved.hovered.emit(True, row)
    assert long_name in QToolTip.text()
    view.tools.saved.hovered.emit(False, row)


def test_week_labels_fit_when_the_window_was_sized_before_it_was_shown(
        filled: Journal, qtbot) -> None:
    """The screenshot and start-up path: size first, show later. Labels used to stay at the
    hidden default (7 of them, cut to "24 …") at 1024x640."""
    from PySide6.QtCharts import QCategoryAxis
    from PySide6.QtWidgets import QVBoxLayout, QWidget

    from ui.dashboard.charts import LABEL_PX

    window = QWidget()
    qtbot.addWidget(window)
    view = DashboardView(filled, today=lambda: TODAY)
    QVBoxLayout(window).addWidget(view)
    window.resize(860, 640)  # what the dashboard gets in a 1024x640 window
    window.show()
    qtbot.waitExposed(window)
    chart = view.weekly
    axis = next(a for a in chart.chart.axes(Qt.Orientation.Horizontal)
                if isinstance(a, QCategoryAxis))
    assert len(axis.categoriesLabels()) * LABEL_PX <= chart.width()


def test_worker_figures_are_drawn_one_panel_per_turn_like_the_in_place_path(
        qtbot, filled: Journal, monkeypatch: pytest.MonkeyPatch) -> None:
    """The worker's figures are drawn one panel per event-loop turn (so no single slice of
    the GUI thread lays out and paints them all), busy until the last, and the result is
    what the in-place path draws."""
    from PySide6.QtCore import QTimer

    seen: list[str] = []
    busy: list[bool] = []
    fired: list[int] = []  # a 0 ms timer posted by each panel's update: did the loop turn?
    turns_before: list[int] = []
    for cls in (WeeklyNetChart, OutcomeMixChart, ToolsChart, FailureModesChart, LessonsPanel):
        original = cls.update_stats

        def spy(self, stats, f=original) -> None:  # type: ignore[no-untyped-def]
            turns_before.append(len(fired))
            seen.append(type(self).__name__)
            busy.append(widget.is_busy())
            index = len(seen)
            QTimer.singleShot(0, lambda: fired.append(index))
            f(self, stats)

        monkeypatch.setattr(cls, "update_stats", spy)
    monkeypatch.setattr(DashboardView, "THREADED_FROM", 1)
    widget = DashboardView(filled, today=lambda: TODAY)
    qtbot.addWidget(widget)
    qtbot.waitUntil(lambda: not widget.is_busy(), timeout=10_000)
    assert seen == ["WeeklyNetChart", "OutcomeMixChart", "ToolsChart", "FailureModesChart",
                    "LessonsPanel"]
    assert turns_before == [0, 1, 2, 3, 4]  # drawn all in one slice, this would be [0] * 5
    assert busy == [True] * 5

    monkeypatch.setattr(DashboardView, "THREADED_FROM", 10**9)
    in_place = DashboardView(filled, today=lambda: TODAY)
    qtbot.addWidget(in_place)
    assert not in_place.is_busy()

    def drawn(view: DashboardView) -> list[object]:
        lost = view.weekly.lost
        return [[s.count() for s in view.weekly.chart.series()],
                [lost.at(i) for i in range(lost.count())],
                [c.is_empty() for c in view.charts],
                [c.entry_id for c in view.lessons.failures.items + view.lessons.wins.items]]

    assert drawn(widget) == drawn(in_place)
