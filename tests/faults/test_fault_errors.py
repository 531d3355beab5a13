"""Broken files, keys, keychains, disks and locks: a clear message, and nothing changed.

Every case runs the real CLI in a subprocess and checks the exit code, a one-line message on
stderr (no traceback, no SQLCipher log noise) and the sha256 of journal.db and vault.json.
Read-only and disk-full are injected at the write layer (tests/faults/fault_cli.py): CI runs
as root, where chmod cannot stop a write.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
import sqlcipher3

from faults.conftest import add_args, assert_clean_failure, cli, fingerprint, key_hex
from journal import Journal
from journal.entries import Entry

PASS = "correct horse battery"


@pytest.fixture
def big(cli_env: dict[str, str]) -> dict[str, str]:
    """A passphrase-mode journal with 300 entries (many pages), closed and checkpointed."""
    folder = Path(cli_env["OFFSCRIPT_HOME"])
    journal, _ = Journal.create(folder, passphrase=PASS)
    journal.add_many([Entry(title=f"entry {i}", tool="Claude", outcome="partly",
                            minutes_without_ai=60, minutes_with_ai=i % 90,
                            prompt=f"prompt {i} " + "words " * 400, tags=["bulk"])
                      for i in range(300)])
    journal.close()
    return {**cli_env, "OFFSCRIPT_PASSPHRASE": PASS}


def corrupt(db: Path, how: str) -> None:
    data = bytearray(db.read_bytes())
    if how == "truncated":
        data = data[: len(data) // 3]
    elif how == "overwritten":
        rnd = __import__("random").Random(7)
        for _ in range(8):
            at = rnd.randrange(4096, len(data) - 4096)
            data[at: at + 512] = rnd.randbytes(512)
    elif how == "header-zeroed":
        data[:4096] = bytes(4096)
    db.write_bytes(bytes(data))


@pytest.mark.parametrize(("how", "code", "phrase"), [
    ("truncated", 4, "is damaged"),
    ("overwritten", 4, "is damaged"),
    ("header-zeroed", 3, "does not open this journal"),
])
def test_corrupt_file_is_reported_and_left_alone(big: dict[str, str], how: str, code: int,
                                                 phrase: str) -> None:
    folder = Path(big["OFFSCRIPT_HOME"])
    corrupt(folder / "journal.db", how)
    before = fingerprint(folder)
    result = cli(big, "list", "--json", "--limit", "100000")
    assert_clean_failure(result, code, phrase, "Nothing was changed")
    if how != "overwritten":  # a write that avoids the damaged pages may still succeed
        assert_clean_failure(cli(big, *add_args("after damage")), code, phrase)
    assert fingerprint(folder) == before


def test_wrong_passphrase(big: dict[str, str]) -> None:
    folder = Path(big["OFFSCRIPT_HOME"])
    before = fingerprint(folder)
    result = cli({**big, "OFFSCRIPT_PASSPHRASE": "not the passphrase"}, *add_args("x"))
    assert_clean_failure(result, 3, "Wrong passphrase", "Nothing was changed")
    assert fingerprint(folder) == before


def test_wrong_key_in_keychain(seeded: dict[str, str]) -> None:
    folder = Path(seeded["OFFSCRIPT_HOME"])
    store = Path(seeded["OFFSCRIPT_TEST_KEYRING"])
    items = json.loads(store.read_text())
    store.write_text(json.dumps({k: "00" * 32 for k in items}))
    before = fingerprint(folder)
    assert_clean_failure(cli(seeded, *add_args("x")), 3, "does not open this journal")
    assert fingerprint(folder) == before


def test_missing_keychain_item(seeded: dict[str, str]) -> None:
    folder = Path(seeded["OFFSCRIPT_HOME"])
    Path(seeded["OFFSCRIPT_TEST_KEYRING"]).write_text("{}")
    before = fingerprint(folder)
    result = cli(seeded, *add_args("x"))
    assert_clean_failure(result, 3, "not in the system keychain", "offscript unlock")
    assert fingerprint(folder) == before


def test_keyring_backend_raising(seeded: dict[str, str]) -> None:
    folder = Path(seeded["OFFSCRIPT_HOME"])
    before = fingerprint(folder)
    env = {**seeded, "PYTHON_KEYRING_BACKEND": "support.memory_keyring.BrokenKeyring"}
    result = cli(env, "list")
    assert_clean_failure(result, 3, "keychain could not be read", "recovery key")
    assert fingerprint(folder) == before


def test_read_only_journal(seeded: dict[str, str]) -> None:
    folder = Path(seeded["OFFSCRIPT_HOME"])
    before = fingerprint(folder)
    result = cli(seeded, "readonly", *add_args("x"), script="fault_cli.py")
    assert_clean_failure(result, 4, "read-only", "Nothing was changed")
    assert fingerprint(folder) == before
    assert cli(seeded, "list").returncode == 0  # reading still works


def test_disk_full_while_adding(seeded: dict[str, str]) -> None:
    folder = Path(seeded["OFFSCRIPT_HOME"])
    before = fingerprint(folder)
    big_prompt = "a long prompt that needs new pages " * 2000
    result = cli(seeded, "disk-full", *add_args("x", "--prompt", big_prompt),
                 script="fault_cli.py")
    assert_clean_failure(result, 4, "disk is full", "Nothing was changed")
    assert fingerprint(folder) == before
    listed = json.loads(cli(seeded, "list", "--json").stdout)
    assert len(listed) == 2


def test_disk_full_while_changing_passphrase(seeded: dict[str, str]) -> None:
    """ENOSPC from fsync while vault.json is rewritten: the old file and keychain item stay."""
    folder = Path(seeded["OFFSCRIPT_HOME"])
    before = fingerprint(folder)
    env = {**seeded, "OFFSCRIPT_NEW_PASSPHRASE": "a brand new passphrase"}
    result = cli(env, "enospc", "passphrase", script="fault_cli.py")
    assert_clean_failure(result, 4, "No space left on device")
    assert fingerprint(folder) == before
    assert not list(folder.glob(".*.tmp"))
    assert cli(seeded, "list").returncode == 0  # still opens from the keychain


def test_second_process_holding_the_journal(seeded: dict[str, str]) -> None:
    folder = Path(seeded["OFFSCRIPT_HOME"])
    before = fingerprint(folder)
    holder = sqlcipher3.connect(str(folder / "journal.db"), isolation_level=None)
    try:
        holder.execute(f"PRAGMA key = \"x'{key_hex(seeded)}'\"")
        holder.execute("PRAGMA busy_timeout = 0")
        holder.execute("BEGIN EXCLUSIVE")
        impatient = {**seeded, "OFFSCRIPT_BUSY_TIMEOUT_MS": "300"}
        result = cli(impatient, *add_args("blocked"))
        assert_clean_failure(result, 4, "another program", "try again", "Nothing was changed")
        # Readers are not blocked (WAL), even with a short wait; only the best-effort checkpoint
        # on close waits for the writer (busy timeout), and then gives up quietly.
        assert cli(impatient, "list").returncode == 0
        holder.execute("ROLLBACK")
    finally:
        holder.close()
    assert fingerprint(folder) == before
    assert os.path.exists(folder / "journal.db")
