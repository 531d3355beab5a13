"""Every old schema migrates to LATEST with its data intact and ends up as a fresh journal's schema.

The fixtures in tests/fixtures/migrations/vN were written by the commit whose LATEST was N, from
data.json (tools/make_migration_fixtures.py, see the README there), so this opens files the old
code really wrote, not files today's code pretends were old.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from support.sql_trace import query_plan

from journal.migrations import LATEST
from journal.query import EntryFilter
from journal.store import Store
from journal.store_entries import HAS_SAMPLES_SQL, SAMPLE_IDS_SQL

FIXTURES = Path(__file__).parent / "fixtures" / "migrations"
DATA: dict[str, Any] = json.loads((FIXTURES / "data.json").read_text(encoding="utf-8"))
KEY = bytes.fromhex(DATA["key_hex"])
OLD_VERSIONS = range(1, LATEST)


def schema_of(store: Store) -> list[tuple[Any, ...]]:
    """Every table, index, trigger and view with its SQL, and every table's columns."""
    objects = store.conn.execute(
        "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name").fetchall()
    columns = [(table, *column)
               for _type, table, _tbl, _sql in objects if _type == "table"
               for column in store.conn.execute(f"PRAGMA table_xinfo('{table}')").fetchall()]
    return [tuple(row) for row in objects] + columns


@pytest.fixture
def fresh_schema(tmp_path: Path) -> list[tuple[Any, ...]]:
    store = Store.open(tmp_path / "fresh" / "journal.db", KEY, create=True)
    try:
        return schema_of(store)
    finally:
        store.close()


@pytest.fixture(params=OLD_VERSIONS, ids=lambda n: f"v{n}")
def old_copy(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[tuple[int, Path]]:
    version: int = request.param
    target = tmp_path / f"v{version}"
    shutil.copytree(FIXTURES / f"v{version}", target)
    yield version, target / "journal.db"


@pytest.fixture
def migrated(old_copy: tuple[int, Path]) -> Iterator[Store]:
    """The old copy, opened (so migrated to LATEST); closed after the test."""
    store = Store.open(old_copy[1], KEY)
    yield store
    store.close()


def test_a_fixture_for_every_old_version() -> None:
    # Adding schema v9 fails here until tools/make_migration_fixtures.py writes a v8 fixture.
    assert sorted(int(p.name[1:]) for p in FIXTURES.iterdir() if p.is_dir()) == list(OLD_VERSIONS)


def test_fixture_is_at_its_old_version(old_copy: tuple[int, Path]) -> None:
    version, path = old_copy
    store = Store.open(path, KEY, schema=version)  # no migration up to its own version
    try:
        assert store.schema_version() == version
        applied = [row[0] for row in store.conn.execute(
            "SELECT version FROM schema_migrations ORDER BY version")]
        assert applied == list(range(1, version + 1))
    finally:
        store.close()


def test_migrates_to_latest_with_every_field(old_copy: tuple[int, Path],
                                             fresh_schema: list[tuple[Any, ...]]) -> None:
    version, path = old_copy
    store = Store.open(path, KEY)
    try:
        assert store.schema_version() == LATEST
        for row in DATA["entries"]:
            stored = store.get(row["id"]).to_dict()
            assert {k: stored.get(k) for k in row} == row
            assert stored["net_minutes"] == row["minutes_without_ai"] - row["minutes_with_ai"]
            net = store.conn.execute("SELECT net_minutes FROM entries WHERE id = ?",
                                     (row["id"],)).fetchone()[0]
            assert net == stored["net_minutes"]  # the v3 generated column
        live = store.page(EntryFilter(), limit=100)
        assert sorted(e.id for e in live) == sorted(
            r["id"] for r in DATA["entries"] if not r.get("trashed_at"))
        assert [e.id for e in store.page(EntryFilter(query="invoice"))] == [
            DATA["entries"][1]["id"]]  # the FTS index came along
        store.conn.execute("INSERT INTO entries_fts(entries_fts) VALUES ('integrity-check')")
        flagged = [r[0] for r in store.conn.execute("SELECT title FROM entries WHERE sample = 1")]
        assert flagged == DATA["sample_titles_flagged"]  # not the user's own 'sample'-tagged entry
        expected_settings = DATA["settings"] if version >= 2 else {}
        assert {key: store.get_setting(key) for key in DATA["settings"]} == {
            key: expected_settings.get(key) for key in DATA["settings"]}
        assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        assert schema_of(store) == fresh_schema
    finally:
        store.close()
    backups = list((path.parent / "backups").glob(f"journal-*-pre-v{version + 1}.db"))
    assert len(backups) == 1
    assert backups[0].read_bytes() == (FIXTURES / f"v{version}" / "journal.db").read_bytes()


def test_sample_lookup_reads_only_the_samples_index(migrated: Store) -> None:
    # v9: without entries_samples "are there samples?" read all 100k rows after the first paint.
    store = migrated
    indexes = {row[0] for row in store.conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = 'entries'")}
    assert "entries_samples" in indexes
    assert not store.conn.execute(  # the planner picks it with no statistics to help
        "SELECT name FROM sqlite_master WHERE name LIKE 'sqlite_stat%'").fetchall()
    for sql in (SAMPLE_IDS_SQL, HAS_SAMPLES_SQL):
        plan = query_plan(store.conn, sql)
        assert any("COVERING INDEX entries_samples" in step for step in plan), plan
    flagged = [r["id"] for r in DATA["entries"] if r["title"] in DATA["sample_titles_flagged"]]
    assert store.sample_ids() == flagged and store.has_samples()


def test_migrated_journal_takes_new_writes(old_copy: tuple[int, Path]) -> None:
    _version, path = old_copy
    store = Store.open(path, KEY)
    try:
        with store.transaction():
            store.conn.execute(
                "INSERT INTO templates (name, fields, created_at) VALUES ('t', '{}', 'now')")
            store.set_setting("after", "migration")
        assert store.get_setting("after") == "migration"
    finally:
        store.close()
    reopened = Store.open(path, KEY)
    try:
        assert reopened.migrate() == []
    finally:
        reopened.close()


def test_live_count_reads_only_the_live_index(migrated: Store) -> None:
    # v10: the window's "N entries" at open read the whole entries_by_time index (3.4 MB at 100k).
    sql, params = _live_count_sql()
    plan = query_plan(migrated.conn, sql, params)
    assert any("COVERING INDEX entries_live" in step for step in plan), plan
    live = sum(1 for r in DATA["entries"] if not r.get("trashed_at"))
    assert migrated.count(EntryFilter()) == live and 0 < live < len(DATA["entries"])


def test_list_sorted_by_a_column_walks_its_index(migrated: Store) -> None:
    # v11 (title, tags) and v2: a page in a column's order no longer sorts every live entry.
    from journal.query import INDEXED_SORTS, order_clause, page_where
    from journal.store_entries import SELECT_ENTRIES

    live = [r for r in DATA["entries"] if not r.get("trashed_at")]
    for sort in sorted(INDEXED_SORTS):
        where, params = page_where(EntryFilter(prefix_last=True), sort)
        sql = f"{SELECT_ENTRIES} WHERE {where} ORDER BY {order_clause(sort, True)} LIMIT 5"
        plan = query_plan(migrated.conn, sql, params)
        assert not any("TEMP B-TREE" in step for step in plan), (sort, plan)
        listed = migrated.page(EntryFilter(), limit=len(DATA["entries"]), sort=sort)
        assert len(listed) == len(live)


def _live_count_sql() -> tuple[str, list[object]]:
    from journal.query import where_clause

    where, params = where_clause(EntryFilter())
    return f"SELECT count(*) FROM entries e WHERE {where}", params
