"""Key safety (issue 11, items 1, 2, 4, 5, 6): concurrent key changes, a recovery key that is
shown before it counts, the recovery key off the command line, no implicit journals, and the
passphrase policy."""

from __future__ import annotations

import json
import multiprocessing
import os
import select
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from support.cli import run_cli

from journal import Journal
from journal import vault as vault_mod
from journal.errors import LockedError, OffscriptError
from journal.paths import VAULT_NAME
from journal.vault import Vault, check_passphrase, unwrap

PASS = "correct horse battery"


def run(env: dict[str, str], *args: str, stdin: str | None = None,
        **kw: Any) -> subprocess.CompletedProcess[str]:
    """The CLI in-process; a real subprocess when a test gives it its own stdout (a full device,
    a closed pipe), which only a real file descriptor can be."""
    if not kw:
        return run_cli(env, *args, stdin=stdin)
    return subprocess.run([sys.executable, "-m", "journal.cli", *args], env=env, input=stdin,
                          text=True, timeout=120, check=False, **kw)


def recovery_from(text: str) -> str:
    return next(line.strip() for line in text.splitlines() if line.strip().count("-") == 7)


@pytest.fixture
def pass_env(cli_env: dict[str, str]) -> dict[str, str]:
    """A passphrase-mode journal made with `init`; its recovery key in env['RECOVERY']."""
    env = {**cli_env, "OFFSCRIPT_PASSPHRASE": PASS}
    made = run(env, "init", "--passphrase")
    assert made.returncode == 0, made.stderr
    return {**env, "RECOVERY": recovery_from(made.stdout + made.stderr)}


# -- 1. concurrent key changes ---------------------------------------------------------------
def _change_worker(folder: str, recovery: str, kind: str, *, rounds: int, barrier: Any,
                   results: Any) -> None:
    # Opened once, like the app or a long command: the vault it holds goes stale.
    journal = Journal.open(Path(folder), recovery_key=recovery)
    for n in range(rounds):
        barrier.wait(timeout=60)
        try:
            if kind == "passphrase":
                secret = f"round {n} passphrase {os.getpid()}"
                journal.use_passphrase(secret)
            else:
                secret = journal.new_recovery_key()
            results.put((n, kind, secret))
        except Exception as exc:  # reported, so the parent fails with the reason
            results.put((n, kind, f"ERROR {exc!r}"))
    journal.close()


def test_concurrent_passphrase_and_recovery_changes_all_take_effect(
        pass_env: dict[str, str], monkeypatch: pytest.MonkeyPatch) -> None:
    # Cheap scrypt keeps 20 rounds quick; the forked workers inherit it.
    monkeypatch.setattr(vault_mod, "PASSPHRASE_COST", 2**10)
    folder = pass_env["OFFSCRIPT_HOME"]
    rounds = 20
    ctx = multiprocessing.get_context("fork")
    barrier, results = ctx.Barrier(3), ctx.Queue()
    workers = [ctx.Process(target=_change_worker, args=(folder, pass_env["RECOVERY"], kind),
                           kwargs={"rounds": rounds, "barrier": barrier, "results": results})
               for kind in ("passphrase", "recovery")]
    for w in workers:
        w.start()
    lost = []
    try:
        for n in range(rounds):
            barrier.wait(timeout=60)
            got = dict((kind, secret) for _n, kind, secret in
                       (results.get(timeout=60) for _ in workers))
            assert not any(s.startswith("ERROR") for s in got.values()), got
            vault = Vault.load(Path(folder) / VAULT_NAME)
            if unwrap(vault.wraps["passphrase"], got["passphrase"]) is None:
                lost.append((n, "passphrase"))
            if unwrap(vault.wraps["recovery"],
                      vault_mod.normalize_recovery_key(got["recovery"])) is None:
                lost.append((n, "recovery key"))
    finally:
        for w in workers:
            w.join(timeout=60)
            if w.is_alive():
                w.kill()
    assert lost == [], f"secrets reported as set that do not open the journal: {lost}"


# -- 2. a recovery key that could not be written out changes nothing --------------------------
@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_recovery_key_to_a_full_device_keeps_the_old_key(pass_env: dict[str, str]) -> None:
    with open("/dev/full", "w") as full:
        result = run(pass_env, "recovery-key", stdout=full, stderr=subprocess.PIPE)
    assert result.returncode == 4, result.stderr
    assert "old recovery key still works" in result.stderr
    with Journal.open(Path(pass_env["OFFSCRIPT_HOME"]), recovery_key=pass_env["RECOVERY"]):
        pass


def test_recovery_key_into_a_closed_pipe_keeps_the_old_key(pass_env: dict[str, str]) -> None:
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        result = run(pass_env, "recovery-key", stdout=write_end, stderr=subprocess.PIPE)
    finally:
        os.close(write_end)
    assert result.returncode != 0
    with Journal.open(Path(pass_env["OFFSCRIPT_HOME"]), recovery_key=pass_env["RECOVERY"]):
        pass


def test_recovery_key_shown_is_the_one_that_works(pass_env: dict[str, str]) -> None:
    result = run(pass_env, "recovery-key")
    assert result.returncode == 0, result.stderr
    new = recovery_from(result.stdout)
    folder = Path(pass_env["OFFSCRIPT_HOME"])
    with Journal.open(folder, recovery_key=new):
        pass
    with pytest.raises(LockedError):
        Journal.open(folder, recovery_key=pass_env["RECOVERY"])


# -- 4. the recovery key off the command line ---------------------------------------------------
def test_unlock_reads_the_recovery_key_from_stdin_or_environment(pass_env: dict[str, str]) -> None:
    env = {**pass_env, "OFFSCRIPT_PASSPHRASE": "a fresh long passphrase"}
    by_stdin = run(env, "unlock", "--recovery-key", "-", stdin=pass_env["RECOVERY"] + "\n")
    assert by_stdin.returncode == 0, by_stdin.stderr
    assert "warning" not in by_stdin.stderr.lower()
    by_env = run({**env, "OFFSCRIPT_RECOVERY_KEY": pass_env["RECOVERY"]}, "unlock")
    assert by_env.returncode == 0, by_env.stderr
    by_arg = run(env, "unlock", "--recovery-key", pass_env["RECOVERY"])
    assert by_arg.returncode == 0, by_arg.stderr
    assert "process list" in by_arg.stderr
    none = run(env, "unlock", stdin="")
    assert none.returncode == 2 and "OFFSCRIPT_RECOVERY_KEY" in none.stderr


def _read_until(fd: int, marker: bytes, timeout: float = 60) -> bytes:
    seen, deadline = b"", time.monotonic() + timeout
    while marker not in seen:
        ready, _, _ = select.select([fd], [], [], max(0.0, deadline - time.monotonic()))
        if not ready:
            raise AssertionError(f"no {marker!r} within {timeout} s; got {seen!r}")
        seen += os.read(fd, 4096)
    return seen


@pytest.mark.skipif(sys.platform == "win32", reason="needs a POSIX pseudo-terminal")
def test_unlock_asks_for_the_recovery_key_at_a_terminal(pass_env: dict[str, str]) -> None:
    import fcntl
    import termios

    master, slave = os.openpty()

    def own_terminal() -> None:  # getpass reads /dev/tty: make the pty our controlling terminal
        fcntl.ioctl(0, termios.TIOCSCTTY, 0)

    proc = subprocess.Popen(
        [sys.executable, "-m", "journal.cli", "unlock", "--keychain"], env=pass_env, stdin=slave,
        stdout=subprocess.PIPE, stderr=slave, start_new_session=True,
        preexec_fn=own_terminal)  # noqa: PLW1509 - the only way to give the child a terminal
    os.close(slave)
    try:
        _read_until(master, b"Recovery key:")
        os.write(master, pass_env["RECOVERY"].encode() + b"\n")
        out, _ = proc.communicate(timeout=60)
    finally:
        proc.kill()
        os.close(master)
    assert proc.returncode == 0
    assert b"Recovery key accepted" in out


# -- 5. no implicit journals ----------------------------------------------------------------
@pytest.mark.parametrize("args", [
    ("add", "--title", "x", "--tool", "y", "--outcome", "worked", "--without", "5", "--with", "1"),
    ("list",),
    ("recovery-key",),
])
def test_commands_on_a_missing_journal_say_how_to_create_one(cli_env: dict[str, str],
                                                            args: tuple[str, ...]) -> None:
    result = run(cli_env, *args)
    assert result.returncode == 2, result.stderr
    assert "offscript init" in result.stderr
    assert not Path(cli_env["OFFSCRIPT_HOME"]).exists()


def test_init_prints_the_recovery_key_on_stdout(cli_env: dict[str, str]) -> None:
    made = run(cli_env, "init")
    assert made.returncode == 0, made.stderr
    assert recovery_from(made.stdout)


# -- 6. passphrase policy --------------------------------------------------------------------
@pytest.mark.parametrize("weak", [" " * 8, " \t  \n   ", "short", "  abc12  ", "password1",
                                  "iloveyou", "PASSWORD123", "qwertyuiop"])
def test_weak_passphrases_are_rejected(weak: str) -> None:
    with pytest.raises(OffscriptError) as err:
        check_passphrase(weak)
    assert err.value.exit_code == 2


@pytest.mark.parametrize("weak", [" " * 8, "short", "password1"])
def test_init_with_a_weak_passphrase_is_invalid_input(cli_env: dict[str, str], weak: str) -> None:
    result = run({**cli_env, "OFFSCRIPT_PASSPHRASE": weak}, "init", "--passphrase")
    assert result.returncode == 2, result.stderr
    assert not Path(cli_env["OFFSCRIPT_HOME"]).exists()


@pytest.mark.real_kdf
def test_new_passphrase_wraps_use_scrypt_2_17(pass_env: dict[str, str]) -> None:
    wrap = json.loads((Path(pass_env["OFFSCRIPT_HOME"]) / VAULT_NAME).read_text())["wraps"]
    assert wrap["passphrase"]["n"] >= 2**17


@pytest.mark.real_kdf
def test_old_cheap_wrap_is_rewrapped_on_unlock(journal_dir: Path) -> None:
    journal, _ = Journal.create(journal_dir, passphrase=PASS)
    journal.close()
    path = journal_dir / VAULT_NAME
    data = json.loads(path.read_text())
    key = unwrap(data["wraps"]["passphrase"], PASS)
    assert key is not None
    data["wraps"]["passphrase"] = vault_mod.wrap(key, PASS, 2**15)  # as older versions wrote it
    path.write_text(json.dumps(data))
    Journal.open(journal_dir, passphrase=PASS).close()
    rewrapped = json.loads(path.read_text())["wraps"]["passphrase"]
    assert rewrapped["n"] >= 2**17
    assert unwrap(rewrapped, PASS) == key
