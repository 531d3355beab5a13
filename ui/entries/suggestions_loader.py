"""The completers' and filters' lists counted on a worker thread, so the window does not freeze
while they are counted (~0.15 s at 100k entries): after its first paint and after each save.

The worker reads through its own connection (Journal.reading) and the lists come back through
ui.infra.background (the thread never touches a Qt object); the journal adopts them only if
nothing was written since the count began. Requests made while a count runs fold into one more
count after it, and lists the journal refuses (written meanwhile) are counted again, so
`loaded` fires once journal.suggestions() holds lists as fresh as the last request. If the
worker fails, `loaded` fires anyway and journal.suggestions() counts on the GUI thread.

One loader lives as long as its widget: a loader deleted right after it answered (deleteLater
from its own signal) aborted the process now and then in the tests.
"""

from __future__ import annotations

import logging
from functools import partial

from PySide6.QtCore import QObject, Signal

from journal import Journal
from ui.infra.background import Background

log = logging.getLogger("offscript.ui")
MAX_RECOUNTS = 3  # a journal written to non-stop: then count on the GUI thread
Counted = tuple[tuple[int, int], dict[str, list[str]]]


class SuggestionsLoader(QObject):
    loaded = Signal()  # journal.suggestions() is ready to read

    def __init__(self, journal: Journal, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.journal = journal
        self._again = False
        self._refused = 0
        self._worker = Background("suggestions", self)
        self._worker.done.connect(self._adopt)
        self._worker.failed.connect(self._failed)

    @property
    def running(self) -> bool:
        return self._worker.busy

    def request(self) -> None:
        """Count the lists (again); `loaded` fires when they are in the journal."""
        if self._worker.busy:
            self._again = True
            return
        self._again = False
        stamp = self.journal.suggestion_stamp()  # before the reader's snapshot begins
        self._worker.run(partial(_count, self.journal, stamp))

    def _adopt(self, counted: Counted) -> None:
        if self.journal.closed:  # the app is quitting (or a test ended) while this counted
            return
        if not self.journal.adopt_suggestions(*counted):
            log.info("the journal changed while suggestions were counted")
            self._refused += 1
            self._again = self._again or self._refused <= MAX_RECOUNTS
        if self._again:
            self.request()
            return
        self._refused = 0
        self.loaded.emit()

    def _failed(self, _message: str) -> None:
        if not self.journal.closed:
            self.loaded.emit()  # journal.suggestions() counts on the GUI thread then


def _count(journal: Journal, stamp: tuple[int, int]) -> Counted:
    with journal.reading() as reader:
        return stamp, reader.count_suggestions()
