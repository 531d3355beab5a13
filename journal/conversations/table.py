"""The SQL of the conversation drafts table (migration v8); the store's connection and locks."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from journal.entries import now_local
from journal.store import Store

PENDING, KEPT, DROPPED = "pending", "kept", "dropped"
_COLUMNS = ("fingerprint", "source", "title", "prompt", "iterations", "tool_version", "occurred_at")


class DraftTable:
    def __init__(self, store: Store) -> None:
        self.store = store

    def known(self, fingerprints: Iterable[str]) -> set[str]:
        """Fingerprints already offered once (pending, kept or dropped)."""
        wanted = list(fingerprints)
        found: set[str] = set()
        for start in range(0, len(wanted), 500):
            chunk = wanted[start:start + 500]
            marks = ",".join("?" * len(chunk))
            rows = self.store.conn.execute(
                f"SELECT fingerprint FROM conversation_drafts WHERE fingerprint IN ({marks})",
                chunk).fetchall()
            found.update(str(r[0]) for r in rows)
        return found

    def insert(self, rows: Iterable[dict[str, Any]]) -> int:
        stamp = now_local().isoformat()
        cur = self.store.conn.executemany(
            "INSERT OR IGNORE INTO conversation_drafts (fingerprint, source, title, prompt, "
            "iterations, tool_version, occurred_at, imported_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            [(*(r[c] for c in _COLUMNS), stamp) for r in rows])
        return int(cur.rowcount)

    def pending(self, search: str = "", limit: int = 1000) -> list[dict[str, Any]]:
        sql = ("SELECT fingerprint, source, title, prompt, iterations, tool_version, occurred_at "
               "FROM conversation_drafts WHERE status = ?")
        params: list[Any] = [PENDING]
        if search.strip():
            sql += " AND (title LIKE ? ESCAPE '\\' OR prompt LIKE ? ESCAPE '\\')"
            like = "%" + search.strip().replace("\\", "\\\\").replace("%", "\\%").replace(
                "_", "\\_") + "%"
            params += [like, like]
        sql += " ORDER BY occurred_at IS NULL, occurred_at DESC, title LIMIT ?"
        rows = self.store.conn.execute(sql, [*params, limit]).fetchall()
        return [dict(zip(_COLUMNS, r, strict=True)) for r in rows]

    def count_pending(self) -> int:
        row = self.store.conn.execute(
            "SELECT count(*) FROM conversation_drafts WHERE status = ?", (PENDING,)).fetchone()
        return int(row[0])

    def close(self, fingerprint: str, status: str, entry_id: str | None = None) -> bool:
        """Mark a pending draft kept or dropped and erase its text; False if it wasn't pending."""
        cur = self.store.conn.execute(
            "UPDATE conversation_drafts SET status = ?, entry_id = ?, title = NULL, prompt = NULL, "
            "tool_version = NULL WHERE fingerprint = ? AND status = ?",
            (status, entry_id, fingerprint, PENDING))
        return bool(cur.rowcount == 1)


def stamp(value: datetime | None) -> str | None:
    return value.isoformat(timespec="seconds") if value else None
