"""Redacting and rendering off the GUI thread. The journal is read on the GUI thread
(journal.share.collect, quick SQL); the slow part (summarize + render) runs on a Background
thread, which holds only plain values: the snapshot, a stop flag and the progress reporter."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

# `import journal.share`, not `from journal.share import render`: the name is also a module,
# and the import contracts read that as reaching past the sharing facade.
import journal.share
from journal.share import Cancelled, Snapshot, Summary, summarize


@dataclass(frozen=True)
class Built:
    """What one build ended with: the summary and its exact bytes, or the reason it has none."""

    generation: int
    summary: Summary | None = None
    data: bytes = b""
    error: str = ""  # "" and no summary: cancelled


def build_preview(generation: int, snapshot: Snapshot, stop: threading.Event,
                  report: Callable[[Any], None]) -> Built:
    """One preview build; `report((generation, done, total))` as entries are summarized. `stop`
    set (the choices changed) ends it between two entries."""
    def progress(done: int, total: int) -> None:
        report((generation, done, total))

    try:
        summary = summarize(snapshot, cancelled=stop.is_set, progress=progress)
        data = journal.share.render(summary, snapshot.options.fmt)
    except Cancelled:
        return Built(generation)
    except Exception as exc:  # reported to the dialog, which shows it
        return Built(generation, error=str(exc) or type(exc).__name__)
    return Built(generation) if stop.is_set() else Built(generation, summary, data)
