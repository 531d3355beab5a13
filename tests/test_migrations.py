"""Every earlier schema opens and migrates: the v1 fixture, with a copy taken first."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from journal import Journal, StorageError
from journal.migrations import LATEST

FIXTURES = Path(__file__).parent / "fixtures"
V1_PASSPHRASE = "fixture passphrase v1"


@pytest.fixture
def v1_copy(tmp_path: Path) -> Path:
    target = tmp_path / "journal_v1"
    shutil.copytree(FIXTURES / "journal_v1", target)
    return target


def test_v1_fixture_migrates_to_latest(v1_copy: Path) -> None:
    with Journal.open(v1_copy, passphrase=V1_PASSPHRASE) as journal:
        assert journal.store.schema_version() == LATEST
        entries = journal.list(sort="occurred_at", descending=False)
        assert [e.title for e in entries] == ["Summarise support tickets",
                                              "Write regex for invoice ids",
                                              "Draft quarterly report intro"]
        assert [e.net_minutes for e in entries] == [35, -15, 20]  # v3 generated column
        assert journal.search("invoice")[0].tags == ["regex", "billing"]  # FTS index kept
        journal.set_setting("after", "migration")  # v2 settings table
        journal.add({"title": "New", "tool": "T", "outcome": "worked",
                     "minutes_without_ai": 1, "minutes_with_ai": 1})
        assert journal.count() == 4
    backups = list((v1_copy / "backups").glob("journal-*-pre-v2.db"))
    assert len(backups) == 1
    # The copy is the untouched v1 file: still encrypted, opens with the same key at v1.
    assert backups[0].read_bytes()[:16] == (FIXTURES / "journal_v1" / "journal.db").read_bytes()[:16]


def test_reopening_migrated_journal_applies_nothing(v1_copy: Path) -> None:
    Journal.open(v1_copy, passphrase=V1_PASSPHRASE).close()
    with Journal.open(v1_copy, passphrase=V1_PASSPHRASE) as journal:
        assert journal.store.migrate() == []
    assert len(list((v1_copy / "backups").iterdir())) == 1


def test_newer_schema_is_refused(v1_copy: Path) -> None:
    with Journal.open(v1_copy, passphrase=V1_PASSPHRASE) as journal:
        journal.store.conn.execute("INSERT INTO schema_migrations VALUES (99, 'future')")
    with pytest.raises(StorageError, match="newer Offscript"):
        Journal.open(v1_copy, passphrase=V1_PASSPHRASE)
