"""Did the last session end cleanly? A marker file while the app runs, and fatal errors logged.

`begin_session()` runs once the journal is open: it notes whether the previous session left its
marker behind (killed, aborted, power cut), moves any faulthandler output it left into the log,
points faulthandler at a fresh file for this session and writes the marker. `end_session()`
removes both on a clean quit. faulthandler writes only file names, line numbers and function
names: no entry text reaches the log this way.
"""

from __future__ import annotations

import faulthandler
import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TextIO

from journal.paths import log_dir, make_private_dir

log = logging.getLogger("offscript.ui")
MARKER = "offscript.running"
FATAL_LOG = "offscript-fatal.log"
FATAL_LOG_LIMIT = 20_000  # characters of a dump copied into the log


@dataclass
class Session:
    folder: Path
    crashed: bool  # the previous session ended without quitting
    fatal_file: TextIO | None = None


def _private_text_file(path: Path) -> TextIO:
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    return os.fdopen(fd, "w", encoding="utf-8")


def begin_session(folder: Path | None = None) -> Session:
    folder = folder or log_dir()
    marker, fatal = folder / MARKER, folder / FATAL_LOG
    try:
        make_private_dir(folder)
        crashed = marker.exists()
        dump = fatal.read_text(encoding="utf-8", errors="replace") if fatal.exists() else ""
    except OSError as exc:
        log.warning("cannot check how the last session ended: %s", exc)
        return Session(folder, crashed=False)
    if dump.strip():
        crashed = True
        log.error("the previous session ended with a fatal error:\n%s", dump[-FATAL_LOG_LIMIT:])
    if crashed:
        log.warning("the previous session ended unexpectedly")
    session = Session(folder, crashed)
    try:
        session.fatal_file = _private_text_file(fatal)
        faulthandler.enable(session.fatal_file, all_threads=True)
        with _private_text_file(marker) as handle:
            handle.write(f"{os.getpid()}\n")
    except OSError as exc:
        log.warning("no crash marker for this session: %s", exc)
    return session


def end_session(session: Session) -> None:
    """A clean quit: no marker, no fatal log left for the next start to report."""
    if session.fatal_file is not None:
        faulthandler.disable()
        session.fatal_file.close()
        session.fatal_file = None
    for name in (MARKER, FATAL_LOG):
        try:
            (session.folder / name).unlink(missing_ok=True)
        except OSError as exc:
            log.warning("could not remove %s: %s", name, exc)
