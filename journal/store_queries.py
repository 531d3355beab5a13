"""Entry SQL under a filter: pages, counts, and the suggestions for completers. A part of Store
(journal/store.py), which holds the connection."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import sqlcipher3

from journal.disk_errors import from_sqlite_error
from journal.entries import Entry
from journal.errors import QueryError
from journal.query import EntryFilter, order_clause, where_clause
from journal.store_entries import SELECT_ENTRIES, read_entries

_SUGGESTED = ("tool", "category", "tool_version", "tags")
_SUGGEST_LIMIT = 500  # completers and filter lists never need more


class EntryQueries:
    """Read queries over many entries; suggestions are cached until the file changes."""

    conn: sqlcipher3.Connection
    path: Path
    _writes: int
    _suggestions: tuple[tuple[int, int], dict[str, list[str]]] | None

    def fetch(self, sql: str, params: list[object]) -> list[tuple[Any, ...]]:
        """Rows of one read query; SQLite errors become ours (bad search syntax: QueryError)."""
        try:
            rows: list[tuple[Any, ...]] = self.conn.execute(sql, params).fetchall()
            return rows
        except sqlcipher3.OperationalError as exc:
            if "fts5" in str(exc) or "MATCH" in str(exc):
                raise QueryError(f"Search could not be understood: {exc}") from exc
            raise from_sqlite_error(self.path, exc) from exc
        except sqlcipher3.DatabaseError as exc:
            raise from_sqlite_error(self.path, exc) from exc

    def page(self, flt: EntryFilter, *, offset: int = 0, limit: int = 100,
             sort: str = "occurred_at", descending: bool = True) -> list[Entry]:
        where, params = where_clause(flt)
        sql = f"{SELECT_ENTRIES} WHERE {where} ORDER BY {order_clause(sort, descending)} LIMIT ? OFFSET ?"
        return read_entries(self.fetch(sql, [*params, limit, offset]), self.path)

    def count(self, flt: EntryFilter) -> int:
        where, params = where_clause(flt)
        rows = self.fetch(f"SELECT count(*) FROM entries e WHERE {where}", params)
        return int(rows[0][0])

    def distinct(self, column: str, limit: int = 200) -> list[str]:
        """Most used values of tool/category/tool_version/tags first, for completers.

        One scan of the entries fills all four lists, kept until this or another connection
        writes (PRAGMA data_version): a window asks for them many times at start-up, and each
        scan reads the whole table (prompts included) — seconds at 100k entries.
        """
        if column not in _SUGGESTED:
            raise ValueError(column)
        version = self.conn.execute("PRAGMA data_version").fetchone()[0]
        if self._suggestions is None or self._suggestions[0] != (version, self._writes):
            self._suggestions = ((version, self._writes), self._count_values())
        return self._suggestions[1][column][:limit]

    def forget_cached(self) -> None:
        """Drop cached suggestions (after the file's contents were replaced, e.g. a restore)."""
        self._suggestions = None

    def _count_values(self) -> dict[str, list[str]]:
        # Counted in SQL over the narrow entries_suggest index (migration v5), never the table.
        grouped = ("SELECT min({c}), count(*) n FROM entries INDEXED BY entries_suggest "
                   "WHERE trashed_at IS NULL AND {c} IS NOT NULL GROUP BY {c} COLLATE NOCASE "
                   "ORDER BY n DESC, min({c}) LIMIT ?")
        tags = ("SELECT j.value, count(*) n FROM entries e INDEXED BY entries_suggest, "
                "json_each(e.tags) j WHERE e.trashed_at IS NULL GROUP BY j.value "
                "ORDER BY n DESC, j.value LIMIT ?")
        out: dict[str, list[str]] = {}
        for column in _SUGGESTED:
            sql = tags if column == "tags" else grouped.format(c=column)
            try:
                out[column] = [str(r[0]) for r in self.conn.execute(sql, (_SUGGEST_LIMIT,))]
            except sqlcipher3.DatabaseError as exc:
                raise from_sqlite_error(self.path, exc) from exc
        return out

