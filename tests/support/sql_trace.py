"""The SQL a journal's own connection runs and how SQLite plans it, for tests that check what a
step queries."""

from __future__ import annotations

import contextlib
from collections.abc import Iterator
from typing import Any


@contextlib.contextmanager
def statements(journal: Any) -> Iterator[list[str]]:
    """Every statement run on `journal`'s connection inside the block (a live list)."""
    seen: list[str] = []
    journal.store.conn.set_trace_callback(seen.append)
    try:
        yield seen
    finally:
        journal.store.conn.set_trace_callback(None)


def query_plan(conn: Any, sql: str, params: Any = ()) -> list[str]:
    """The steps of SQLite's plan for `sql` (EXPLAIN QUERY PLAN's detail column)."""
    return [row[3] for row in conn.execute("EXPLAIN QUERY PLAN " + sql, params)]


def fill_new_entry(editor: Any, title: str, tool: str, *, without_ai: int = 30,
                   with_ai: int = 10) -> None:
    """Type a complete 'worked' entry into an EntryEditor (or QuickLog-like) form."""
    editor.title.setText(title)
    editor.tool.setText(tool)
    editor.outcome.set_value("worked")
    editor.without_ai.setValue(without_ai)
    editor.with_ai.setValue(with_ai)
