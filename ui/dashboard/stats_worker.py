"""The dashboard's figures computed on a worker thread, for journals big enough that doing it
on the GUI thread would freeze the window (~1 s at 100k entries).

The worker reads through its own SQLCipher connection (Journal.reading) and hands the results
back through a queued signal, so widgets are only touched on the GUI thread.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass

from PySide6.QtCore import QObject, Signal

from journal import EntryFilter, Journal
from journal.stats import Stats, Totals, previous_period

log = logging.getLogger("offscript.ui")
CHOICE_COLUMNS = ("tool", "category", "tags")


@dataclass(frozen=True)
class Figures:
    stats: Stats
    previous: Totals | None
    choices: dict[str, list[str]]  # the range bar's lists, most used first


class StatsWorker(QObject):
    """start() computes Figures on a thread; done or failed fire on the GUI thread."""

    done = Signal(object)  # Figures
    failed = Signal(str)

    def __init__(self, journal: Journal, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.journal = journal

    def start(self, flt: EntryFilter) -> None:
        threading.Thread(target=self._run, args=(flt,), name="dashboard-stats",
                         daemon=True).start()

    def _run(self, flt: EntryFilter) -> None:
        try:
            with self.journal.reading() as reader:
                before = previous_period(flt)
                figures = Figures(
                    reader.stats(flt),
                    reader.totals(before) if before else None,
                    {column: reader.suggestions(column) for column in CHOICE_COLUMNS})
        except Exception as exc:  # the thread must always answer, or the view stays busy
            log.warning("dashboard worker: %s", exc)
            self.failed.emit(str(exc))
            return
        self.done.emit(figures)
