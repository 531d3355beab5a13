"""Redacting and rendering off the GUI thread. The journal is read on the GUI thread
(journal.share.collect, quick SQL); the slow part (summarize + render) runs here."""

from __future__ import annotations

from PySide6.QtCore import QObject, QRunnable, Signal

from journal.share import Snapshot, Summary, render, summarize


class _Signals(QObject):
    done = Signal(int, object, bytes)  # generation, Summary, the exact bytes
    failed = Signal(int, str)


class RenderJob(QRunnable):
    """One preview build. `generation` lets the dialog drop results that are out of date."""

    def __init__(self, generation: int, snapshot: Snapshot) -> None:
        super().__init__()
        self.generation = generation
        self.snapshot = snapshot
        self.signals = _Signals()
        self.setAutoDelete(True)

    def run(self) -> None:
        try:
            summary: Summary = summarize(self.snapshot)
            data = render(summary, self.snapshot.options.fmt)
        except Exception as exc:  # reported to the dialog, which shows it
            self.signals.failed.emit(self.generation, str(exc) or type(exc).__name__)
            return
        self.signals.done.emit(self.generation, summary, data)
