"""CRUD, full-text search with filters, paging, trash/restore/purge."""

from __future__ import annotations

from datetime import date, datetime, timedelta

import pytest
from support.sql_trace import query_plan

from journal import EntryFilter, Journal, NotFoundError, QueryError
from journal.entries import Entry
from journal.query import to_fts


def _add(journal: Journal, **fields: object) -> Entry:
    data = {"title": "Summarise notes", "tool": "ChatGPT", "outcome": "worked",
            "minutes_without_ai": 30, "minutes_with_ai": 10, **fields}
    return journal.add(data)


def test_add_get_update(journal: Journal) -> None:
    entry = _add(journal, prompt="Summarise this", tags=["Docs"])
    got = journal.get(entry.id)
    assert got.title == "Summarise notes" and got.tags == ["docs"] and got.prompt == "Summarise this"
    assert got.created_at is not None and got.updated_at is not None
    assert journal.get(entry.id[:8]).id == entry.id  # id prefix works like in git
    updated = journal.update(entry.id, {"outcome": "broke", "minutes_with_ai": 45})
    assert updated.net_minutes == -15
    assert journal.get(entry.id).outcome == "broke"
    assert journal.get(entry.id).created_at == got.created_at


def test_update_validates_and_keeps_entry(journal: Journal) -> None:
    entry = _add(journal)
    with pytest.raises(Exception, match="title: is required"):
        journal.update(entry.id, {"title": " "})
    assert journal.get(entry.id).title == "Summarise notes"


def test_unknown_id(journal: Journal) -> None:
    with pytest.raises(NotFoundError):
        journal.get("00000000-dead-beef-0000-000000000000")


def test_search_words_prefix_phrase_and_tags(journal: Journal) -> None:
    a = _add(journal, title="Regex for invoice numbers", prompt="write a regular expression")
    b = _add(journal, title="Meeting minutes", lesson="ask for action items", tags=["meetings"])
    _add(journal, title="Unrelated", what_broke="gpt-4o refused the request")
    assert [e.id for e in journal.search("invoice")] == [a.id]
    assert [e.id for e in journal.search("invo*")] == [a.id]
    assert [e.id for e in journal.search('"action items"')] == [b.id]
    assert [e.id for e in journal.search("meetings")] == [b.id]  # tags are indexed
    assert journal.count(EntryFilter(query="gpt-4o")) == 1  # punctuation is safe
    assert journal.count(EntryFilter(query="regex OR meeting*")) == 2
    assert journal.count(EntryFilter(query="invoi", prefix_last=True)) == 1


@pytest.mark.parametrize("bad", ['"open phrase', "AND", "word OR"])
def test_malformed_query_is_an_error_message(journal: Journal, bad: str) -> None:
    with pytest.raises(QueryError):
        journal.search(bad)


def test_fts_translation_is_quoted() -> None:
    assert to_fts("gpt-4o NOT claude*") == '"gpt 4o" NOT "claude"*'


def test_filters_combine(journal: Journal) -> None:
    day = datetime(2026, 11, 10, 12, 0)
    _add(journal, tool="Claude", outcome="broke", failure_modes=["hallucination"],
         category="coding", tags=["sql"], occurred_at=day)
    _add(journal, tool="claude", outcome="worked", category="writing", occurred_at=day + timedelta(days=3))
    _add(journal, tool="Copilot", outcome="broke", failure_modes=["refused"], occurred_at=day)
    assert journal.count(EntryFilter(tool="CLAUDE")) == 2
    assert journal.count(EntryFilter(outcome="broke")) == 2
    assert journal.count(EntryFilter(failure_mode="hallucination")) == 1
    assert journal.count(EntryFilter(tag="SQL")) == 1
    assert journal.count(EntryFilter(category="coding")) == 1
    assert journal.count(EntryFilter(since=date(2026, 11, 11))) == 1
    assert journal.count(EntryFilter(until=date(2026, 11, 10))) == 2  # whole day included
    assert journal.count(EntryFilter(tool="claude", outcome="broke", query="summarise")) == 1


def test_paging_and_sorting(journal: Journal) -> None:
    base = datetime(2026, 1, 1, 9, 0)
    entries = [Entry(title=f"Entry {i:03}", tool="T", outcome="worked", minutes_without_ai=i,
                     minutes_with_ai=0, occurred_at=base + timedelta(hours=i)) for i in range(250)]
    assert journal.add_many(entries) == 250
    first = journal.list(limit=100)
    assert len(first) == 100 and first[0].title == "Entry 249"
    third = journal.list(offset=200, limit=100)
    assert len(third) == 50 and third[-1].title == "Entry 000"
    by_net = journal.list(limit=3, sort="net_minutes", descending=False)
    assert [e.net_minutes for e in by_net] == [0, 1, 2]
    with pytest.raises(QueryError):
        journal.list(sort="password")


def test_trash_restore_purge(journal: Journal) -> None:
    keep, gone = _add(journal), _add(journal, title="Trash me")
    journal.trash(gone.id)
    assert journal.count() == 1 and journal.count(EntryFilter(trashed=True)) == 1
    assert journal.search("trash") == []  # trashed entries stay out of search
    journal.restore(gone.id)
    assert journal.count() == 2
    journal.trash(gone.id)
    assert journal.purge_expired() == 0  # trashed just now: kept for 30 days
    journal.store.conn.execute("UPDATE entries SET trashed_at = '2000-01-01T00:00:00'")
    journal.restore(keep.id)
    assert journal.purge_expired() == 1
    assert journal.count(EntryFilter(trashed=True)) == 0
    with pytest.raises(NotFoundError):
        journal.get(gone.id)
    assert journal.purge([keep.id]) == 0  # purge only touches trashed entries


def test_suggestions_most_used_first(journal: Journal) -> None:
    for tool in ("Claude", "ChatGPT", "Claude"):
        _add(journal, tool=tool, tags=["b", "a"] if tool == "Claude" else ["a"])
    assert journal.suggestions("tool") == ["Claude", "ChatGPT"]
    assert journal.suggestions("tags") == ["a", "b"]


def test_settings_round_trip(journal: Journal) -> None:
    journal.set_setting("k", "v")
    assert journal.get_setting("k") == "v"
    journal.set_setting("k", None)
    assert journal.get_setting("k", "default") == "default"


def test_failed_write_leaves_journal_as_it_was(journal: Journal) -> None:
    good = Entry(title="ok", tool="T", outcome="worked", minutes_without_ai=1, minutes_with_ai=1)
    dup = Entry(title="dup", tool="T", outcome="worked", minutes_without_ai=1, minutes_with_ai=1,
                id=good.id)
    with pytest.raises(Exception, match="already exists"):
        journal.add_many([good, dup], skip_existing=False)
    assert journal.count() == 0


def test_prompt_library_uses_its_partial_index(journal: Journal) -> None:
    from journal.query import where_clause
    where, params = where_clause(EntryFilter(outcome="worked", has_prompt=True))
    plan = query_plan(journal.store.conn, f"SELECT count(*) FROM entries e WHERE {where}", params)
    assert "entries_with_prompt" in plan[0]
