"""The encrypted SQLite file: connection, transactions, migrations and settings.

Store holds all SQL. The entry SQL lives in two parts of it, by responsibility:
store_entries.py (single entries by id, trash, the sample flag, the row codec) and
store_queries.py (pages and counts under a filter, suggestions)."""

from __future__ import annotations

import contextlib
import functools
import os
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

import sqlcipher3

from journal import migrations
from journal.disk_errors import damaged, from_sqlite_error
from journal.entries import now_local
from journal.errors import LockedError, StorageError
from journal.paths import BACKUP_DIR, create_private_file, make_private_dir, make_private_file
from journal.store_entries import EntryRows
from journal.store_queries import EntryQueries

if TYPE_CHECKING:
    import sqlite_utils


def _hex_key(key: bytes) -> str:
    if len(key) != 32:
        raise ValueError("journal keys are 32 bytes")
    return "\"x'" + key.hex() + "'\""


def _busy_timeout_ms() -> int:
    """How long a write waits for another process's write to finish before saying so."""
    timeout = os.environ.get("OFFSCRIPT_BUSY_TIMEOUT_MS", "")
    return int(timeout) if timeout.isdigit() else 5000


def _keyed_connect(path: Path, key: bytes) -> sqlcipher3.Connection:
    """A connection to `path` unlocked with `key`. Its busy timeout is sqlite's busy handler for
    every statement, the first read included (the key check), not sqlite3's default 5 s."""
    conn = sqlcipher3.connect(str(path), isolation_level=None, check_same_thread=False,
                              timeout=_busy_timeout_ms() / 1000)
    try:
        # SQLCipher logs decrypt failures to stderr; they reach the user as our errors.
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(f"PRAGMA key = {_hex_key(key)}")
    except sqlcipher3.Error:
        conn.close()
        raise
    return conn


def write_error(exc: sqlcipher3.Error, path: Path) -> StorageError:
    """A clear message for a failed write (busy, full, read-only…); it was rolled back."""
    return from_sqlite_error(path, exc)


# SQLCipher's page size: a journal file, even an empty one, holds at least one whole page.
MIN_FILE_BYTES = 4096


class Store(EntryRows, EntryQueries):
    """One SQLCipher connection to one journal file."""

    def __init__(self, conn: sqlcipher3.Connection, path: Path, key: bytes) -> None:
        self.conn = conn
        self.path = path
        self._key = key  # memory only: for a worker's own connection and for backup copies
        self.closed = False
        self._writes = 0  # own commits; data_version only counts other connections' commits
        self._suggestions: tuple[tuple[int, int], dict[str, list[str]]] | None = None

    @functools.cached_property
    def db(self) -> sqlite_utils.Database:
        """sqlite-utils over this connection, built on first use: only migrations need it, and
        importing it costs ~50 ms that `offscript add` would otherwise pay on every run."""
        import sqlite_utils

        return sqlite_utils.Database(self.conn)

    # -- opening ---------------------------------------------------------------------------
    @classmethod
    def open(cls, path: Path, key: bytes, *, create: bool = False,
             schema: int = migrations.LATEST) -> Store:
        """Open (or create) the file with a raw 256-bit key. Wrong key → LockedError, untouched."""
        exists = path.exists()
        if not exists and not create:
            raise StorageError(f"No journal file at {path}.")
        if exists and create:
            raise StorageError(f"A journal already exists at {path}.")
        if not exists:
            make_private_dir(path.parent)
            create_private_file(path)  # SQLite starts an empty file as a new database
        elif not create and path.stat().st_size < MIN_FILE_BYTES:
            # SQLite would take an empty file for a new database and we would silently create a
            # journal over the user's (lost) data: a cut-short file is damage, not a fresh start.
            raise damaged(path, ValueError(f"only {path.stat().st_size} bytes, less than a page"))
        try:
            conn = _keyed_connect(path, key)
        except sqlcipher3.Error as exc:
            raise from_sqlite_error(path, exc) from exc
        try:
            # The first read proves the key: SQLCipher only decrypts on access, and a wrong key
            # fails here, before anything is written.
            conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        except sqlcipher3.DatabaseError as exc:
            conn.close()
            if "not a database" in str(exc) or "encrypted" in str(exc):
                raise LockedError(
                    "The key does not open this journal (wrong passphrase or key, or the file "
                    "is damaged). Nothing was changed.") from exc
            raise from_sqlite_error(path, exc) from exc
        store = cls(conn, path, key)
        try:
            store._configure()
            if create:
                make_private_file(path)
            store.migrate(schema)
        except sqlcipher3.Error as exc:
            conn.close()
            raise from_sqlite_error(path, exc) from exc
        return store

    def keyed_connection(self, path: Path | None = None) -> sqlcipher3.Connection:
        """Another connection with this journal's key: to the journal file (default; a worker
        thread's own connection, WAL gives it one consistent snapshot) or to a copy that shares
        the key (a backup). The busy timeout is the store's own."""
        return _keyed_connect(path or self.path, self._key)

    def _configure(self) -> None:
        mode = self.conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
        if str(mode).lower() != "wal":
            raise StorageError(f"Could not switch {self.path.name} to WAL mode (got {mode}).")
        # FULL: a commit is on disk before the call returns, so "saved" means saved.
        self.conn.execute("PRAGMA synchronous = FULL")
        self.conn.execute("PRAGMA foreign_keys = ON")

    def close(self, *, checkpoint: bool = True) -> None:
        """checkpoint=False for a second, read-only connection: a TRUNCATE checkpoint would wait
        for the main connection's readers."""
        # Another process may hold the WAL; closing still works without the checkpoint.
        with contextlib.suppress(sqlcipher3.Error):
            if checkpoint:
                self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        self.conn.close()
        self.closed = True
        for suffix in ("-wal", "-shm"):
            make_private_file(self.path.with_name(self.path.name + suffix))

    @contextmanager
    def transaction(self) -> Iterator[None]:
        """BEGIN IMMEDIATE … COMMIT; any error rolls back so the file is as it was."""
        try:
            self.conn.execute("BEGIN IMMEDIATE")
        except sqlcipher3.Error as exc:
            raise write_error(exc, self.path) from exc
        try:
            yield
        except sqlcipher3.Error as exc:  # disk full, read-only, I/O error mid-write
            self._rollback()
            raise write_error(exc, self.path) from exc
        except BaseException:
            self._rollback()
            raise
        try:
            self.conn.execute("COMMIT")
        except sqlcipher3.Error as exc:
            self._rollback()
            raise write_error(exc, self.path) from exc
        finally:
            self._writes += 1

    def _rollback(self) -> None:
        # SQLite may already have rolled back (e.g. after SQLITE_FULL); don't mask the cause.
        if self.conn.in_transaction:
            with contextlib.suppress(sqlcipher3.Error):
                self.conn.execute("ROLLBACK")

    # -- schema ----------------------------------------------------------------------------
    def schema_version(self) -> int:
        if not self.conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' "
                                 "AND name = 'schema_migrations'").fetchone():
            return 0
        row = self.conn.execute("SELECT max(version) FROM schema_migrations").fetchone()
        return int(row[0] or 0)

    def migrate(self, target: int = migrations.LATEST) -> list[int]:
        """Apply pending migrations in order, copying the file first if it holds data."""
        current = self.schema_version()
        if current > migrations.LATEST:
            raise StorageError(
                f"This journal was written by a newer Offscript (schema {current}); update the app.")
        if current >= target:
            return []
        if current > 0:
            self.backup_copy(f"pre-v{current + 1}")
        applied = []
        for version in range(current + 1, target + 1):
            with self.transaction():
                if version == 1:
                    self.conn.execute(
                        "CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, "
                        "applied_at TEXT NOT NULL)")
                migrations.MIGRATIONS[version - 1](self.db)
                self.conn.execute(
                    "INSERT INTO schema_migrations VALUES (?, ?)",
                    (version, now_local().isoformat()))
            applied.append(version)
        return applied

    def backup_copy(self, label: str) -> Path:
        """An exact (still encrypted) copy of the file in backups/, after a WAL checkpoint."""
        folder = make_private_dir(self.path.parent / BACKUP_DIR)
        stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
        target = folder / f"journal-{stamp}-{label}.db"
        self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        target.unlink(missing_ok=True)  # same second, same label: replaced, as before
        create_private_file(target)
        shutil.copyfile(self.path, target)
        make_private_file(target)
        return target

    def data_version(self) -> int:
        """SQLite's PRAGMA data_version: changes when another connection (the CLI, a second
        process) commits to this file; our own writes leave it alone."""
        try:
            return int(self.conn.execute("PRAGMA data_version").fetchone()[0])
        except sqlcipher3.DatabaseError as exc:
            raise damaged(self.path, exc) from exc

    # -- settings kept inside the encrypted file ----------------------------------------------
    def get_setting(self, key: str, default: str | None = None) -> str | None:
        row = self.conn.execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return str(row[0]) if row else default

    def set_setting(self, key: str, value: str | None) -> None:
        if value is None:
            self.conn.execute("DELETE FROM settings WHERE key = ?", (key,))
        else:
            self.conn.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?) "
                "ON CONFLICT(key) DO UPDATE SET value = excluded.value", (key, value))
