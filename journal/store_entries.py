"""Entry SQL by id: insert, replace, get, trash, purge and the sample flag; and the codec
between an Entry and its row. A part of Store (journal/store.py), which holds the connection."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path
from typing import Any

import sqlcipher3

from journal import migrations
from journal.disk_errors import damaged
from journal.entries import Entry, now_local
from journal.errors import NotFoundError, StorageError

SELECT_ENTRIES = "SELECT " + ", ".join(f"e.{c}" for c in migrations.ENTRY_COLUMNS) + " FROM entries e"
# Both read only the few rows of the partial covering index entries_samples (schema v9), which
# the planner picks unhinted because its WHERE is this term (tests/test_samples.py checks it).
_LIVE_SAMPLES = "FROM entries WHERE sample = 1 AND trashed_at IS NULL"
SAMPLE_IDS_SQL = f"SELECT id {_LIVE_SAMPLES} ORDER BY occurred_at DESC"
HAS_SAMPLES_SQL = f"SELECT EXISTS (SELECT 1 {_LIVE_SAMPLES})"


_STAMPS = ("occurred_at", "created_at", "updated_at", "trashed_at")


def entry_row(entry: Entry) -> dict[str, Any]:
    # Straight from the attributes, not through to_dict(): an import of 100k entries spent
    # ~2 s of Python in to_dict's per-field dataclass walk.
    row = {c: getattr(entry, c) for c in migrations.ENTRY_COLUMNS}
    for stamp in _STAMPS:
        if row[stamp] is not None:
            row[stamp] = row[stamp].isoformat(timespec="seconds")
    row["failure_modes"] = json.dumps(entry.failure_modes)
    row["tags"] = json.dumps(entry.tags, ensure_ascii=False)
    row["share"] = int(entry.share)
    return row


def entry_from_row(row: tuple[Any, ...]) -> Entry:
    data = dict(zip(migrations.ENTRY_COLUMNS, row, strict=True))
    entry = Entry(
        title=data["title"], tool=data["tool"], outcome=data["outcome"],
        minutes_without_ai=data["minutes_without_ai"], minutes_with_ai=data["minutes_with_ai"],
        occurred_at=datetime.fromisoformat(data["occurred_at"]),
        tool_version=data["tool_version"], category=data["category"], prompt=data["prompt"],
        iterations=data["iterations"], what_broke=data["what_broke"],
        failure_modes=json.loads(data["failure_modes"]), lesson=data["lesson"],
        tags=json.loads(data["tags"]), share=bool(data["share"]), id=data["id"],
    )
    for stamp in ("created_at", "updated_at", "trashed_at"):
        if data[stamp]:
            setattr(entry, stamp, datetime.fromisoformat(data[stamp]))
    return entry


def read_entries(rows: list[tuple[Any, ...]], path: Path) -> list[Entry]:
    """Entries from SELECT_ENTRIES rows; a row that does not decode is a damaged file."""
    try:
        return [entry_from_row(r) for r in rows]
    except (ValueError, TypeError, KeyError) as exc:  # a damaged page decrypted to noise
        raise damaged(path, exc) from exc


class EntryRows:
    """Writes and lookups of single entries; the caller holds the transaction for writes."""

    conn: sqlcipher3.Connection
    path: Path

    def insert(self, entries: Iterable[Entry], *, skip_existing: bool = False) -> int:
        """Insert entries (caller holds the transaction). Returns how many were added."""
        verb = "INSERT OR IGNORE" if skip_existing else "INSERT"
        cols = migrations.ENTRY_COLUMNS
        sql = f"{verb} INTO entries ({', '.join(cols)}) VALUES ({', '.join('?' * len(cols))})"
        stamp = now_local()
        rows = []
        for entry in entries:
            entry.created_at = entry.created_at or stamp
            entry.updated_at = entry.updated_at or stamp
            row = entry_row(entry)
            rows.append(tuple(row[c] for c in cols))
        try:
            cur = self.conn.executemany(sql, rows)
        except sqlcipher3.IntegrityError as exc:
            raise StorageError(f"An entry with that id already exists: {exc}") from exc
        return max(int(cur.rowcount), 0)  # rows inserted; FTS trigger writes are not counted

    def replace(self, entry: Entry) -> None:
        row = entry_row(entry)
        sets = ", ".join(f"{c} = ?" for c in migrations.ENTRY_COLUMNS if c != "id")
        params = [row[c] for c in migrations.ENTRY_COLUMNS if c != "id"] + [entry.id]
        cur = self.conn.execute(f"UPDATE entries SET {sets} WHERE id = ?", params)
        if cur.rowcount != 1:
            raise NotFoundError(f"No entry with id {entry.id}.")

    def get(self, entry_id: str) -> Entry:
        rows = self.conn.execute(SELECT_ENTRIES + " WHERE e.id = ?", (entry_id,)).fetchall()
        if not rows:
            rows = self.conn.execute(
                SELECT_ENTRIES + " WHERE e.id LIKE ? ORDER BY e.id LIMIT 2", (entry_id + "%",)).fetchall()
            if len(rows) > 1:
                raise NotFoundError(f"Id prefix {entry_id!r} matches several entries; type more.")
        # A prefix needs 4+ characters so a stray digit never picks an entry by chance.
        if not rows or (len(entry_id) < 4 and rows[0][0] != entry_id):
            raise NotFoundError(f"No entry with id {entry_id!r}.")
        return read_entries(rows[:1], self.path)[0]

    def set_trashed(self, entry_id: str, when: datetime | None) -> None:
        stamp = when.isoformat(timespec="seconds") if when else None
        cur = self.conn.execute("UPDATE entries SET trashed_at = ? WHERE id = ?", (stamp, entry_id))
        if cur.rowcount != 1:
            raise NotFoundError(f"No entry with id {entry_id!r}.")

    def purge_trashed(self, entry_ids: list[str] | None = None, *,
                      trashed_before: str | None = None) -> int:
        """Delete trashed entries for good: the given ids, those trashed before a time, or all."""
        if entry_ids is not None:
            if not entry_ids:
                return 0
            marks = ", ".join("?" * len(entry_ids))
            return self.delete(f"trashed_at IS NOT NULL AND id IN ({marks})", list(entry_ids))
        if trashed_before is not None:
            return self.delete("trashed_at IS NOT NULL AND trashed_at < ?", [trashed_before])
        return self.delete("trashed_at IS NOT NULL", [])

    def delete(self, condition: str, params: list[object]) -> int:
        cur = self.conn.execute(f"DELETE FROM entries WHERE {condition}", params)
        return int(cur.rowcount)


    # -- sample entries ----------------------------------------------------------------------
    def mark_samples(self, entry_ids: list[str]) -> None:
        """Flag entries as made-up samples (schema v7)."""
        if entry_ids:
            marks = ", ".join("?" * len(entry_ids))
            self.conn.execute(f"UPDATE entries SET sample = 1 WHERE id IN ({marks})", entry_ids)

    def sample_ids(self) -> list[str]:
        """Ids of the flagged sample entries outside the Trash, newest first."""
        return [str(row[0]) for row in self.conn.execute(SAMPLE_IDS_SQL).fetchall()]

    def has_samples(self) -> bool:
        """Whether any flagged sample entry is outside the Trash."""
        return bool(self.conn.execute(HAS_SAMPLES_SQL).fetchone()[0])
