"""Writing a summary: the bytes render() made, atomically, and a line in the export log."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from journal.api import Journal
from journal.errors import StorageError
from journal.paths import atomic_write
from journal.share.lists import LogRecord, append_log
from journal.share.model import Summary
from journal.share.options import ShareOptions
from journal.share.render import render
from journal.share.summary import build_summary


class ExportExists(StorageError):
    """The target file exists and overwriting was not asked for."""


@dataclass(frozen=True)
class ExportRecord:
    when: str
    file: str  # the file name only
    detail: str
    format: str
    entries: int
    sha256: str
    size: int
    redactions: tuple[tuple[str, int], ...]  # by category, for the person (not logged)

    def log_record(self) -> LogRecord:
        return LogRecord(when=self.when, file=self.file, detail=self.detail,
                         format=self.format, entries=self.entries, sha256=self.sha256)


def record_export(journal: Journal, summary: Summary, opts: ShareOptions, data: bytes,
                  file_name: str) -> ExportRecord:
    """Append to the export log (inside the encrypted journal) what was just shared."""
    record = ExportRecord(
        when=datetime.now().isoformat(timespec="seconds"), file=Path(file_name).name or "-",
        detail=opts.detail, format=opts.fmt, entries=summary.totals.entries,
        sha256=hashlib.sha256(data).hexdigest(), size=len(data),
        redactions=summary.report.counts)
    append_log(journal, record.log_record())
    return record


def write_bytes(path: Path, data: bytes, *, overwrite: bool = True) -> None:
    """Write `data` to `path` all-or-nothing; the old file (if any) stays on failure."""
    path = Path(path)
    if not overwrite and path.exists():
        raise ExportExists(f"{path.name} already exists; choose another name or overwrite it.")
    try:
        atomic_write(path, data)
    except OSError as exc:
        raise StorageError(f"Cannot write {path.name}: {exc.strerror or exc}") from exc


def export_summary(journal: Journal, opts: ShareOptions, path: Path | str, *,
                   overwrite: bool = True) -> ExportRecord:
    """Build, render and write the summary; log the export. Returns what was written."""
    summary = build_summary(journal, opts)
    data = render(summary, opts.fmt)
    return export_bytes(journal, summary, opts, data, Path(path), overwrite=overwrite)


def export_bytes(journal: Journal, summary: Summary, opts: ShareOptions, data: bytes,
                 path: Path, *, overwrite: bool = True) -> ExportRecord:
    """Write bytes already rendered (the preview's) and log them."""
    write_bytes(path, data, overwrite=overwrite)
    return record_export(journal, summary, opts, data, path.name)
