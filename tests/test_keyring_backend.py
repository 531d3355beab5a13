"""The vault records the keyring backend its key went to and imports it directly next time,
skipping keyring's entry-point discovery; it falls back to discovery when the record fails."""

from __future__ import annotations

from pathlib import Path

import keyring
import keyring.backend
import keyring.core
import pytest
from support.memory_keyring import FileKeyring, MemoryKeyring

from journal.api import Journal
from journal.vault import Vault

FILE_BACKEND = "support.memory_keyring.FileKeyring"


@pytest.fixture
def file_keyring(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> FileKeyring:
    monkeypatch.setenv("OFFSCRIPT_TEST_KEYRING", str(tmp_path / "keyring.json"))
    backend = FileKeyring()
    keyring.set_keyring(backend)
    return backend


def no_explicit_backend(monkeypatch: pytest.MonkeyPatch, discovered: list[int]) -> None:
    """A fresh process with no configured backend; records each discovery run."""
    monkeypatch.delenv("PYTHON_KEYRING_BACKEND", raising=False)
    monkeypatch.setattr(keyring.core, "_keyring_backend", None)
    monkeypatch.setattr(keyring.core, "load_config", lambda: None)

    def discover() -> list[keyring.backend.KeyringBackend]:
        discovered.append(1)
        return [FileKeyring()]

    monkeypatch.setattr(keyring.backend, "get_all_keyring", discover)


def test_create_records_the_backend_and_open_imports_it_without_discovery(
        journal_dir: Path, file_keyring: FileKeyring, monkeypatch: pytest.MonkeyPatch) -> None:
    journal, _ = Journal.create(journal_dir)
    journal.close()
    assert Vault.load(journal_dir / "vault.json").keychain_backend == FILE_BACKEND
    discovered: list[int] = []
    no_explicit_backend(monkeypatch, discovered)
    Journal.open(journal_dir).close()
    assert discovered == []


def test_a_record_that_cannot_load_falls_back_to_discovery_and_is_corrected(
        journal_dir: Path, file_keyring: FileKeyring, monkeypatch: pytest.MonkeyPatch) -> None:
    Journal.create(journal_dir)[0].close()
    vault_file = journal_dir / "vault.json"
    vault = Vault.load(vault_file)
    vault.wraps["keychain"] = {"backend": "no_such_module.Keyring"}
    vault.save()
    discovered: list[int] = []
    no_explicit_backend(monkeypatch, discovered)
    Journal.open(journal_dir).close()
    assert discovered == [1]
    assert Vault.load(vault_file).keychain_backend == FILE_BACKEND


def test_key_missing_from_the_recorded_backend_is_looked_up_by_discovery(
        journal_dir: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    memory = MemoryKeyring()
    keyring.set_keyring(memory)
    Journal.create(journal_dir)[0].close()
    vault_file = journal_dir / "vault.json"
    vault = Vault.load(vault_file)
    vault.wraps["keychain"] = {"backend": FILE_BACKEND}  # recorded, but the key is elsewhere
    vault.save()
    monkeypatch.setenv("OFFSCRIPT_TEST_KEYRING", str(tmp_path / "empty.json"))
    monkeypatch.delenv("PYTHON_KEYRING_BACKEND", raising=False)
    monkeypatch.setattr(keyring.core, "_keyring_backend", None)
    monkeypatch.setattr(keyring.core, "load_config", lambda: None)
    monkeypatch.setattr(keyring.backend, "get_all_keyring", lambda: [memory])
    Journal.open(journal_dir).close()
    assert Vault.load(vault_file).keychain_backend == "support.memory_keyring.MemoryKeyring"


def test_passphrase_mode_drops_the_record(journal_dir: Path, file_keyring: FileKeyring) -> None:
    journal, _ = Journal.create(journal_dir)
    journal.use_passphrase("a long enough passphrase")
    journal.close()
    assert Vault.load(journal_dir / "vault.json").keychain_backend is None
