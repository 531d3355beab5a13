"""Moving entries in and out as plain files: import (JSON/CSV, all or nothing) and dump.

Import validates every row before writing anything, then inserts in one transaction, skipping
ids the journal already has, so importing the same file twice adds nothing.
"""

from __future__ import annotations

import csv
import io
import json
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from journal.api import Journal
from journal.entries import EDITABLE_FIELDS, LIST_FIELDS, Entry
from journal.errors import StorageError, ValidationError
from journal.paths import atomic_write
from journal.query import EntryFilter

DUMP_FIELDS = ("id", *EDITABLE_FIELDS, "created_at", "updated_at")
MAX_REPORTED_ERRORS = 20
# A dump of 100k entries with long prompts is ~150 MB; anything past this is not an entry file.
MAX_IMPORT_BYTES = 256 * 1024 * 1024
_CHUNK = 1024 * 1024
Progress = Callable[[int, int], None]


class ImportError_(ValidationError):
    """Several rows are invalid; lists them all (up to a limit) so they can be fixed in one go."""

    def __init__(self, errors: list[ValidationError], total: int) -> None:
        self.errors = errors
        shown = "\n".join(f"  {err}" for err in errors[:MAX_REPORTED_ERRORS])
        more = len(errors) - MAX_REPORTED_ERRORS
        extra = f"\n  … and {more} more" if more > 0 else ""
        Exception.__init__(
            self, f"Nothing was imported: {len(errors)} of {total} rows are invalid.\n{shown}{extra}")
        self.field, self.rule, self.row = errors[0].field, errors[0].rule, errors[0].row


@dataclass
class ImportResult:
    total: int = 0
    added: int = 0
    skipped: int = 0
    ids: list[str] = field(default_factory=list)


def _read_limited(path: Path) -> bytes:
    """The file's bytes, refusing early what cannot be an entry file: over the size limit
    (by its size, before reading), or NUL bytes (/dev/zero, a binary) in any chunk read."""
    too_large = ValidationError(
        "file", f"{path.name} is too large to import (over {MAX_IMPORT_BYTES // 2**20} MB); "
        "split it into smaller files")
    try:
        with path.open("rb") as handle:
            size = os.fstat(handle.fileno()).st_size
            if size > MAX_IMPORT_BYTES:
                raise too_large
            chunks, total = [], 0
            while chunk := handle.read(_CHUNK):
                if b"\x00" in chunk:
                    raise ValidationError(
                        "file", f"{path.name} is not a text file (it contains NUL bytes); "
                        "import reads JSON or CSV")
                total += len(chunk)
                if total > MAX_IMPORT_BYTES:
                    raise too_large
                chunks.append(chunk)
    except OSError as exc:
        raise StorageError(f"Cannot read {path}: {exc.strerror or exc}") from exc
    return b"".join(chunks)


def _read_rows(path: Path) -> list[dict[str, Any]]:
    raw = _read_limited(path)
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise ValidationError("file", f"{path.name} is not UTF-8 text ({exc.reason})") from None
    stripped = text.lstrip()
    if path.suffix.lower() == ".json" or stripped.startswith(("[", "{")):
        return _json_rows(text, path)
    return _csv_rows(text, path)


def _json_rows(text: str, path: Path) -> list[dict[str, Any]]:
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValidationError(
            "file", f"{path.name} is not valid JSON (line {exc.lineno}, column {exc.colno}: "
            f"{exc.msg})") from None
    except RecursionError:
        raise ValidationError("file", f"{path.name} is nested too deeply to be an entry "
                              "file") from None
    except ValueError as exc:  # e.g. a number longer than Python's integer digit limit
        raise ValidationError("file", f"{path.name} is not valid JSON ({exc})") from None
    if isinstance(data, dict) and isinstance(data.get("entries"), list):
        data = data["entries"]
    if not isinstance(data, list):
        raise ValidationError("file", f"{path.name} must hold a JSON list of entries")
    for number, item in enumerate(data, start=1):
        if not isinstance(item, dict):
            raise ValidationError("entry", "must be a JSON object", number)
    return data


def _csv_rows(text: str, path: Path) -> list[dict[str, Any]]:
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if not reader.fieldnames:
        raise ValidationError("file", f"{path.name} is empty or has no header row")
    known = set(DUMP_FIELDS) | {"trashed_at", "net_minutes"}
    unknown = [name for name in reader.fieldnames if name not in known]
    if unknown:
        raise ValidationError("header", f"unknown column {unknown[0]!r} in {path.name}")
    repeated = [name for name in reader.fieldnames if reader.fieldnames.count(name) > 1]
    if repeated:
        raise ValidationError("header", f"column {repeated[0]!r} appears more than once in "
                              f"{path.name}")
    rows = []
    try:
        # Rows are numbered as data rows (the header is not one), like JSON items: a quoted
        # cell spanning lines must not shift the numbers.
        for number, row in enumerate(reader, start=1):
            if None in row:
                raise ValidationError("row", "has more cells than the header", number)
            rows.append({k: (v if v != "" else None) for k, v in row.items()
                         if k != "net_minutes"})
    except csv.Error as exc:
        raise ValidationError("file", f"{path.name} is not valid CSV: {exc}") from None
    return rows


def parse_entries(rows: list[dict[str, Any]]) -> list[Entry]:
    """Validate all rows; raise one error listing every bad row, or return the entries."""
    entries: list[Entry] = []
    errors: list[ValidationError] = []
    seen: dict[str, int] = {}
    for number, raw in enumerate(rows, start=1):
        row = {k: v for k, v in raw.items() if k != "net_minutes"}  # derived, never imported
        try:
            entry = Entry.from_dict(row, row=number)
        except ValidationError as err:
            errors.append(err)
            continue
        if entry.id in seen:
            errors.append(ValidationError("id", f"repeats the id of row {seen[entry.id]}", number))
            continue
        seen[entry.id] = number
        entries.append(entry)
    if errors:
        raise ImportError_(errors, len(rows))
    return entries


def import_file(journal: Journal, path: Path, progress: Progress | None = None) -> ImportResult:
    rows = _read_rows(Path(path))
    entries = parse_entries(rows)

    def with_progress() -> Iterator[Entry]:
        for done, entry in enumerate(entries, start=1):
            if progress and (done % 2000 == 0 or done == len(entries)):
                progress(done, len(entries))
            yield entry

    added = journal.add_many(with_progress(), skip_existing=True)
    return ImportResult(total=len(entries), added=added, skipped=len(entries) - added,
                        ids=[e.id for e in entries])


def _iter_all(journal: Journal, flt: EntryFilter, page: int = 1000) -> Iterator[Entry]:
    offset = 0
    while True:
        batch = journal.list(flt, offset=offset, limit=page, sort="occurred_at", descending=False)
        yield from batch
        if len(batch) < page:
            return
        offset += page


def dump(journal: Journal, path: Path | None, fmt: str,
         flt: EntryFilter | None = None) -> bytes:
    """Every entry (or those matching flt) in the import schema; written atomically if path."""
    rows = [{k: e.to_dict()[k] for k in DUMP_FIELDS} for e in _iter_all(journal, flt or EntryFilter())]
    if fmt == "json":
        data = (json.dumps(rows, indent=2, ensure_ascii=False) + "\n").encode("utf-8")
    elif fmt == "csv":
        buffer = io.StringIO(newline="")
        # CRLF rows (RFC 4180): the writer quotes any cell holding a character of the line
        # terminator, so a lone "\r" in a prompt survives the round trip.
        writer = csv.DictWriter(buffer, fieldnames=DUMP_FIELDS, lineterminator="\r\n")
        writer.writeheader()
        for row in rows:
            for name in LIST_FIELDS:
                row[name] = ";".join(row[name])
            row["share"] = "true" if row["share"] else "false"
            writer.writerow({k: "" if v is None else v for k, v in row.items()})
        data = buffer.getvalue().encode("utf-8")
    else:
        raise ValidationError("format", f"must be json or csv (got {fmt!r})")
    if path is not None:
        try:
            atomic_write(Path(path), data)
        except OSError as exc:
            raise StorageError(f"Cannot write {path}: {exc.strerror or exc}") from exc
    return data
