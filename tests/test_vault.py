"""Key modes: keychain, passphrase, recovery key; wrong secrets change nothing."""

from __future__ import annotations

import hashlib
from pathlib import Path

import keyring
import pytest
from keyring.backends import fail
from support.memory_keyring import BrokenKeyring, MemoryKeyring

from journal import Journal, LockedError, PassphraseRequired
from journal.errors import ValidationError
from journal.paths import DB_NAME, VAULT_NAME
from journal.vault import SERVICE, keychain_status, normalize_recovery_key

PASS = "correct horse battery"


def _digest(folder: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _seed(journal: Journal) -> str:
    entry = journal.add({"title": "Seed", "tool": "T", "outcome": "worked",
                         "minutes_without_ai": 5, "minutes_with_ai": 1})
    return entry.id


def test_keychain_mode_stores_one_item_per_journal(journal_dir: Path) -> None:
    backend = keyring.get_keyring()
    assert isinstance(backend, MemoryKeyring)
    journal, recovery = Journal.create(journal_dir)
    entry_id = _seed(journal)
    journal.close()
    assert journal.mode == "keychain"
    assert list(backend.items) == [(SERVICE, journal.vault.journal_id)]
    assert len(recovery.split("-")) == 8 and all(len(g) == 5 for g in recovery.split("-"))
    with Journal.open(journal_dir) as reopened:
        assert reopened.get(entry_id).title == "Seed"


def test_no_keychain_requires_passphrase(journal_dir: Path) -> None:
    keyring.set_keyring(fail.Keyring())
    assert keychain_status()[0] is False
    with pytest.raises(LockedError, match="choose a passphrase"):
        Journal.create(journal_dir)
    assert not journal_dir.exists()
    journal, _ = Journal.create(journal_dir, passphrase=PASS)
    _seed(journal)
    journal.close()
    with pytest.raises(PassphraseRequired):
        Journal.open(journal_dir)
    with Journal.open(journal_dir, passphrase=PASS) as reopened:
        assert reopened.count() == 1


def test_wrong_passphrase_leaves_files_byte_for_byte(journal_dir: Path) -> None:
    journal, _ = Journal.create(journal_dir, passphrase=PASS)
    _seed(journal)
    journal.close()
    before = _digest(journal_dir)
    for wrong in ("wrong horse battery", PASS.upper(), ""):
        with pytest.raises(LockedError, match="Wrong passphrase"):
            Journal.open(journal_dir, passphrase=wrong)
    assert _digest(journal_dir) == before


def test_wrong_key_at_sqlcipher_level_changes_nothing(journal_dir: Path) -> None:
    from journal.store import Store
    journal, _ = Journal.create(journal_dir, passphrase=PASS)
    _seed(journal)
    journal.close()
    before = _digest(journal_dir)
    with pytest.raises(LockedError, match="does not open this journal"):
        Store.open(journal_dir / DB_NAME, b"\x01" * 32)
    assert _digest(journal_dir) == before


def test_recovery_key_after_keychain_item_lost(journal_dir: Path) -> None:
    journal, recovery = Journal.create(journal_dir)
    entry_id = _seed(journal)
    journal.close()
    keyring.set_keyring(MemoryKeyring())  # the keychain item is gone
    with pytest.raises(LockedError, match="recovery key"):
        Journal.open(journal_dir)
    with pytest.raises(LockedError):
        Journal.open(journal_dir, recovery_key="AAAAA-" * 7 + "AAAAA")
    spaced = recovery.replace("-", " ").lower().replace("0", "o")
    with Journal.open(journal_dir, recovery_key=spaced) as recovered:
        recovered.use_passphrase("a brand new passphrase")
        assert recovered.get(entry_id).title == "Seed"
    with Journal.open(journal_dir, passphrase="a brand new passphrase") as reopened:
        assert reopened.count() == 1
        reopened.use_keychain()
    with Journal.open(journal_dir) as again:
        assert again.mode == "keychain"
    with Journal.open(journal_dir, recovery_key=recovery) as still:  # recovery key survives
        assert still.count() == 1


def test_broken_keychain_is_a_clear_locked_error(journal_dir: Path) -> None:
    journal, _ = Journal.create(journal_dir)
    journal.close()
    before = _digest(journal_dir)
    keyring.set_keyring(BrokenKeyring())
    with pytest.raises(LockedError, match="keychain could not be read"):
        Journal.open(journal_dir)
    assert _digest(journal_dir) == before


def test_change_passphrase_and_new_recovery_key(journal_dir: Path) -> None:
    journal, old_recovery = Journal.create(journal_dir, passphrase=PASS)
    new_recovery = journal.new_recovery_key()
    journal.use_passphrase("second passphrase!")
    journal.close()
    with pytest.raises(LockedError):
        Journal.open(journal_dir, passphrase=PASS)
    with pytest.raises(LockedError):
        Journal.open(journal_dir, recovery_key=old_recovery)
    Journal.open(journal_dir, recovery_key=new_recovery).close()
    Journal.open(journal_dir, passphrase="second passphrase!").close()


def test_short_passphrase_rejected(journal_dir: Path) -> None:
    with pytest.raises(ValidationError, match="at least 8"):  # invalid input: exit 2
        Journal.create(journal_dir, passphrase="short")
    assert not journal_dir.exists()


def test_files_and_dirs_are_private(journal_dir: Path) -> None:
    journal, _ = Journal.create(journal_dir)
    _seed(journal)
    journal.close()
    assert journal_dir.stat().st_mode & 0o777 == 0o700
    for name in (DB_NAME, VAULT_NAME):
        assert (journal_dir / name).stat().st_mode & 0o777 == 0o600


def test_recovery_key_normalisation() -> None:
    with pytest.raises(LockedError, match="8 groups of 5"):
        normalize_recovery_key("ABC")
    assert normalize_recovery_key("abcde-fghjk-mnpqr-stvwx-yz012-34567-89abc-defgh") == \
        "ABCDEFGHJKMNPQRSTVWXYZ0123456789ABCDEFGH"
