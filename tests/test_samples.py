"""Sample entries are known by a flag (schema v7), not the tag: removing them moves exactly them
to the Trash and never touches the user's own entries, even ones tagged 'sample'."""

from __future__ import annotations

import secrets
from pathlib import Path

from support.sql_trace import query_plan

from journal import Entry, EntryFilter, Journal
from journal.migrations import LATEST
from journal.samples import SAMPLE_TAG, add_samples, has_samples, remove_samples, sample_entries
from journal.store import Store
from journal.store_entries import HAS_SAMPLES_SQL, SAMPLE_IDS_SQL

MINE = {"title": "My own sample run", "tool": "Claude", "outcome": "worked",
        "minutes_without_ai": 10, "minutes_with_ai": 5, "tags": [SAMPLE_TAG, "mine"]}


def test_remove_samples_moves_only_flagged_samples_to_the_trash(journal: Journal) -> None:
    mine = journal.add(MINE)
    assert not has_samples(journal)
    assert add_samples(journal) == 10 and has_samples(journal)
    assert journal.count(EntryFilter(tag=SAMPLE_TAG)) == 11
    removed = remove_samples(journal)
    assert len(removed) == 10 and mine.id not in removed
    assert [e.id for e in journal.list()] == [mine.id]
    assert journal.count(EntryFilter(trashed=True)) == 10  # in the Trash: undoable
    assert not has_samples(journal) and remove_samples(journal) == []
    for entry_id in removed:
        journal.restore(entry_id)
    assert journal.count() == 11 and has_samples(journal)


def test_v6_journal_flags_its_samples_on_migration(tmp_path: Path) -> None:
    path, key = tmp_path / "journal.db", secrets.token_bytes(32)
    store = Store.open(path, key, create=True, schema=6)
    samples = sample_entries()
    own_title_clash = Entry(title=samples[0].title, tool="x", outcome="worked",
                            minutes_without_ai=1, minutes_with_ai=1, tags=["contracts"])
    mine = Entry.from_dict(MINE)
    with store.transaction():
        store.insert([*samples, mine, own_title_clash])
    assert store.schema_version() == 6
    store.close()

    store = Store.open(path, key)
    try:
        assert store.schema_version() == LATEST  # v7 and every later one
        flagged = {row[0] for row in store.conn.execute("SELECT id FROM entries WHERE sample = 1")}
        assert flagged == {e.id for e in samples}  # not mine (tag only), not the title clash
    finally:
        store.close()
    assert len(list((tmp_path / "backups").glob("journal-*-pre-v7.db"))) == 1


def test_sample_lookup_reads_only_the_samples_index(journal: Journal) -> None:
    # At 100k entries a table scan here froze the window for 0.7 s after its first paint (v9).
    add_samples(journal)
    conn = journal.store.conn
    for sql in (SAMPLE_IDS_SQL, HAS_SAMPLES_SQL):
        plan = query_plan(conn, sql)
        assert any("COVERING INDEX entries_samples" in step for step in plan), plan
    ids = journal.sample_ids()
    times = [journal.get(entry_id).occurred_at for entry_id in ids]
    assert len(ids) == 10 and times == sorted(times, reverse=True)  # newest first, as before
    assert journal.has_samples()
