"""Redacting and rendering off the GUI thread. The journal is read on the GUI thread
(journal.share.collect, quick SQL); the slow part (summarize + render) runs here."""

from __future__ import annotations

import threading

from PySide6.QtCore import QObject, QRunnable, Signal

# `import journal.share`, not `from journal.share import render`: the name is also a module,
# and the import contracts read that as reaching past the sharing facade.
import journal.share
from journal.share import Cancelled, Snapshot, Summary, summarize


class _Signals(QObject):
    done = Signal(int, object, bytes)  # generation, Summary, the exact bytes
    failed = Signal(int, str)
    progress = Signal(int, int, int)  # generation, entries done, entries in all
    finished = Signal(int)  # always last, cancelled or not: the job may be let go


class RenderJob(QRunnable):
    """One preview build. `generation` lets the dialog drop results that are out of date;
    `cancel()` stops a build whose choices have changed, between two entries."""

    def __init__(self, generation: int, snapshot: Snapshot) -> None:
        super().__init__()
        self.generation = generation
        self.snapshot = snapshot
        self.signals = _Signals()
        self._stop = threading.Event()
        self.setAutoDelete(False)  # the dialog holds it, to cancel it

    def cancel(self) -> None:
        self._stop.set()

    def _progress(self, done: int, total: int) -> None:
        self.signals.progress.emit(self.generation, done, total)

    def run(self) -> None:
        try:
            self._build()
        finally:
            self.signals.finished.emit(self.generation)

    def _build(self) -> None:
        try:
            summary: Summary = summarize(self.snapshot, cancelled=self._stop.is_set,
                                         progress=self._progress)
            data = journal.share.render(summary, self.snapshot.options.fmt)
        except Cancelled:
            return
        except Exception as exc:  # reported to the dialog, which shows it
            self.signals.failed.emit(self.generation, str(exc) or type(exc).__name__)
            return
        if not self._stop.is_set():
            self.signals.done.emit(self.generation, summary, data)
