"""The completers' and filters' lists counted on a worker thread, so a window that has just
appeared does not freeze while they are counted (~0.15 s at 100k entries).

The worker reads through its own connection (Journal.reading) and hands the lists back through
a queued signal; the journal adopts them only if nothing was written since the count began.
Either way `loaded` fires on the GUI thread, and whoever fills the widgets then reads
journal.suggestions(): the adopted lists, or (if they were refused, or the worker failed) a
count on the GUI thread, as before.
"""

from __future__ import annotations

import contextlib
import logging
import threading

from PySide6.QtCore import QObject, Signal

from journal import Journal

log = logging.getLogger("offscript.ui")


class SuggestionsLoader(QObject):
    loaded = Signal()  # journal.suggestions() is ready to read
    _counted = Signal(object, object)  # (stamp, lists or None), from the worker thread

    def __init__(self, journal: Journal, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.journal = journal
        self._counted.connect(self._adopt)

    def start(self) -> None:
        stamp = self.journal.suggestion_stamp()  # before the reader's snapshot begins
        threading.Thread(target=self._count, args=(stamp,), name="suggestions",
                         daemon=True).start()

    def _count(self, stamp: tuple[int, int]) -> None:
        try:
            with self.journal.reading() as reader:
                values = reader.count_suggestions()
        except Exception as exc:  # the thread must always answer; the GUI thread counts then
            log.warning("suggestions worker: %s", exc)
            values = None
        with contextlib.suppress(RuntimeError):  # the window (and this object) closed meanwhile
            self._counted.emit(stamp, values)

    def _adopt(self, stamp: tuple[int, int], values: dict[str, list[str]] | None) -> None:
        if self.journal.closed:  # the app is quitting (or a test ended) while this counted
            return
        if values is not None and not self.journal.adopt_suggestions(stamp, values):
            log.info("the journal changed while suggestions were counted: counting again")
        self.loaded.emit()
