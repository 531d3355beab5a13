"""Reading a folder of summaries off the GUI thread: a big folder (each file is validated entry by
entry) must not freeze the window. A newer request makes an older result stale; it is dropped."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QRunnable, Signal

from journal.team import build_team_report


class LoadSignals(QObject):
    done = Signal(int, object)  # generation, TeamReport or the exception that stopped it


class LoadTeam(QRunnable):
    def __init__(self, generation: int, folder: Path, signals: LoadSignals) -> None:
        super().__init__()
        self.generation = generation
        self.folder = folder
        self.signals = signals  # no parent: it outlives a page closed mid-read

    def run(self) -> None:
        try:
            result: object = build_team_report([str(self.folder)])
        except Exception as exc:  # reported on the page; the worker thread must not die silently
            result = exc
        self.signals.done.emit(self.generation, result)
