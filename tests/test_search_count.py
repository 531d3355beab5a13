"""A plain search is counted in the full-text index less the trashed matches; every other filter
by the general WHERE clause. Both must give the same number as listing the matches."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from support.sql_trace import query_plan, statements

from journal import Entry, EntryFilter, Journal
from journal.query import search_only, where_clause

WORDS = ["invoice", "draft", "email", "gpt-4o", "refund", "café", "日本語", "lesson"]


def _general_count(journal: Journal, flt: EntryFilter) -> int:
    where, params = where_clause(flt)
    return int(journal.store.conn.execute(
        f"SELECT count(*) FROM entries e WHERE {where}", params).fetchone()[0])


@pytest.fixture
def words_journal(journal: Journal) -> Journal:
    """Entries in a few words, every ninth in the trash and two of those purged."""
    entries = [Entry(title=f"{WORDS[i % 8]} {WORDS[(i * 3) % 8]} #{i}", tool="Claude",
                     outcome="worked", minutes_without_ai=10, minutes_with_ai=i % 12,
                     prompt=WORDS[(i * 5) % 8] * (i % 3), lesson=WORDS[(i * 7) % 8])
               for i in range(120)]
    journal.add_many(entries)
    for entry in entries[::9]:
        journal.trash(entry.id)
    journal.purge([entries[9].id, entries[18].id])
    return journal


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(words=st.lists(st.sampled_from([*WORDS, "OR", "NOT", "caf", "inv", '"draft email"']),
                      min_size=1, max_size=3),
       prefix_last=st.booleans())
def test_search_count_matches_the_general_count_and_the_list(
        words_journal: Journal, words: list[str], prefix_last: bool) -> None:
    query = " ".join(words)
    flt = EntryFilter(query=query, prefix_last=prefix_last)
    try:
        fast = words_journal.count(flt)
    except Exception as exc:  # an operator without a word: both paths must refuse alike
        with pytest.raises(type(exc)):
            _general_count(words_journal, flt)
        return
    assert fast == _general_count(words_journal, flt)
    assert fast == len(words_journal.list(flt, limit=1000))


def test_only_a_plain_search_takes_the_index_count(words_journal: Journal) -> None:
    assert search_only(EntryFilter(query="invoice")) == '"invoice"'
    assert search_only(EntryFilter(query="inv", prefix_last=True)) == '"inv"*'
    for other in (EntryFilter(), EntryFilter(query="  "), EntryFilter(query="invoice", tool="x"),
                  EntryFilter(query="invoice", trashed=True),
                  EntryFilter(query="invoice", shared_only=True)):
        assert search_only(other) == ""
    with statements(words_journal) as live_sql:
        live = words_journal.count(EntryFilter(query="invoice"))
    with statements(words_journal) as trashed_sql:
        trashed = words_journal.count(EntryFilter(query="invoice", trashed=True))
    assert any(sql.startswith("SELECT (SELECT count(*) FROM entries_fts") for sql in live_sql)
    assert any(sql.startswith("SELECT count(*) FROM entries e WHERE") for sql in trashed_sql)
    assert trashed > 0 and live > 0
    assert live == len(words_journal.list(EntryFilter(query="invoice"), limit=1000))


def test_counting_the_live_entries_reads_the_live_index(words_journal: Journal) -> None:
    """A fresh journal counts its live entries through entries_live (schema v10), the index of
    one rowid per live entry, not the wider entries_by_time; the plan needs no statistics."""
    where, params = where_clause(EntryFilter())
    sql = f"SELECT count(*) FROM entries e WHERE {where}"
    plan = query_plan(words_journal.store.conn, sql, params)
    assert any("COVERING INDEX entries_live" in step for step in plan), plan
    assert words_journal.count(EntryFilter()) == _general_count(words_journal, EntryFilter()) == 106
