"""Journal: the one facade the CLI and the desktop app call. Holds no UI and no SQL of its own."""

from __future__ import annotations

import secrets
from collections.abc import Iterable, Mapping
from datetime import timedelta
from pathlib import Path
from typing import Any

from journal.backup import Backups
from journal.entries import Entry, now_local, validate_fields
from journal.errors import LockedError, StorageError
from journal.folder_state import FolderState, folder_state
from journal.paths import DB_NAME, VAULT_NAME, make_private_dir
from journal.query import EntryFilter
from journal.stats import Stats, Totals, compute_stats, compute_totals
from journal.store import Store
from journal.vault import KEY_BYTES, Vault, keychain_status

TRASH_DAYS = 30
_List = list  # `list` is shadowed by Journal.list inside the class body


class PassphraseRequired(LockedError):
    """The journal is in passphrase mode and no passphrase was given."""


class Journal:
    """An open, unlocked journal. Use Journal.create or Journal.open."""

    def __init__(self, folder: Path, store: Store, vault: Vault, key: bytes) -> None:
        self.folder = folder
        self.store = store
        self.vault = vault
        self._key = key  # kept in memory only, to re-wrap it when the user changes how it's kept

    # -- lifecycle -------------------------------------------------------------------------
    @staticmethod
    def exists(folder: Path) -> bool:
        return folder_state(folder).complete

    @staticmethod
    def keychain_status() -> tuple[bool, str]:
        """(usable, backend) of the system keychain; asks which backend, reads no secret."""
        return keychain_status()

    @staticmethod
    def folder_state(folder: Path) -> FolderState:
        """Which journal files the folder holds (none, both, or one missing)."""
        return folder_state(folder)

    @classmethod
    def create(cls, folder: Path, *, passphrase: str | None = None) -> tuple[Journal, str]:
        """A new journal with a random key: in the keychain, or wrapped by passphrase when given.

        Returns the journal and its recovery key, which is shown to the user once.
        """
        folder = Path(folder)
        if not folder_state(folder).empty:
            raise StorageError(f"A journal already exists in {folder}.")
        if passphrase is None:
            usable, backend = keychain_status()
            if not usable:
                raise LockedError(
                    f"No system keychain is available ({backend}); choose a passphrase instead.")
        try:
            make_private_dir(folder)
        except OSError as exc:
            raise StorageError(f"Cannot create {folder}: {exc}") from exc
        key = secrets.token_bytes(KEY_BYTES)
        vault = Vault(folder / VAULT_NAME)
        if passphrase is None:
            vault.store_in_keychain(key)
        else:
            vault.set_passphrase(key, passphrase)
        recovery = vault.set_recovery(key)
        store = Store.open(folder / DB_NAME, key, create=True)
        try:
            vault.save()
        except StorageError:
            store.close()
            (folder / DB_NAME).unlink(missing_ok=True)
            raise
        return cls(folder, store, vault, key), recovery

    @classmethod
    def open(cls, folder: Path, *, passphrase: str | None = None,
             recovery_key: str | None = None) -> Journal:
        """Unlock an existing journal. Wrong secrets raise LockedError and change nothing."""
        folder = Path(folder)
        if not (folder / DB_NAME).exists():
            raise StorageError(f"No journal in {folder} (missing {DB_NAME}).")
        vault = Vault.load(folder / VAULT_NAME)
        if recovery_key is not None:
            key = vault.key_from_recovery(recovery_key)
        elif vault.mode == "passphrase":
            if passphrase is None:
                raise PassphraseRequired("This journal is locked with a passphrase.")
            key = vault.key_from_passphrase(passphrase)
        else:
            key = vault.key_from_keychain()
        return cls(folder, Store.open(folder / DB_NAME, key), vault, key)

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def mode(self) -> str:
        return self.vault.mode

    # -- entries ---------------------------------------------------------------------------
    def add(self, data: Mapping[str, Any] | Entry) -> Entry:
        entry = data if isinstance(data, Entry) else Entry.from_dict(data)
        with self.store.transaction():
            self.store.insert([entry])
        return entry

    def add_many(self, entries: Iterable[Entry], *, skip_existing: bool = True) -> int:
        """All or nothing: one transaction. Entries whose id exists are skipped (idempotent)."""
        with self.store.transaction():
            return self.store.insert(entries, skip_existing=skip_existing)

    def update(self, entry_id: str, changes: Mapping[str, Any]) -> Entry:
        current = self.store.get(entry_id)
        validate_fields(changes, partial=True)  # names the field before merging
        updated = current.with_changes(changes)
        updated.updated_at = now_local()
        with self.store.transaction():
            self.store.replace(updated)
        return updated

    def get(self, entry_id: str) -> Entry:
        return self.store.get(entry_id)

    def list(self, flt: EntryFilter | None = None, *, offset: int = 0, limit: int = 100,
             sort: str = "occurred_at", descending: bool = True) -> _List[Entry]:
        return self.store.page(flt or EntryFilter(), offset=offset, limit=limit, sort=sort,
                               descending=descending)

    def count(self, flt: EntryFilter | None = None) -> int:
        return self.store.count(flt or EntryFilter())

    def search(self, query: str, flt: EntryFilter | None = None, *, limit: int = 100,
               offset: int = 0) -> _List[Entry]:
        return self.list((flt or EntryFilter()).but(query=query), offset=offset, limit=limit)

    def stats(self, flt: EntryFilter | None = None) -> Stats:
        """Dashboard figures, aggregated in SQL under the same filter as search."""
        return compute_stats(self.store, flt or EntryFilter())

    def totals(self, flt: EntryFilter | None = None) -> Totals:
        """The headline figures only (time saved, counts): cheaper than stats()."""
        return compute_totals(self.store, flt or EntryFilter())

    @property
    def backups(self) -> Backups:
        """Take, list, verify and restore encrypted backups of this journal."""
        return Backups(self)

    def suggestions(self, column: str) -> _List[str]:
        """Values used before, most frequent first (tool, category, tool_version, tags)."""
        return self.store.distinct(column)

    # -- trash -----------------------------------------------------------------------------
    def trash(self, entry_id: str) -> Entry:
        entry = self.store.get(entry_id)
        with self.store.transaction():
            self.store.set_trashed(entry.id, now_local())
        return entry

    def restore(self, entry_id: str) -> Entry:
        entry = self.store.get(entry_id)
        with self.store.transaction():
            self.store.set_trashed(entry.id, None)
        return self.store.get(entry.id)

    def purge(self, entry_ids: Iterable[str] | None = None, *,
              older_than_days: int | None = None) -> int:
        """Delete trashed entries for good: the given ids, those trashed over N days, or all."""
        with self.store.transaction():
            if entry_ids is not None:
                return self.store.purge_trashed(list(entry_ids))
            if older_than_days is not None:
                cutoff = (now_local() - timedelta(days=older_than_days)).isoformat()
                return self.store.purge_trashed(trashed_before=cutoff)
            return self.store.purge_trashed()

    def purge_expired(self) -> int:
        return self.purge(older_than_days=TRASH_DAYS)

    # -- settings kept inside the encrypted file --------------------------------------------
    def get_setting(self, key: str, default: str | None = None) -> str | None:
        return self.store.get_setting(key, default)

    def set_setting(self, key: str, value: str | None) -> None:
        with self.store.transaction():
            self.store.set_setting(key, value)

    # -- key management --------------------------------------------------------------------
    def use_passphrase(self, passphrase: str) -> None:
        """Keep the key wrapped by a (new) passphrase and drop any keychain item.

        Only the wrap changes, so the recovery key stays valid and the change is one atomic
        write of vault.json.
        """
        had_keychain = self.vault.mode == "keychain"
        self.vault.set_passphrase(self._key, passphrase)
        self.vault.save()
        if had_keychain:
            self.vault.forget_keychain_item()

    def use_keychain(self) -> None:
        self.vault.store_in_keychain(self._key)
        self.vault.save()

    def new_recovery_key(self) -> str:
        """Replace the recovery key (the old one stops working)."""
        recovery = self.vault.set_recovery(self._key)
        self.vault.save()
        return recovery
