"""TeamView: the team report of a folder of shared summaries, with the dashboard's widgets.

Reads only the folder the person chose (remembered in the app settings); touches no journal.
"""

from __future__ import annotations

import logging
from datetime import date
from functools import partial
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from journal.errors import OffscriptError
from journal.format import plural
from journal.stats import Stats
from journal.team import (
    TEAM_FORMATS,
    TeamFormat,
    TeamReport,
    default_team_file_name,
    render_team,
    team_stats,
)
from ui.dashboard.charts import FailureModesChart, OutcomeMixChart, ToolsChart, WeeklyNetChart
from ui.dashboard.kpi_cards import Kpi, KpiCard, KpiRow
from ui.infra import alerts
from ui.infra.background import Background
from ui.infra.settings import AppSettings

from .contributors_chart import ContributorsChart
from .lessons_model import LessonsFilter, TeamLessonsModel
from .loader import load_team

log = logging.getLogger("offscript.ui.team")
ANY = "Any"
FILTERS = {"md": "Markdown (*.md)", "html": "Web page (*.html)", "json": "JSON (*.json)"}
EMPTY = ("Choose a folder with the JSON summaries your colleagues exported "
         "(Share → format JSON, or 'offscript export --format json').")


class TeamView(QWidget):
    """Open a folder; KPI cards, charts, contributors per week and the lessons, filterable."""

    loaded = Signal()  # a read of the folder finished (shown, or its error shown)

    def __init__(self, settings: AppSettings, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.settings = settings
        self.report: TeamReport | None = None
        self.stats: Stats | None = None
        self._generation = 0
        self._worker = Background("team", self)
        self._worker.done.connect(lambda answer: self._loaded(*answer))
        self._worker.failed.connect(  # load_team answers its own errors; this is the unforeseen
            lambda message: self._loaded(self._generation, RuntimeError(message)))
        self.open_button = QPushButton("Open folder…")
        self.open_button.setToolTip("Choose the folder of shared JSON summaries to combine")
        self.export_button = QPushButton("Export report…")
        self.export_button.setToolTip("Save the team report as Markdown, HTML or JSON")
        self.png_button = QPushButton("Export PNG…")
        self.png_button.setToolTip("Save the team page as an image, e.g. for a slide")
        self.folder_label = QLabel()
        self.folder_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.heading = QLabel(wordWrap=True)
        self.heading.setTextFormat(Qt.TextFormat.PlainText)  # file names come from others
        self.sources = QLabel(wordWrap=True)
        self.sources.setTextFormat(Qt.TextFormat.PlainText)
        self.kpis = KpiRow()
        self.contributors_card = KpiCard()
        self.weekly = WeeklyNetChart()
        self.contributors = ContributorsChart()
        self.outcomes = OutcomeMixChart()
        self.tools = ToolsChart()
        self.failures = FailureModesChart()
        self.charts = (self.weekly, self.outcomes, self.tools, self.failures)
        self.lessons_model = TeamLessonsModel(self)
        self.lessons_proxy = LessonsFilter(self)
        self.lessons_proxy.setSourceModel(self.lessons_model)
        self.tool_filter = QComboBox()
        self.tool_filter.setAccessibleName("Filter lessons by tool")
        self.category_filter = QComboBox()
        self.category_filter.setAccessibleName("Filter lessons by category")
        self.lessons_table = self._lessons_table()
        self._build_layout()
        self._retheme = QTimer(self, singleShot=True, interval=0)
        self._retheme.timeout.connect(self._restyle)
        self.open_button.clicked.connect(self._choose_folder)
        self.export_button.clicked.connect(self._export_clicked)
        self.png_button.clicked.connect(self._png_clicked)
        self.tool_filter.currentIndexChanged.connect(self._filter_lessons)
        self.category_filter.currentIndexChanged.connect(self._filter_lessons)
        self.refresh()

    def _lessons_table(self) -> QTableView:
        table = QTableView()
        table.setModel(self.lessons_proxy)
        table.setSortingEnabled(True)
        table.sortByColumn(-1, Qt.SortOrder.AscendingOrder)  # the report's order until clicked
        table.setWordWrap(False)
        table.verticalHeader().hide()
        table.setMinimumHeight(320)
        header = table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        return table

    def _build_layout(self) -> None:
        self.content = QWidget()
        self.content.setObjectName("teamContent")
        self.content.setAutoFillBackground(True)
        cards = QHBoxLayout()
        cards.addWidget(self.contributors_card, 1, Qt.AlignmentFlag.AlignTop)
        cards.addWidget(self.kpis, 4)
        grid = QGridLayout()
        grid.setSpacing(12)
        for i, chart in enumerate((self.weekly, self.contributors, self.tools, self.failures,
                                   self.outcomes)):
            grid.addWidget(chart, i // 2, i % 2)
        filters = QHBoxLayout()
        filters.addWidget(QLabel("<b>Lessons and what broke</b>"))
        filters.addStretch(1)
        for label, combo in (("Tool", self.tool_filter), ("Category", self.category_filter)):
            filters.addWidget(QLabel(label))
            filters.addWidget(combo)
        column = QVBoxLayout(self.content)
        column.setSpacing(14)
        column.addWidget(self.heading)
        column.addWidget(self.sources)
        column.addLayout(cards)
        column.addLayout(grid)
        column.addLayout(filters)
        column.addWidget(self.lessons_table)
        column.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QScrollArea.Shape.NoFrame)
        scroll.setWidget(self.content)
        top = QHBoxLayout()
        top.addWidget(self.open_button)
        top.addWidget(self.folder_label, 1)
        top.addWidget(self.export_button)
        top.addWidget(self.png_button)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(scroll, 1)

    # -- public ----------------------------------------------------------------------------
    def folder(self) -> Path | None:
        text = self.settings.get("team_folder")
        return Path(text) if text else None

    def open_folder(self, folder: Path | str) -> None:
        """Combine the summaries in `folder` and remember it for next time."""
        self.settings.set("team_folder", str(folder))
        self.refresh()

    def refresh(self) -> None:
        """Read the remembered folder again, off the GUI thread (new files are picked up)."""
        self._generation += 1
        folder = self.folder()
        self.export_button.setEnabled(False)
        self.png_button.setEnabled(False)
        if folder is None or not folder.is_dir():
            self.folder_label.setText("No folder chosen" if folder is None
                                      else f"Folder not found: {folder}")
            self._show_empty()
            self.loaded.emit()
            return
        self.folder_label.setText(str(folder))
        self.sources.setText(f"Reading the summaries in {folder.name}…")
        self._worker.run(partial(load_team, self._generation, folder))

    def wait(self) -> None:
        """Block until the current read is shown (tests and screenshots)."""
        self._worker.wait()

    def _loaded(self, generation: int, result: object) -> None:
        if generation != self._generation:
            return  # the folder changed since this read started
        if isinstance(result, TeamReport):
            self.report, self.stats = result, team_stats(result)
            self._show(result, self.stats)
        else:
            log.warning("team: %s", result)
            self._show_empty()
            self.sources.setText(f"Cannot read {self.folder()}: {result}")
        self.loaded.emit()

    def export(self, path: Path | str, fmt: TeamFormat) -> None:
        """Write the team report (the same bytes `offscript team` writes)."""
        from journal.share import write_bytes

        if self.report is None:
            raise ValueError("no team report to export")
        write_bytes(Path(path), render_team(self.report, fmt))

    def export_png(self, path: str | Path) -> bool:
        ok = self.content.grab().save(str(path), "PNG")
        if not ok:
            log.warning("team: could not write %s", path)
        return ok

    # -- internals -------------------------------------------------------------------------
    def _show_empty(self) -> None:
        self.report = self.stats = None
        self.heading.setText("Team report")
        self.sources.setText(EMPTY)
        self.lessons_model.set_notes(())
        for chart in (*self.charts, self.contributors):
            chart.show_message(EMPTY)
        self._fill_filters()

    def _show(self, r: TeamReport, stats: Stats) -> None:
        t = r.totals
        span = f"{r.since} to {r.until}" if r.since else "no entries"
        self.heading.setText(f"Team report: {span} · {plural(r.contributors, 'contributor')} · "
                             f"{plural(t.entries, 'experiment')} · cells with fewer than {r.k} "
                             "contributors are counted under “other”")
        lines = [f"Read {plural(r.files_read, 'file')}: {r.combined} combined, "
                 f"{len(r.skipped)} skipped."]
        lines += [f"• {s.file}: {s.reason}" for s in r.skipped]
        self.sources.setText("\n".join(lines))
        self.contributors_card.show_kpi(Kpi(
            "contributors", "Contributors", f"{r.contributors:,}", None,
            f"{plural(r.combined, 'summary')} combined", 0,
            "People whose summaries are combined; each journal has a random id."))
        self.kpis.show_totals(stats.totals, None)
        self.kpis.cards["hours"].change.setText("team total, losses included")
        self.kpis.cards["entries"].change.setText(plural(r.combined, "summary"))
        self.kpis.cards["win_rate"].change.setText("worked / all experiments")
        self.kpis.cards["lost"].change.setText(f"{t.broke} broke")
        for chart in self.charts:
            chart.update_stats(stats)
        self.contributors.show_report(r, stats)
        self.lessons_model.set_notes(r.notes)
        self.lessons_table.resizeColumnsToContents()
        self._fill_filters()
        has = r.combined > 0
        self.export_button.setEnabled(has)
        self.png_button.setEnabled(has)

    def _fill_filters(self) -> None:
        for combo, values in ((self.tool_filter, self.lessons_model.tools()),
                              (self.category_filter, self.lessons_model.categories())):
            current = combo.currentText()
            combo.blockSignals(True)
            combo.clear()
            combo.addItems([ANY, *values])
            combo.setCurrentIndex(max(0, combo.findText(current)))
            combo.blockSignals(False)
        self._filter_lessons()

    def _filter_lessons(self) -> None:
        tool, category = self.tool_filter.currentText(), self.category_filter.currentText()
        self.lessons_proxy.set_filter(None if tool in (ANY, "") else tool,
                                      None if category in (ANY, "") else category)

    def _choose_folder(self) -> None:
        start = str(self.folder() or Path.home())
        folder = QFileDialog.getExistingDirectory(self, "Folder of shared summaries", start)
        if folder:
            self.open_folder(folder)

    def _export_clicked(self) -> None:
        default = default_team_file_name("html", date.today().isoformat())
        path, chosen = QFileDialog.getSaveFileName(
            self, "Export team report", default, ";;".join(FILTERS[f] for f in TEAM_FORMATS),
            FILTERS["html"])
        if not path:
            return
        fmt = next((f for f in TEAM_FORMATS if path.lower().endswith("." + f)),
                   next((f for f in TEAM_FORMATS if FILTERS[f] == chosen), "html"))
        if not path.lower().endswith("." + fmt):
            path += "." + fmt
        try:
            self.export(path, fmt)
        except OffscriptError as exc:
            alerts.error(self, "Export failed", str(exc))
            return
        self.folder_label.setText(f"Saved {Path(path).name}.")

    def _png_clicked(self) -> None:
        default = f"offscript-team-{date.today().isoformat()}.png"
        path, _kind = QFileDialog.getSaveFileName(self, "Export team page as PNG", default,
                                                  "PNG image (*.png)")
        if not path:
            return
        if not path.lower().endswith(".png"):
            path += ".png"
        if not self.export_png(path):
            alerts.error(self, "Export failed", f"Could not write {path}.",
                         "Check that the folder exists and you can write to it.")

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.PaletteChange, QEvent.Type.ApplicationPaletteChange):
            self._retheme.start()

    def _restyle(self) -> None:
        if self.report is not None and self.stats is not None:
            self._show(self.report, self.stats)
