"""Crash consistency: SIGKILL at random moments loses no add that reported success."""

from __future__ import annotations

import contextlib
import json
import os
import random
import signal
import subprocess
import sys
import time

import pytest

from faults.conftest import FAULTS_DIR, add_args, cli, open_again

SEED = 20261126


def check_journal(env: dict[str, str], promised: set[str]) -> int:
    journal = open_again(env)
    try:
        conn = journal.store.conn
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute(
            "INSERT INTO entries_fts(entries_fts, rank) VALUES ('integrity-check', 1)") is not None
        present = {row[0] for row in conn.execute("SELECT id FROM entries")}
        missing = promised - present
        assert not missing, f"{len(missing)} acknowledged adds lost"
        return len(present)
    finally:
        journal.close()


def kill_after(proc: subprocess.Popen[str], delay: float) -> str:
    time.sleep(delay)
    proc.send_signal(signal.SIGKILL)
    out, _ = proc.communicate(timeout=30)
    return out


@pytest.mark.slow
def test_cli_adds_killed_at_random_keep_every_acknowledged_entry(
        seeded: dict[str, str]) -> None:
    rng = random.Random(SEED)
    promised: set[str] = set()
    started = time.monotonic()  # calibrate: kills spread over one whole add on this machine
    assert json.loads(cli(seeded, *add_args("calibrate", "--json")).stdout)["id"]
    span = (time.monotonic() - started) * 1.1
    trials = 12
    for trial in range(trials):
        proc = subprocess.Popen(
            [sys.executable, "-m", "journal.cli", *add_args(f"cli kill {trial}", "--json")],
            env=seeded, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
        out = kill_after(proc, rng.uniform(0.0, span))
        with contextlib.suppress(ValueError):  # killed before "added": may or may not be there
            promised.add(json.loads(out)["id"])
    total = check_journal(seeded, promised)
    assert total >= 3 + len(promised)
    print(f"CLI kill trials: {trials}, acknowledged {len(promised)}, all present")


@pytest.mark.slow
def test_add_loop_killed_at_random_keeps_every_acknowledged_entry(
        seeded: dict[str, str]) -> None:
    rng = random.Random(SEED + 1)
    promised: set[str] = set()
    trials = 30
    for trial in range(trials):
        proc = subprocess.Popen(
            [sys.executable, str(FAULTS_DIR / "add_driver.py"), str(trial)],
            env=seeded, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "READY", proc.stderr.read() if proc.stderr else ""
        out = kill_after(proc, rng.uniform(0.0, 0.4))
        lines = out.split("\n")
        # The last line may be cut mid-write by the kill; only whole lines count as acknowledged.
        promised.update(line for line in lines[:-1] if line)
        check_journal(seeded, promised)
    assert len(promised) > trials  # the kills really landed among many commits
    print(f"driver kill trials: {trials}, acknowledged adds {len(promised)}, all present")


def test_kill_during_daily_backup_leaves_no_half_file(seeded: dict[str, str]) -> None:
    """A backup is written to a temp name and renamed: a kill never leaves a bad backup."""
    rng = random.Random(SEED + 2)
    code = ("import sys; from pathlib import Path; import os;"
            "from journal import Journal; from journal.backup import create_backup;"
            "j = Journal.open(Path(os.environ['OFFSCRIPT_HOME']));"
            "print('GO', flush=True)\nwhile True: create_backup(j, 'manual', keep=3)")
    for _ in range(4):
        proc = subprocess.Popen([sys.executable, "-c", code], env=seeded, text=True,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        assert proc.stdout is not None and proc.stdout.readline().strip() == "GO"
        kill_after(proc, rng.uniform(0.0, 0.5))
    journal = open_again(seeded)
    try:
        from journal.backup import describe_backups
        infos = describe_backups(journal)
        assert infos and all(i.entries == 2 for i in infos)
    finally:
        journal.close()
    assert os.path.isdir(os.path.join(seeded["OFFSCRIPT_HOME"], "backups"))


@pytest.mark.slow
def test_kill_during_restore_leaves_old_or_new_never_half(seeded: dict[str, str]) -> None:
    """Restore copies pages into the live file in one SQLite transaction: all or nothing."""
    rng = random.Random(SEED + 3)
    code = ("import os, sys; from pathlib import Path; from journal import Entry, Journal;"
            "from journal.backup import create_backup, restore_backup;"
            "j = Journal.open(Path(os.environ['OFFSCRIPT_HOME']));"
            "small = create_backup(j, 'manual', keep=50);"
            "j.add_many([Entry(title=f'big {i}', tool='x', "
            "outcome='worked', minutes_without_ai=1, minutes_with_ai=1, prompt='p ' * 3000) "
            "for i in range(300)]);"
            "big = create_backup(j, 'manual', keep=50);"
            "print('GO', flush=True)\n"
            "while True:\n  restore_backup(j, small); restore_backup(j, big)")
    for _ in range(4):
        proc = subprocess.Popen([sys.executable, "-c", code], env=seeded, text=True,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        assert proc.stdout is not None
        assert proc.stdout.readline().strip() == "GO", proc.stderr.read() if proc.stderr else ""
        kill_after(proc, rng.uniform(0.0, 1.5))
        journal = open_again(seeded)
        try:
            conn = journal.store.conn
            assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
            count = journal.count()
            assert count == 2 or (count - 2) % 300 == 0, count
        finally:
            journal.close()
