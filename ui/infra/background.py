"""Work on a Python thread whose result arrives on the GUI thread, without the thread ever
touching a Qt object.

A worker thread that emits a signal of a QObject (or holds the last reference to its wrapper)
races the GUI thread deleting that object: a use-after-free that aborts the process. Here the
thread only puts its result in a queue, and a timer owned by the QObject polls the queue on the
GUI thread while work is in flight. If the object is deleted first, its timer goes with it and
the result is dropped, which is what a closed window wants.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QTimer, Signal

log = logging.getLogger("offscript.ui")
POLL_MS = 15  # a result waits at most this long; the timer runs only while work is in flight
# (True, result) | (False, message) | (None, a progress report, the work not finished)
Results = queue.SimpleQueue[tuple[bool | None, Any]]


class Background(QObject):
    """run(work) calls work() on a thread; `done(result)` or `failed(message)` fire here, and
    `progress(report)` for each report the work sent through reporter().

    `work` must hold no Qt object (a functools.partial of plain values is the usual form)."""

    done = Signal(object)
    failed = Signal(str)
    progress = Signal(object)

    def __init__(self, name: str, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.name = name
        self._results: Results = queue.SimpleQueue()
        self._in_flight = 0
        self._threads: list[threading.Thread] = []
        self._poll = QTimer(self)
        self._poll.setInterval(POLL_MS)
        self._poll.timeout.connect(self._collect)

    @property
    def busy(self) -> bool:
        return self._in_flight > 0

    def reporter(self) -> Callable[[Any], None]:
        """A function the work may call from its thread with a report for `progress`: it only
        puts the report in the queue (it holds the queue, not this object)."""
        results = self._results
        return lambda report: results.put((None, report))

    def run(self, work: Callable[[], Any]) -> None:
        self._in_flight += 1
        thread = threading.Thread(target=_call, args=(work, self._results, self.name),
                                  name=self.name, daemon=True)
        self._threads = [t for t in self._threads if t.is_alive()] + [thread]
        thread.start()
        self._poll.start()

    def wait(self) -> None:
        """Block until every run has ended, then deliver what they sent (tests, quitting)."""
        for thread in self._threads:
            thread.join()
        self._threads = []
        self._collect()

    def _collect(self) -> None:
        while self._in_flight:
            try:
                ok, value = self._results.get_nowait()
            except queue.Empty:
                return
            if ok is None:
                self.progress.emit(value)
                continue
            self._in_flight -= 1
            if not self._in_flight:
                self._poll.stop()
            if ok:
                self.done.emit(value)
            else:
                self.failed.emit(value)


def _call(work: Callable[[], Any], results: Results, name: str) -> None:
    """The thread's body: module-level, so it holds no reference to the QObject."""
    try:
        results.put((True, work()))
    except Exception as exc:  # the thread must always answer, or the caller waits forever
        log.warning("%s worker: %s", name, exc)
        results.put((False, str(exc) or type(exc).__name__))
