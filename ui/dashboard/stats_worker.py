"""The dashboard's figures computed on a worker thread, for journals big enough that doing it
on the GUI thread would freeze the window (~1 s at 100k entries).

The worker reads through its own SQLCipher connection (Journal.reading); the results come back
through ui.infra.background, so the thread never touches a Qt object and widgets are only
touched on the GUI thread.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import partial

from PySide6.QtCore import QObject, Signal

from journal import EntryFilter, Journal
from journal.stats import Stats, Totals, previous_period
from ui.infra.background import Background

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
        self._worker = Background("dashboard-stats", self)
        self._worker.done.connect(self.done)
        self._worker.failed.connect(self.failed)

    def start(self, flt: EntryFilter) -> None:
        self._worker.run(partial(compute, self.journal, flt))


def compute(journal: Journal, flt: EntryFilter) -> Figures:
    with journal.reading() as reader:
        before = previous_period(flt)
        return Figures(reader.stats(flt), reader.totals(before) if before else None,
                       {column: reader.suggestions(column) for column in CHOICE_COLUMNS})
