"""Reading a folder of summaries off the GUI thread: a big folder (each file is validated entry by
entry) must not freeze the window. A newer request makes an older result stale; it is dropped."""

from __future__ import annotations

from pathlib import Path

from journal.team import build_team_report


def load_team(generation: int, folder: Path) -> tuple[int, object]:
    """(generation, the TeamReport or the exception that stopped it), on a Background thread."""
    try:
        result: object = build_team_report([str(folder)])
    except Exception as exc:  # shown on the page: the reason the folder could not be read
        result = exc
    return generation, result
