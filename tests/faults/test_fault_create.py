"""Creating a journal is all or nothing: SIGKILL at random moments of `offscript init` and of the
first-run dialog leaves nothing or a complete journal, and the next try creates it cleanly. A
cut-short journal.db beside a valid vault is damage (exit 4), never replaced."""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from support.cli import run_cli

from faults.conftest import FAULTS_DIR, assert_clean_failure, cli, open_again
from journal import Journal
from journal.creation import staging_dir
from journal.paths import DB_NAME, VAULT_NAME

SEED = 20261128
CLI_TRIALS, GUI_TRIALS = 20, 10


def _state(folder: Path) -> str:
    """'complete' (opens), 'nothing' or 'unfinished' (a staging folder only); else fail."""
    if (folder / DB_NAME).exists():
        assert (folder / VAULT_NAME).exists(), "journal.db without vault.json"
        return "complete"
    return "unfinished" if staging_dir(folder).exists() else "nothing"


def _opens_empty(env: dict[str, str]) -> None:
    journal = open_again(env)
    try:
        assert journal.count() == 0
    finally:
        journal.close()


def _calibrate(argv: list[str], env: dict[str, str]) -> float:
    started = time.monotonic()
    subprocess.run(argv, env=env, capture_output=True, timeout=120, check=True)
    return (time.monotonic() - started) * 1.1


@pytest.mark.slow
def test_killed_cli_init_leaves_nothing_or_a_journal(cli_env: dict[str, str],
                                                     tmp_path: Path) -> None:
    rng = random.Random(SEED)
    argv = [sys.executable, "-m", "journal.cli", "init"]
    span = _calibrate(argv, {**cli_env, "OFFSCRIPT_HOME": str(tmp_path / "calibrate")})
    seen: Counter[str] = Counter()
    for trial in range(CLI_TRIALS):
        folder = tmp_path / f"j{trial}"
        env = {**cli_env, "OFFSCRIPT_HOME": str(folder)}
        proc = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL,
                                stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.0, span))
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=30)
        state = _state(folder)
        seen[state if proc.returncode == -signal.SIGKILL else "finished"] += 1
        if state == "complete":
            _opens_empty(env)
        # The next try and a listing: in-process (the killed init above is the real process),
        # ~0.2 s of CPU less per trial than two more interpreters.
        again = run_cli(env, "init")
        assert again.returncode == 0, (trial, state, again.stderr)
        listed = run_cli(env, "list")
        assert listed.returncode == 0, (trial, state, listed.stderr)
        assert not staging_dir(folder).exists() or state == "complete"
        _opens_empty(env)
    print(f"\nCLI init kills: {dict(seen)}")
    assert seen["unfinished"] + seen["complete"] > 0, f"no kill hit the creation itself: {seen}"


@pytest.mark.slow
def test_killed_first_run_leaves_nothing_or_a_journal(cli_env: dict[str, str],
                                                      tmp_path: Path) -> None:
    from ui.access.startup import needs_first_run

    rng = random.Random(SEED + 1)
    argv = [sys.executable, str(FAULTS_DIR / "first_run_app.py")]
    seen: Counter[str] = Counter()
    spans: list[float] = []
    for trial in range(GUI_TRIALS):
        folder = tmp_path / f"g{trial}"
        env = {**cli_env, "OFFSCRIPT_HOME": str(folder)}
        proc = subprocess.Popen(argv, env=env, stdout=subprocess.PIPE,
                                stderr=subprocess.DEVNULL, text=True)
        assert proc.stdout is not None and proc.stdout.readline().strip() == "READY"
        started = time.monotonic()
        # The creation itself takes a few tens of ms: kill across it and a bit beyond.
        time.sleep(rng.uniform(0.0, max(spans, default=0.3) * 1.2))
        proc.send_signal(signal.SIGKILL)
        out, _ = proc.communicate(timeout=30)
        if "CREATED" in out:
            spans.append(time.monotonic() - started)
        state = _state(folder)
        seen[state if proc.returncode == -signal.SIGKILL else "finished"] += 1
        if state == "complete":
            _opens_empty(env)
            assert not needs_first_run(folder)
            continue
        assert needs_first_run(folder), (trial, state)  # the next start shows the welcome again
        done = subprocess.run(argv, env=env, capture_output=True, text=True, timeout=120,
                              check=False)
        assert "CREATED" in done.stdout, (trial, state, done.stdout, done.stderr)
        _opens_empty(env)
    print(f"\nfirst-run kills: {dict(seen)}")


@pytest.mark.parametrize("size", [0, 1000])
def test_cut_short_database_is_damage_not_a_new_journal(cli_env: dict[str, str],
                                                        size: int) -> None:
    assert cli(cli_env, "init").returncode == 0
    db = Path(cli_env["OFFSCRIPT_HOME"]) / DB_NAME
    with db.open("r+b") as handle:
        handle.truncate(size)
    for command in (["list"], ["add", "--title", "t", "--tool", "x", "--outcome", "worked",
                               "--without", "1", "--with", "1"]):
        assert_clean_failure(cli(cli_env, *command), 4, "damaged")
    assert cli(cli_env, "init").returncode == 0  # "already exists": it creates nothing
    assert db.stat().st_size == size
    with pytest.raises(Exception, match="damaged"):
        open_again(cli_env)
    assert Journal.exists(db.parent)
