"""Issue 11 items 7-10 through the real CLI: honest causes, damaged key files, pipes, leftovers.

Read-only, full and forbidden folders are injected (tests/faults/fault_cli.py): CI runs as
root, where chmod stops nothing and no drive is full. The lock and the broken pipe are real.
"""

from __future__ import annotations

import json
import os
import shutil
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
import sqlcipher3

from faults.conftest import add_args, assert_clean_failure, cli, fingerprint, key_hex, open_again
from journal import Journal
from journal.entries import Entry

PASS = "correct horse battery"


# -- item 7: each cause its own message; only real damage says "damaged" ----------------------
@pytest.mark.parametrize(("fault", "phrase"), [
    ("ro-folder", "read-only"),
    ("full-open", "disk is full"),
    ("no-access", "Permission denied"),
])
def test_cannot_open_is_not_called_damage(seeded: dict[str, str], fault: str,
                                          phrase: str) -> None:
    folder = Path(seeded["OFFSCRIPT_HOME"])
    before = fingerprint(folder)
    for args in (["list"], add_args("x")):
        result = cli(seeded, fault, *args, script="fault_cli.py")
        assert_clean_failure(result, 4, phrase, "Nothing was changed")
        assert "damaged" not in result.stderr and "Restore a backup" not in result.stderr
    assert fingerprint(folder) == before


def test_lock_held_by_another_program_is_a_lock_timeout(seeded: dict[str, str]) -> None:
    """A writer in exclusive locking mode blocks even readers: say so, not "damaged"."""
    folder = Path(seeded["OFFSCRIPT_HOME"])
    holder = sqlcipher3.connect(str(folder / "journal.db"), isolation_level=None)
    try:
        holder.execute(f"PRAGMA key = \"x'{key_hex(seeded)}'\"")
        holder.execute("PRAGMA locking_mode = EXCLUSIVE")
        holder.execute("BEGIN EXCLUSIVE")
        holder.execute("UPDATE entries SET title = title")
        env = {**seeded, "OFFSCRIPT_BUSY_TIMEOUT_MS": "200"}
        for args in (["list"], add_args("blocked")):
            result = cli(env, *args)
            assert_clean_failure(result, 4, "another program", "try again")
            assert "damaged" not in result.stderr
        holder.execute("ROLLBACK")
    finally:
        holder.close()
    assert cli(seeded, "list").returncode == 0


# -- item 8: a damaged vault.json -------------------------------------------------------------
@pytest.fixture(scope="module")
def passphrase_journal_made_once(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """A closed passphrase journal at the shipped scrypt costs (~0.5 s to wrap), made once."""
    folder = tmp_path_factory.mktemp("passphrase-template") / "journal"
    journal, recovery = Journal.create(folder, passphrase=PASS)
    journal.add(Entry(title="kept", tool="Claude", outcome="worked", minutes_without_ai=5,
                      minutes_with_ai=1))
    journal.close()
    return folder, recovery


@pytest.fixture
def passphrase_journal(cli_env: dict[str, str], passphrase_journal_made_once: tuple[Path, str]
                       ) -> tuple[dict[str, str], str]:
    """A copy of that journal (files and modes) for each test to damage."""
    template, recovery = passphrase_journal_made_once
    shutil.copytree(template, cli_env["OFFSCRIPT_HOME"])
    return {**cli_env, "OFFSCRIPT_PASSPHRASE": PASS}, recovery


def _damage(vault: dict[str, object], how: str) -> None:
    wraps = vault["wraps"]
    assert isinstance(wraps, dict)
    if how == "missing-wraps":
        del vault["wraps"]
    elif how == "missing-journal-id":
        del vault["journal_id"]
    elif how == "salt-not-hex":
        wraps["passphrase"]["salt"] = "not hex at all"
    elif how == "absurd-scrypt":
        wraps["passphrase"]["n"] = 2**40
    elif how == "n-not-a-number":
        wraps["passphrase"]["n"] = "lots"
    elif how == "wraps-wrong-type":
        vault["wraps"] = ["passphrase", "recovery"]
    elif how == "mode-unknown":
        vault["mode"] = 7
    elif how == "passphrase-wrap-missing":
        del wraps["passphrase"]
    elif how == "mac-wrong-type":
        wraps["passphrase"]["mac"] = 12345


# Damage confined to the passphrase wrap leaves the recovery key working.
PASSPHRASE_WRAP_ONLY = {"salt-not-hex", "absurd-scrypt", "n-not-a-number",
                        "passphrase-wrap-missing", "mac-wrong-type"}


@pytest.mark.parametrize("how", ["missing-wraps", "missing-journal-id", "salt-not-hex",
                                 "absurd-scrypt", "n-not-a-number", "wraps-wrong-type",
                                 "mode-unknown", "passphrase-wrap-missing", "mac-wrong-type"])
def test_damaged_key_file(passphrase_journal: tuple[dict[str, str], str], how: str) -> None:
    env, recovery = passphrase_journal
    folder = Path(env["OFFSCRIPT_HOME"])
    path = folder / "vault.json"
    vault = json.loads(path.read_text())
    _damage(vault, how)
    path.write_text(json.dumps(vault))
    before = fingerprint(folder)
    result = cli(env, "list")
    assert_clean_failure(result, 4, "key file", "is damaged", "Nothing was changed")
    if how in PASSPHRASE_WRAP_ONLY:
        assert "recovery key may still open it: offscript unlock" in result.stderr
        assert fingerprint(folder) == before
        unlocked = cli({**env, "OFFSCRIPT_PASSPHRASE": "a fresh passphrase 42"},
                       "unlock", "--recovery-key", recovery)
        assert unlocked.returncode == 0, unlocked.stderr
        listed = cli({**env, "OFFSCRIPT_PASSPHRASE": "a fresh passphrase 42"}, "list", "--json")
        assert [e["title"] for e in json.loads(listed.stdout)] == ["kept"]
    else:
        assert fingerprint(folder) == before


# -- item 8: bytes that are not UTF-8, from argv and stdin ---------------------------------------
def test_non_utf8_argument_and_stdin(seeded: dict[str, str]) -> None:
    folder = Path(seeded["OFFSCRIPT_HOME"])
    before = fingerprint(folder)
    head = [sys.executable, "-m", "journal.cli"]
    args = [a.encode() for a in add_args("x")]
    for extra, stdin, field in ([[b"--lesson", b"caf\xe9"], b"", b"lesson"],
                                [[b"--prompt", b"-"], b"\xff\xfe prompt", b"prompt"]):
        result = subprocess.run([*head, *args, *extra], env=seeded, input=stdin,
                                capture_output=True, timeout=60, check=False)
        assert result.returncode == 2, result.stderr
        assert b"Traceback" not in result.stderr and field in result.stderr, result.stderr
    assert fingerprint(folder) == before


# -- item 9: broken pipes ----------------------------------------------------------------------
def test_list_into_a_closed_pipe_stops_quietly(seeded: dict[str, str]) -> None:
    with open_again(seeded) as journal:
        journal.add_many([Entry(title=f"row {i}", tool="Claude", outcome="worked",
                                minutes_without_ai=5, minutes_with_ai=1) for i in range(3000)])
    shell = (f"{sys.executable} -m journal.cli list --limit 3000 | head -n 1; "
             "echo \"status=${PIPESTATUS[0]}\"")
    result = subprocess.run(["bash", "-c", shell], env=seeded, capture_output=True, text=True,
                            timeout=60, check=False)
    assert result.stdout.startswith("ID"), result.stdout
    assert result.stderr == "", result.stderr  # no "[Errno 32] Broken pipe", no traceback
    assert result.stdout.strip().endswith(("status=0", "status=141")), result.stdout


# -- item 10: stale temporaries and file modes ----------------------------------------------------
def test_stale_temporaries_are_removed_at_open(seeded: dict[str, str]) -> None:
    folder = Path(seeded["OFFSCRIPT_HOME"])
    (folder / "backups").mkdir(exist_ok=True)
    stale = [folder / "backups" / ".journal-20261120-140000-pre-restore.db.tmp",
             folder / ".vault.json.tmp", folder / ".journal.db.tmp"]
    an_hour_ago = time.time() - 3600
    for path in stale:
        path.write_bytes(b"x" * 4096)
        os.utime(path, (an_hour_ago, an_hour_ago))
    busy = folder / "backups" / ".journal-20261128-070000-daily.db.tmp"  # being written now
    busy.write_bytes(b"y")
    keep = folder / "notes.tmp"  # not ours: left alone
    keep.write_text("mine")
    assert cli(seeded, "list").returncode == 0
    assert [p for p in stale if p.exists()] == []
    assert busy.exists() and keep.exists()


def test_backup_killed_midway_leaves_only_a_private_temporary(seeded: dict[str, str]) -> None:
    folder = Path(seeded["OFFSCRIPT_HOME"])
    old = os.umask(0o022)
    try:
        killed = cli(seeded, "kill-in-backup", "backup", script="fault_cli.py")
    finally:
        os.umask(old)
    assert killed.returncode == 137, killed.stderr
    left = list((folder / "backups").glob(".*.tmp"))
    assert len(left) == 1 and left[0].stat().st_size > 0
    assert oct(stat.S_IMODE(left[0].stat().st_mode)) == oct(0o600)
    later = time.time() - 3600  # as if the next open came an hour later
    os.utime(left[0], (later, later))
    assert cli(seeded, "list").returncode == 0
    assert not left[0].exists()


def test_every_file_the_cli_creates_is_private(seeded: dict[str, str], tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        env = {**seeded}
        out = tmp_path / "out"
        out.mkdir()
        assert cli(env, "backup").returncode == 0
        assert cli(env, "dump", "-o", str(out / "all.json")).returncode == 0
        assert cli(env, "export", "-o", str(out / "summary.md")).returncode in (0, 2)
        backups = sorted((Path(env["OFFSCRIPT_HOME"]) / "backups").glob("*.db"))
        assert backups
        restored = cli(env, "restore", str(backups[0]))
        assert restored.returncode == 0, restored.stderr
    finally:
        os.umask(old)
    created = [p for root in (Path(env["OFFSCRIPT_HOME"]), out) for p in root.rglob("*")]
    loose = {str(p): oct(stat.S_IMODE(p.stat().st_mode)) for p in created
             if stat.S_IMODE(p.stat().st_mode) not in ((0o700,) if p.is_dir() else (0o600,))}
    assert loose == {}
