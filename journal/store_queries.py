"""Entry SQL under a filter: pages, counts, and the suggestions for completers. A part of Store
(journal/store.py), which holds the connection."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import sqlcipher3

from journal.disk_errors import from_sqlite_error
from journal.entries import Entry
from journal.errors import QueryError, StorageError
from journal.query import EntryFilter, order_clause, page_where, search_only, where_clause
from journal.store_entries import SELECT_ENTRIES, read_entries
from journal.suggestion_counts import COMBINATIONS_SQL, SUGGESTED, fold

_SUGGEST_LIMIT = 500  # completers and filter lists never need more
_STREAM_CACHE_KIB = -256  # PRAGMA cache_size in KiB when negative
# The matches of a plain search (the CLI's `search`, the search box) counted in the full-text
# index, less the few in the trash: 4-8 ms at 100k entries where the general count, which walks
# every live entry against the matches, took 40 ms (98,533 matches). Same answer: every entry,
# trashed or not, has exactly its one row in entries_fts.
_COUNT_SEARCH = (
    "SELECT (SELECT count(*) FROM entries_fts WHERE entries_fts MATCH ?)"
    " - (SELECT count(*) FROM entries e WHERE unlikely(e.trashed_at IS NOT NULL)"
    " AND EXISTS (SELECT 1 FROM entries_fts WHERE entries_fts MATCH ? AND rowid = e.seq))")


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
        where, params = page_where(flt, sort)
        sql = f"{SELECT_ENTRIES} WHERE {where} ORDER BY {order_clause(sort, descending)} LIMIT ? OFFSET ?"
        return read_entries(self.fetch(sql, [*params, limit, offset]), self.path)

    def count(self, flt: EntryFilter) -> int:
        fts = search_only(flt)
        if fts:
            rows = self.fetch(_COUNT_SEARCH, [fts, fts])
        else:
            where, params = where_clause(flt)
            rows = self.fetch(f"SELECT count(*) FROM entries e WHERE {where}", params)
        return int(rows[0][0])

    def distinct(self, column: str, limit: int = 200) -> list[str]:
        """Most used values of tool/category/tool_version/tags first, for completers.

        One scan of the entries fills all four lists, kept until this or another connection
        writes (PRAGMA data_version): a window asks for them many times at start-up, and each
        scan reads the whole table (prompts included) — seconds at 100k entries.
        """
        if column not in SUGGESTED:
            raise ValueError(column)
        stamp = self.suggestion_stamp()
        if self._suggestions is None or self._suggestions[0] != stamp:
            self._suggestions = (stamp, self._count_values())
        return self._suggestions[1][column][:limit]

    def suggestion_stamp(self) -> tuple[int, int]:
        """What cached suggestions are valid for: the file's version as this connection sees
        it (PRAGMA data_version moves on other connections' commits) and its own commits."""
        return int(self.conn.execute("PRAGMA data_version").fetchone()[0]), self._writes

    def count_suggestions(self) -> dict[str, list[str]]:
        """Every suggestion list, counted now through a small page cache.

        The scans read the whole suggestions index once (~4 MB at 100k entries); through the
        default 8 MB cache those pages would stay in memory for nothing (a worker's reader is
        closed right after): 256 KiB streams them, off the GUI thread. (At 100k entries 1 MB,
        256 KiB and 64 KiB all took 86-101 ms; 256 KiB peaked 0.5 MB lower than 1 MB.)"""
        size = self.conn.execute("PRAGMA cache_size").fetchone()[0]
        self.conn.execute(f"PRAGMA cache_size = {_STREAM_CACHE_KIB}")
        try:
            return self._count_values()
        finally:
            self.conn.execute(f"PRAGMA cache_size = {int(size)}")

    def adopt_suggestions(self, stamp: tuple[int, int], values: dict[str, list[str]]) -> bool:
        """Use lists counted by another connection if nothing was written since `stamp` (taken
        from this connection before that count began); False when they may be stale."""
        if set(values) != set(SUGGESTED) or stamp != self.suggestion_stamp():
            return False
        self._suggestions = (stamp, {column: list(v) for column, v in values.items()})
        return True

    def forget_cached(self) -> None:
        """Drop cached suggestions (after the file's contents were replaced, e.g. a restore)."""
        self._suggestions = None

    def _count_values(self) -> dict[str, list[str]]:
        # The distinct rows, streamed from the narrow entries_suggest index (migration v5) in
        # its order and folded in Python: no sort of every entry's values in memory.
        try:
            return fold(self.conn.execute(COMBINATIONS_SQL), _SUGGEST_LIMIT)
        except sqlcipher3.DatabaseError as exc:
            raise from_sqlite_error(self.path, exc) from exc
        except ValueError as exc:  # a tags value that is not a JSON list
            raise StorageError(f"The journal holds damaged tags ({self.path}): {exc}") from exc
