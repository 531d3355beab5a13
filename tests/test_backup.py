"""Encrypted backups: take, rotate, daily, restore (API, CLI and dialog)."""

from __future__ import annotations

import hashlib
import json
import os
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from support import init_journal
from support.cli import run_cli

from journal import Journal
from journal.backup import (
    create_backup,
    describe_backups,
    inspect_backup,
    list_backups,
    maybe_daily_backup,
    restore_backup,
)
from journal.errors import LockedError, StorageError

CANARY = "CANARY-b4ckup-5e1f-do-not-leak"


def entry(title: str, **extra: Any) -> dict[str, Any]:
    return {"title": title, "tool": "Claude", "outcome": "worked", "minutes_without_ai": 30,
            "minutes_with_ai": 10, **extra}


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def fill(journal: Journal, n: int, prefix: str = "entry") -> list[str]:
    return [journal.add(entry(f"{prefix} {i}", prompt=f"{CANARY} {i}")).id for i in range(n)]


def test_backup_is_encrypted_with_the_same_key_and_private(journal: Journal) -> None:
    fill(journal, 5)
    path = create_backup(journal)
    assert path.parent == journal.folder / "backups"
    data = path.read_bytes()
    assert CANARY.encode() not in data and b"SQLite format 3" not in data
    assert inspect_backup(journal, path) == 5
    assert oct(path.stat().st_mode & 0o777) == "0o600"
    assert not list(path.parent.glob(".*tmp"))


def test_rotation_keeps_newest_and_never_drops_pre_migration_copies(journal: Journal) -> None:
    fill(journal, 1)
    folder = journal.folder / "backups"
    folder.mkdir(exist_ok=True)
    old = datetime(2020, 1, 1)
    for day in range(6):  # older backups, as if taken on earlier days
        stamp = (old + timedelta(days=day)).strftime("%Y%m%d-%H%M%S")
        (folder / f"journal-{stamp}-daily.db").write_bytes(b"x")
    (folder / f"journal-{old:%Y%m%d-%H%M%S}-pre-v2.db").write_bytes(b"x")
    newest = create_backup(journal, "manual", keep=3)
    names = [b.path.name for b in list_backups(folder)]
    assert newest.name == names[0]
    assert len([n for n in names if "-pre-v" not in n]) == 3
    assert any("-pre-v2" in n for n in names)


def test_daily_backup_once_a_day_and_not_for_an_empty_journal(journal: Journal) -> None:
    assert maybe_daily_backup(journal) is None  # nothing to keep yet
    fill(journal, 2)
    first = maybe_daily_backup(journal, keep=10)
    assert first is not None and first.name.endswith("-daily.db")
    assert maybe_daily_backup(journal) is None
    journal.set_setting("backup.keep", "2")
    for _ in range(3):
        create_backup(journal, "manual")
    assert len(list_backups(journal.folder / "backups")) == 2


def test_restore_brings_back_every_entry_and_keeps_the_current_file(journal: Journal) -> None:
    kept = fill(journal, 40)
    journal.trash(kept[0])
    path = create_backup(journal)
    before = {e.id: e.to_dict() for e in journal.list(limit=1000)}
    extra = fill(journal, 3, "later")
    journal.update(kept[1], {"title": "changed after the backup"})
    journal.purge()
    count, safety = restore_backup(journal, path)
    assert count == 40
    after = {e.id: e.to_dict() for e in journal.list(limit=1000)}
    assert after == before
    assert journal.get(kept[0]).trashed_at is not None
    assert all(i not in after for i in extra)
    assert inspect_backup(journal, safety) == 42  # what we had before the restore
    assert journal.store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    journal.close()
    with Journal.open(journal.folder) as reopened:
        assert {e.id for e in reopened.list(limit=1000)} == set(before)


def test_restore_refuses_another_journals_backup_and_damaged_files(
        journal: Journal, tmp_path: Path) -> None:
    fill(journal, 3)
    other, _ = Journal.create(tmp_path / "other")
    fill(other, 1)
    foreign = create_backup(other)
    other.close()
    journal.store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db = journal.folder / "journal.db"
    digest = sha(db)
    with pytest.raises(LockedError, match="does not open with this journal's key"):
        restore_backup(journal, foreign)
    good = create_backup(journal)
    damaged = good.with_name("journal-20200101-000000-manual.db")
    data = bytearray(good.read_bytes())
    data[len(data) // 2: len(data) // 2 + 64] = os.urandom(64)
    damaged.write_bytes(bytes(data))
    with pytest.raises((StorageError, LockedError)):
        restore_backup(journal, damaged)
    with pytest.raises(StorageError, match="No backup file"):
        restore_backup(journal, tmp_path / "missing.db")
    journal.store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    assert sha(db) == digest
    assert journal.count() == 3
    infos = {i.path.name: i.entries for i in describe_backups(journal)}
    assert infos[good.name] == 3 and infos[damaged.name] in (None, 3)


def test_cli_backup_list_and_restore(cli_env: dict[str, str]) -> None:
    init_journal(cli_env)
    for title in ("one", "two"):
        assert run_cli(cli_env, "add", "--title", title, "--tool", "X", "--outcome", "worked",
                       "--without", "5", "--with", "1").returncode == 0
    made = run_cli(cli_env, "backup", "--json")
    assert made.returncode == 0, made.stderr
    backup = Path(json.loads(made.stdout)["file"])
    run_cli(cli_env, "add", "--title", "three", "--tool", "X", "--outcome", "worked",
            "--without", "5", "--with", "1")
    listed = json.loads(run_cli(cli_env, "backup", "--list", "--json").stdout)
    assert [b["entries"] for b in listed] == [2]
    restored = run_cli(cli_env, "restore", backup.name)
    assert restored.returncode == 0, restored.stderr
    assert "Restored 2 entries" in restored.stdout
    titles = {e["title"] for e in json.loads(run_cli(cli_env, "list", "--json").stdout)}
    assert titles == {"one", "two"}
    bad = run_cli(cli_env, "restore", "/etc/hostname")
    assert bad.returncode == 3 and "does not open" in bad.stderr
    assert "Traceback" not in bad.stderr


def test_restore_dialog_lists_and_restores(journal: Journal, qtbot: Any,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    from ui.backups.restore_dialog import ENTRIES, RestoreDialog
    from ui.infra import alerts

    shown: list[str] = []
    monkeypatch.setattr(alerts, "_show", lambda *a, **k: shown.append(a[2]))
    monkeypatch.setattr(alerts, "ask", lambda *a, **k: 0)
    fill(journal, 4)
    create_backup(journal)
    fill(journal, 2, "later")
    dialog = RestoreDialog(journal)
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 1
    assert dialog.model.index(0, ENTRIES).data() == "4"
    with qtbot.waitSignal(dialog.restored) as signal:
        assert dialog.restore_selected()
    assert signal.args == [4] and journal.count() == 4
    assert dialog.model.rowCount() == 2  # plus the pre-restore copy
    assert shown == ["Backup restored"]


def test_backup_on_a_worker_thread_while_the_app_writes(journal: Journal) -> None:
    import threading

    fill(journal, 30)
    made: list[Path] = []
    worker = threading.Thread(target=lambda: made.append(create_backup(journal, "daily")))
    worker.start()
    fill(journal, 10, "during")
    worker.join(timeout=60)
    assert made and 30 <= inspect_backup(journal, made[0]) <= 40
    assert journal.count() == 40


def test_restore_dialog_has_no_empty_band(journal: Journal, qtbot: Any) -> None:
    from ui.backups.restore_dialog import RestoreDialog

    fill(journal, 2)
    create_backup(journal)
    dialog = RestoreDialog(journal)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    table = dialog.table
    used = table.horizontalHeader().height() + sum(
        table.rowHeight(r) for r in range(dialog.model.rowCount()))
    assert table.viewport().height() + table.horizontalHeader().height() - used \
        < 2 * table.verticalHeader().defaultSectionSize()  # at most a row of slack
    assert dialog.height() < 300
