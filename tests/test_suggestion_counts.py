"""The suggestion lists are folded in Python from distinct index rows; they must say exactly
what the per-column SQL (GROUP BY … COLLATE NOCASE, json_each over tags) said."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journal import Entry, Journal, StorageError
from journal.suggestion_counts import fold

# The meaning to keep: the per-column queries these lists were counted with before.
BY_COLUMN = ("SELECT min({c}), count(*) n FROM entries WHERE trashed_at IS NULL AND {c} IS NOT "
             "NULL GROUP BY {c} COLLATE NOCASE ORDER BY n DESC, min({c}) LIMIT ?")
TAGS = ("SELECT j.value, count(*) n FROM entries e, json_each(e.tags) j WHERE e.trashed_at IS "
        "NULL GROUP BY j.value ORDER BY n DESC, j.value LIMIT ?")
SPELLINGS = ["Claude", "claude", "CLAUDE", "ChatGPT", "chatgpt", "Ärger", "ärger", "Zed", "zed"]


def _reference(journal: Journal, limit: int = 500) -> dict[str, list[str]]:
    conn = journal.store.conn
    out = {c: [str(r[0]) for r in conn.execute(BY_COLUMN.format(c=c), (limit,))]
           for c in ("tool", "category", "tool_version")}
    out["tags"] = [str(r[0]) for r in conn.execute(TAGS, (limit,))]
    return out


entries = st.lists(st.tuples(
    st.sampled_from(SPELLINGS), st.none() | st.sampled_from(SPELLINGS),
    st.none() | st.sampled_from(["4o", "4O", "3.5", "v1"]),
    st.lists(st.sampled_from(["email", "sql", "ärger", "zed", "a-b"]), max_size=3),
    st.booleans()), min_size=1, max_size=40)


@settings(max_examples=40, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(rows=entries)
def test_folded_lists_equal_the_per_column_queries(journal: Journal, rows: list) -> None:
    journal.store.conn.execute("DELETE FROM entries")
    made = [Entry(title="t", tool=tool, category=category, tool_version=version, tags=tags,
                  outcome="worked", minutes_without_ai=1, minutes_with_ai=1)
            for tool, category, version, tags, _trash in rows]
    journal.add_many(made)
    for entry, (*_, trash) in zip(made, rows, strict=True):
        if trash:
            journal.trash(entry.id)
    assert journal.count_suggestions() == _reference(journal)


def test_the_limit_keeps_the_most_used_then_the_smallest_spelling() -> None:
    rows = [("b", None, None, '["x"]', 2), ("A", None, None, '["y", "x"]', 1),
            ("a", None, None, None, 1), ("c", None, None, "[]", 1)]
    lists = fold(rows, 2)
    assert lists["tool"] == ["A", "b"]  # A/a twice, then b twice: A before b
    assert lists["tags"] == ["x", "y"]


def test_damaged_tags_are_named_not_skipped(journal: Journal) -> None:
    journal.add(Entry(title="t", tool="x", outcome="worked", minutes_without_ai=1,
                      minutes_with_ai=1, tags=["fine"]))
    journal.store.conn.execute("UPDATE entries SET tags = '{\"a\": 1}'")
    with pytest.raises(StorageError, match="damaged tags"):
        journal.count_suggestions()
