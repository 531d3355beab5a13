"""Journal: the one facade the CLI and the desktop app call. Holds no UI and no SQL of its own:
every query lives in the store (journal/store.py and its parts store_entries.py, store_queries.py)."""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterable, Iterator, Mapping
from datetime import timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

from journal import creation
from journal.entries import Entry, now_local, validate_fields
from journal.errors import LockedError, StorageError
from journal.folder_state import FolderState, folder_state
from journal.paths import DB_NAME, VAULT_NAME, remove_stale_temporaries
from journal.query import EntryFilter
from journal.store import Store
from journal.vault import (
    KEY_BYTES,
    Vault,
    check_passphrase,
    keychain_status,
    new_recovery_key,
    no_keychain_message,
)

if TYPE_CHECKING:
    from journal.backup import Backups
    from journal.conversations.inbox import ConversationInbox
    from journal.stats import Stats, Totals
    from journal.templates import Templates

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
        creation.clear_unfinished(folder)  # what a killed creation left, never a real journal
        if not folder_state(folder).empty:
            raise StorageError(f"A journal already exists in {folder}.")
        if passphrase is None:
            usable, detail = keychain_status()
            if not usable:
                raise LockedError(f"{no_keychain_message(detail)}; choose a passphrase instead.")
        else:
            check_passphrase(passphrase)  # before anything is created
        try:
            staging = creation.new_staging(folder)  # all or nothing: see journal/creation.py
        except OSError as exc:
            raise StorageError(f"Cannot create {folder}: {exc}") from exc
        import secrets  # only here: see vault.py on libcrypto

        key = secrets.token_bytes(KEY_BYTES)
        vault = Vault(staging / VAULT_NAME)
        if passphrase is None:
            vault.store_in_keychain(key)
        else:
            vault.set_passphrase(key, passphrase)
        recovery = vault.set_recovery(key)
        vault.save()
        Store.open(staging / DB_NAME, key, create=True).close()
        try:
            creation.publish(folder)
        except OSError as exc:
            raise StorageError(f"Cannot create the journal in {folder}: {exc}") from exc
        vault.path = folder / VAULT_NAME
        return cls(folder, Store.open(folder / DB_NAME, key), vault, key), recovery

    @classmethod
    def open(cls, folder: Path, *, passphrase: str | None = None,
             recovery_key: str | None = None) -> Journal:
        """Unlock an existing journal. Wrong secrets raise LockedError and change nothing."""
        folder = Path(folder)
        if not (folder / DB_NAME).exists():
            raise StorageError(f"No journal in {folder} (missing {DB_NAME}).")
        vault = Vault.load(folder / VAULT_NAME)
        remove_stale_temporaries(folder)
        if recovery_key is not None:
            key = vault.key_from_recovery(recovery_key)
        elif vault.mode == "passphrase":
            if passphrase is None:
                raise PassphraseRequired("This journal is locked with a passphrase.")
            key = vault.key_from_passphrase(passphrase)
        else:
            key = vault.key_from_keychain()
        journal = cls(folder, Store.open(folder / DB_NAME, key), vault, key)
        if vault.backend_changed:  # remember the keychain backend: next opens skip discovery
            record = vault.wraps.get("keychain")
            with contextlib.suppress(StorageError), vault.changing():
                if vault.mode == "keychain" and record is not None:
                    vault.wraps["keychain"] = record
        if recovery_key is None and passphrase is not None:
            # Old, cheaper wraps get today's scrypt cost; a read-only folder or a busy lock
            # only postpones that to the next unlock.
            with contextlib.suppress(StorageError):
                vault.rewrap_if_weak(key, passphrase)
        return journal

    def close(self) -> None:
        self.store.close()

    @property
    def closed(self) -> bool:
        return self.store.closed

    @contextlib.contextmanager
    def reading(self) -> Iterator[Journal]:
        """This journal over a second connection to its file, for reading on a worker thread
        (one SQLite connection is not shared between threads); closed when the block ends."""
        store = Store.open(self.folder / DB_NAME, self._key)
        try:
            yield Journal(self.folder, store, self.vault, self._key)
        finally:
            store.close(checkpoint=False)  # a checkpoint would wait for the main connection

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

    def data_version(self) -> int:
        """A number that changes when another process wrote to the journal (poll it to notice
        entries added by the CLI or a quick log in another process)."""
        return self.store.data_version()

    def search(self, query: str, flt: EntryFilter | None = None, *, limit: int = 100,
               offset: int = 0) -> _List[Entry]:
        return self.list((flt or EntryFilter()).but(query=query), offset=offset, limit=limit)

    def stats(self, flt: EntryFilter | None = None) -> Stats:
        """Dashboard figures, aggregated in SQL under the same filter as search."""
        from journal.stats import compute_stats  # the dashboard's maths; `add` never needs it

        return compute_stats(self.store, flt or EntryFilter())

    def totals(self, flt: EntryFilter | None = None) -> Totals:
        """The headline figures only (time saved, counts): cheaper than stats()."""
        from journal.stats import compute_totals

        return compute_totals(self.store, flt or EntryFilter())

    @property
    def backups(self) -> Backups:
        """Take, list, verify and restore encrypted backups of this journal."""
        from journal.backup import Backups  # lazily: `add` and `list` never back up

        return Backups(self)

    def suggestions(self, column: str) -> _List[str]:
        """Values used before, most frequent first (tool, category, tool_version, tags)."""
        return self.store.distinct(column)

    # A window counts the suggestions on a worker thread (through `reading()`) and hands them
    # to its journal: stamp first, count on the reader, then adopt (refused if anything was
    # written meanwhile, so a stale list is never used).
    def suggestion_stamp(self) -> tuple[int, int]:
        return self.store.suggestion_stamp()

    def count_suggestions(self) -> dict[str, _List[str]]:
        return self.store.count_suggestions()

    def adopt_suggestions(self, stamp: tuple[int, int], values: dict[str, _List[str]]) -> bool:
        return self.store.adopt_suggestions(stamp, values)

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

    # -- sample entries --------------------------------------------------------------------
    def mark_samples(self, entry_ids: Iterable[str]) -> None:
        """Flag entries as made-up samples (schema v7), so removing them never takes the user's."""
        ids = list(entry_ids)
        if ids:
            with self.store.transaction():
                self.store.mark_samples(ids)

    def sample_ids(self) -> _List[str]:
        """Ids of the flagged sample entries outside the Trash, newest first."""
        return self.store.sample_ids()

    def has_samples(self) -> bool:
        """Whether any flagged sample entry is outside the Trash (cheaper than sample_ids)."""
        return self.store.has_samples()

    def purge_expired(self) -> int:
        return self.purge(older_than_days=TRASH_DAYS)

    # -- less typing: chat-export drafts and templates ---------------------------------------
    @property
    def conversations(self) -> ConversationInbox:
        """Drafts from ChatGPT/Claude data exports, waiting to be kept as entries or dropped."""
        from journal.conversations.inbox import ConversationInbox
        return ConversationInbox(self.store)

    @property
    def templates(self) -> Templates:
        """Built-in and the person's own entry templates, and by-hand minute suggestions."""
        from journal.templates import Templates
        return Templates(self.store)

    # -- settings kept inside the encrypted file --------------------------------------------
    def get_setting(self, key: str, default: str | None = None) -> str | None:
        return self.store.get_setting(key, default)

    def set_setting(self, key: str, value: str | None) -> None:
        with self.store.transaction():
            self.store.set_setting(key, value)

    # -- key management --------------------------------------------------------------------
    # Each change is read-modify-write of vault.json under its lock (Vault.changing), so a change
    # made meanwhile by another process (the app, another command) is kept, never overwritten.
    def reload_vault(self) -> None:
        """Re-read vault.json, e.g. before showing how the key is kept."""
        self.vault.reload()

    def use_passphrase(self, passphrase: str) -> None:
        """Keep the key wrapped by a (new) passphrase and drop any keychain item.

        Only the wrap changes, so the recovery key stays valid and the change is one atomic
        write of vault.json.
        """
        check_passphrase(passphrase)
        with self.vault.changing() as vault:
            had_keychain = vault.mode == "keychain"
            vault.set_passphrase(self._key, passphrase)
        if had_keychain:
            self.vault.forget_keychain_item()

    def use_keychain(self) -> None:
        usable, detail = keychain_status()
        if not usable:
            raise LockedError(f"{no_keychain_message(detail)}. Nothing was changed.")
        with self.vault.changing() as vault:
            vault.store_in_keychain(self._key)

    def new_recovery_key(self, show: Callable[[str], object] | None = None) -> str:
        """Replace the recovery key (the old one stops working).

        `show` gets the new key first and must raise if it could not be shown or stored (a full
        disk, a closed pipe, a cancelled dialog): then nothing changes and the old key still works.
        """
        recovery = new_recovery_key()
        if show is not None:
            show(recovery)
        with self.vault.changing() as vault:
            vault.set_recovery(self._key, recovery)
        return recovery
