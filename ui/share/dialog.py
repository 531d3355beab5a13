"""Share…: choose what to share on the left, see the exact bytes on the right, export them.

The preview shows the bytes journal.share.render() made; Export writes those same bytes.
Building runs on a worker thread; a result for out-of-date choices is dropped.
"""

from __future__ import annotations

import threading
from functools import partial
from pathlib import Path

from PySide6.QtCore import QSize, QTimer
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QProgressBar,
    QPushButton,
    QScrollArea,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from journal import Journal, OffscriptError
from journal.format import counted, plural
from journal.share import (
    KEEP_KEY,
    TERM_KINDS,
    ShareOptions,
    Summary,
    add_terms,
    add_words,
    collect,
    default_file_name,
    export_bytes,
    export_log,
)
from ui.infra import alerts
from ui.infra.background import Background
from ui.infra.screen_fit import fitted
from ui.infra.theme import is_dark
from ui.share.history import ExportLogModel
from ui.share.options import ShareOptionsPanel
from ui.share.preview import PreviewPane
from ui.share.rendered import RenderedPane
from ui.share.worker import Built, build_preview

DEBOUNCE_MS = 120
FILTERS = {"md": "Markdown (*.md)", "html": "HTML page (*.html)", "json": "JSON (*.json)",
           "csv": "CSV (*.csv)"}


class ShareDialog(QDialog):
    def __init__(self, journal: Journal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.journal = journal
        self.setWindowTitle("Share a summary")
        self.resize(fitted(QSize(1100, 720), parent))
        self.summary: Summary | None = None
        self.data: bytes = b""  # the bytes on screen: exactly what Export writes
        self.data_options: ShareOptions | None = None
        self._generation = 0
        self._requested: ShareOptions | None = None  # the choices of the newest build
        self._stops: list[threading.Event] = []  # one per build still running
        self._worker = Background("share-preview", self)
        self._worker.done.connect(self._built)
        self._worker.failed.connect(lambda message: self._failed(self._generation, message))
        self._worker.progress.connect(self._progress)
        self._timer = QTimer(self, singleShot=True, interval=DEBOUNCE_MS)
        self._timer.timeout.connect(self.refresh)

        self.panel = ShareOptionsPanel(journal)
        scroll = QScrollArea()
        scroll.setWidget(self.panel)
        scroll.setWidgetResizable(True)
        scroll.setMinimumWidth(330)

        self.tabs = QTabWidget()
        self.tabs.addTab(self._preview_page(), "Preview")
        self.tabs.addTab(self._history_page(), "Export history")

        split = QSplitter()
        split.addWidget(scroll)
        split.addWidget(self.tabs)
        split.setStretchFactor(1, 1)
        split.setSizes([340, 760])

        buttons = self._buttons()
        layout = QVBoxLayout(self)
        layout.addWidget(split, 1)
        layout.addLayout(buttons)

        self.panel.changed.connect(self.schedule_refresh)
        self.preview.label_clicked.connect(self.keep_label)
        self.preview.selectionChanged.connect(self._selection_changed)
        self.add_term_button.clicked.connect(self.add_selection_to_terms)
        self.export_button.clicked.connect(self.export)
        self.close_button.clicked.connect(self.accept)
        self.refresh()

    # -- layout ---------------------------------------------------------------------------
    def _preview_page(self) -> QWidget:
        self.preview = PreviewPane()
        self.preview.setAccessibleName("Exact bytes")
        self.rendered = RenderedPane()
        self.views = QTabWidget()
        self.views.setDocumentMode(True)
        self.views.addTab(self.rendered, "As your team sees it")
        self.views.addTab(self.preview, "Exact bytes")
        self.views.setCurrentIndex(1)
        self.counts = QLabel()
        self.counts.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setMaximumHeight(6)
        self.progress.setTextVisible(False)
        self.progress.hide()
        preview_page = QWidget()
        col = QVBoxLayout(preview_page)
        col.setContentsMargins(0, 4, 0, 0)
        col.addWidget(self.counts)
        col.addWidget(self.progress)
        col.addWidget(self.views, 1)
        return preview_page

    def _history_page(self) -> QTableView:
        self.history = ExportLogModel(export_log(self.journal))
        table = QTableView()
        table.setModel(self.history)
        table.verticalHeader().hide()
        table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        table.horizontalHeader().setStretchLastSection(True)
        return table

    def _buttons(self) -> QHBoxLayout:
        self.add_term_button = QPushButton("Add to terms…")
        self.add_term_button.setToolTip("Hide the selected text in every export (a client, "
                                        "person, project or domain)")
        self.add_term_button.setEnabled(False)
        self.export_button = QPushButton("Export…")
        self.export_button.setDefault(True)
        self.close_button = QPushButton("Close")
        buttons = QHBoxLayout()
        self.status = QLabel()
        buttons.addWidget(self.add_term_button)
        buttons.addWidget(self.status, 1)
        buttons.addWidget(self.export_button)
        buttons.addWidget(self.close_button)
        return buttons

    # -- building ------------------------------------------------------------------------
    def _cancel_job(self) -> None:
        """Every build still running is out of date: each stops at its next check."""
        for stop in self._stops:
            stop.set()
        self._stops = []

    def schedule_refresh(self) -> None:
        self._generation += 1  # anything still running is now stale
        self._cancel_job()
        self.export_button.setEnabled(False)
        self._timer.start()

    def refresh(self) -> None:
        self._timer.stop()
        self._generation += 1
        self._cancel_job()
        opts = self.panel.options()
        try:
            snapshot = collect(self.journal, opts)  # SQL on this thread; redaction off it
        except OffscriptError as exc:
            self._failed(self._generation, str(exc))
            return
        self._requested = opts
        self.export_button.setEnabled(False)
        self.progress.setRange(0, 0)
        self.progress.show()
        stop = threading.Event()
        self._stops.append(stop)
        self._worker.run(partial(build_preview, self._generation, snapshot, stop,
                                 self._worker.reporter()))

    def _progress(self, report: tuple[int, int, int]) -> None:
        generation, done, total = report
        if generation == self._generation and total:
            self.progress.setRange(0, total)
            self.progress.setValue(done)

    def busy(self) -> bool:
        return self._timer.isActive() or self.progress.isVisible()

    def _built(self, built: Built) -> None:
        if built.error:
            self._failed(built.generation, built.error)
        elif built.summary is not None:
            self._done(built.generation, built.summary, built.data)

    def _done(self, generation: int, summary: Summary, data: bytes) -> None:
        if generation != self._generation:
            return  # built for choices that have changed since
        self.summary, self.data = summary, data
        self.data_options = self._requested
        self._stops = []
        self.preview.show_summary(summary, data, dark=is_dark())
        labels = {m.label: m.uncertain for m in self.preview.marks}
        fmt = self.data_options.fmt if self.data_options else "md"
        self.rendered.show_summary(data, fmt, self.preview.marks, labels, dark=is_dark())
        self.counts.setText(self._counts_text(summary))
        self.progress.hide()
        self.export_button.setEnabled(True)

    def _failed(self, generation: int, message: str) -> None:
        if generation != self._generation:
            return
        self.progress.hide()
        self._stops = []
        self.status.setText(f"Could not build the summary: {message}")

    @staticmethod
    def _counts_text(summary: Summary) -> str:
        n = summary.totals.entries
        head = f"{plural(n, 'entry')} · {plural(len(summary.report.items), 'replacement')}"
        if summary.report.counts:
            head += ": " + ", ".join(counted(c, k) for k, c in summary.report.counts)
        unsure = sum(1 for i in summary.report.items if i.uncertain)
        if unsure:
            head += (f". Yellow: always removed; pink: {plural(unsure, 'guess')}, click one to keep "
                     "the original word. Select text and “Add to terms…” to hide more.")
        return head

    # -- keep / add to terms -------------------------------------------------------------
    def keep_label(self, label: str) -> None:
        """Keep the originals behind a guessed replacement: they go to the keep list."""
        items = self.preview.items_for(label)
        originals = sorted({i.original for i in items if i.uncertain})
        if not originals:
            self.status.setText(f"{label} is always removed; to keep it, take it off your terms.")
            return
        add_words(self.journal, KEEP_KEY, originals)
        self.status.setText("Kept " + ", ".join(f"“{o}”" for o in originals) + ".")
        self.refresh()

    def _selection_changed(self) -> None:
        self.add_term_button.setEnabled(bool(self.selected_text()))

    def selected_text(self) -> str:
        return " ".join(self.preview.textCursor().selectedText().split())

    def ask_kind(self, text: str) -> str | None:
        kinds = list(TERM_KINDS)
        kind, ok = QInputDialog.getItem(self, "Add to terms",
                                        f"Always hide “{text}” as a:", kinds, 1, False)
        return kind if ok else None

    def add_selection_to_terms(self) -> None:
        text = self.selected_text()
        if not text:
            return
        kind = self.ask_kind(text)
        if kind is None:
            return
        try:
            add_terms(self.journal, [text], kind)
        except OffscriptError as exc:
            alerts.warn(self, "Add to terms", str(exc))
            return
        self.status.setText(f"Added “{text}” to your terms as a {kind}.")
        self.refresh()

    # -- export --------------------------------------------------------------------------
    def ask_path(self, suggested: str) -> str:
        fmt = self.data_options.fmt if self.data_options else "md"
        path, _ = QFileDialog.getSaveFileName(self, "Export summary",
                                              str(Path.home() / suggested), FILTERS[fmt])
        return path

    def export(self) -> None:
        if self.summary is None or self.data_options is None or self.busy():
            return
        path = self.ask_path(default_file_name(self.data_options.fmt))
        if not path:
            return
        try:
            record = export_bytes(self.journal, self.summary, self.data_options, self.data,
                                  Path(path))
        except OffscriptError as exc:
            alerts.error(self, "Export", str(exc))
            return
        self.history.set_records(export_log(self.journal))
        self.status.setText(f"Exported {record.file} ({plural(record.entries, 'entry')}).")

    def wait(self) -> None:
        """Block until the preview being built is shown (tests and screenshots)."""
        self._worker.wait()

    def done(self, result: int) -> None:
        self._generation += 1
        self._timer.stop()
        self._cancel_job()  # a stopped build ends by itself; its result goes with this dialog
        super().done(result)
