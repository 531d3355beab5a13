"""Encrypted backups of the journal: take, rotate, list, verify and restore.

A backup is `VACUUM INTO` of the live database: a consistent, compact copy written by SQLite
itself (never a copy of a file that a WAL may still be changing), encrypted with the same key as
the journal. Restoring runs SQLite's online backup API from the copy into the live connection,
so the switch is one transaction: it happens entirely or not at all, even if the process dies.
"""

from __future__ import annotations

import contextlib
import os
import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

import sqlcipher3

from journal import migrations
from journal.errors import LockedError, OffscriptError, StorageError
from journal.paths import BACKUP_DIR, create_private_file, make_private_dir, make_private_file

if TYPE_CHECKING:  # the facade imports this module for journal.backups
    from journal.api import Journal

DEFAULT_KEEP = 10
KEEP_SETTING = "backup.keep"
# journal-YYYYmmdd-HHMMSS[-n]-label.db; labels pre-vN come from migrations and are never rotated.
_NAME = re.compile(r"^journal-(\d{8}-\d{6})(?:-(\d+))?-([a-z0-9-]+)\.db$")
_ROTATED = ("daily", "manual", "pre-restore")


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    created: datetime
    label: str
    size: int
    entries: int | None = None  # None when the copy does not open with this journal's key


def backup_folder(journal: Journal) -> Path:
    return journal.folder / BACKUP_DIR


def keep_count(journal: Journal) -> int:
    """How many rotated backups to keep (setting backup.keep, default 10, at least 1)."""
    raw = journal.get_setting(KEEP_SETTING)
    try:
        return max(1, int(raw)) if raw else DEFAULT_KEEP
    except ValueError:
        return DEFAULT_KEEP


def _parse(path: Path) -> BackupInfo | None:
    match = _NAME.match(path.name)
    if not match:
        return None
    created = datetime.strptime(match.group(1), "%Y%m%d-%H%M%S")
    try:
        size = path.stat().st_size
    except OSError:
        return None
    return BackupInfo(path, created, match.group(3), size)


def list_backups(folder: Path) -> list[BackupInfo]:
    """Backups in a journal's backups/ folder, newest first (no files opened)."""
    found = [info for p in (folder.glob("journal-*.db") if folder.is_dir() else [])
             if (info := _parse(p)) is not None]
    return sorted(found, key=lambda i: (i.created, i.path.name), reverse=True)


def _target(folder: Path, label: str) -> Path:
    stamp = datetime.now().strftime("%Y%m%d-%H%M%S")
    target = folder / f"journal-{stamp}-{label}.db"
    n = 1
    while target.exists():
        n += 1
        target = folder / f"journal-{stamp}-{n}-{label}.db"
    return target


def _fsync(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _own_connection(journal: Journal) -> sqlcipher3.Connection:
    """A second connection to the journal file, so a backup can run on a worker thread while
    the app keeps using journal.store (WAL: the copy reads one consistent snapshot)."""
    return journal.store.keyed_connection()


def create_backup(journal: Journal, label: str = "manual", *, keep: int | None = None) -> Path:
    """Write an encrypted, consistent copy to backups/; then keep only the newest `keep`.

    Uses its own connection: safe to call from a worker thread (5 s for 100k entries).
    """
    if not re.fullmatch(r"[a-z0-9-]+", label):
        raise ValueError(f"bad backup label {label!r}")
    keep = keep if keep is not None else keep_count(journal)
    try:
        folder = make_private_dir(backup_folder(journal))
        target = _target(folder, label)
        tmp = target.with_name(f".{target.name}.tmp")
        tmp.unlink(missing_ok=True)
        create_private_file(tmp)  # VACUUM INTO fills an empty file and keeps its 0600 mode
        conn = _own_connection(journal)
        try:  # VACUUM INTO keeps the main database's cipher and key (checked by the tests).
            conn.execute("VACUUM INTO ?", (str(tmp),))
        finally:
            conn.close()
        make_private_file(tmp)
        _fsync(tmp)
        os.replace(tmp, target)
        if os.name == "posix":
            _fsync(folder)
    except (OSError, sqlcipher3.Error) as exc:
        with contextlib.suppress(UnboundLocalError, OSError):
            tmp.unlink(missing_ok=True)
        raise StorageError(f"Could not write a backup: {exc}") from exc
    rotate(folder, keep)
    return target


def rotate(folder: Path, keep: int) -> list[Path]:
    """Delete the oldest daily/manual/pre-restore backups beyond `keep`; pre-migration ones stay."""
    rotated = [b for b in list_backups(folder) if b.label in _ROTATED]
    removed = []
    for info in rotated[max(1, keep):]:
        with contextlib.suppress(OSError):
            info.path.unlink()
            removed.append(info.path)
    return removed


def maybe_daily_backup(journal: Journal, keep: int | None = None) -> Path | None:
    """Take today's backup unless one exists (called at app start). Returns the new file or None.

    Cheap when there is nothing to do; when there is, it reads the whole file on its own
    connection, so call it on a worker thread for large journals (pass `keep` from there).
    """
    today = date.today()
    if any(b.label == "daily" and b.created.date() == today
           for b in list_backups(backup_folder(journal))):
        return None
    conn = _own_connection(journal)
    try:
        empty = not conn.execute("SELECT EXISTS (SELECT 1 FROM entries)").fetchone()[0]
    except sqlcipher3.Error as exc:
        raise StorageError(f"Could not read the journal for a backup: {exc}") from exc
    finally:
        conn.close()
    if empty:
        return None  # nothing worth keeping yet
    return create_backup(journal, "daily", keep=keep)


def inspect_backup(journal: Journal, path: Path, *, check: bool = True) -> int:
    """Entry count of a backup, after checking it opens with this journal's key and is intact.

    Raises LockedError (another key) or StorageError (damaged, not a journal, newer schema).
    Reads only: the copy is attached to the open connection, which shares the journal's key.
    """
    path = Path(path)
    if not path.is_file():
        raise StorageError(f"No backup file at {path}.")
    conn = journal.store.conn
    wrong_key = (f"{path.name} does not open with this journal's key (it belongs to another "
                 "journal, is not a journal, or is damaged). Nothing was changed.")
    try:
        conn.execute("ATTACH DATABASE ? AS bk", (str(path),))
    except sqlcipher3.DatabaseError as exc:
        raise LockedError(wrong_key) from exc
    except sqlcipher3.Error as exc:
        raise StorageError(f"Cannot read the backup {path.name}: {exc}") from exc
    try:
        try:
            conn.execute("SELECT count(*) FROM bk.sqlite_master").fetchone()
        except sqlcipher3.DatabaseError as exc:
            raise LockedError(wrong_key) from exc
        try:
            problems = ([r[0] for r in conn.execute("PRAGMA bk.integrity_check(5)")]
                        if check else ["ok"])
            tables = {r[0] for r in conn.execute("SELECT name FROM bk.sqlite_master")}
            if problems != ["ok"]:
                raise StorageError(f"The backup {path.name} is damaged ({problems[0]}). "
                                   "Nothing was changed.")
            if not {"entries", "schema_migrations"} <= tables:
                raise StorageError(f"{path.name} is not an Offscript journal. Nothing was changed.")
            version = conn.execute("SELECT max(version) FROM bk.schema_migrations").fetchone()[0]
            if int(version or 0) > migrations.LATEST:
                raise StorageError(f"{path.name} was written by a newer Offscript; update first.")
            return int(conn.execute("SELECT count(*) FROM bk.entries").fetchone()[0])
        except sqlcipher3.Error as exc:
            raise StorageError(f"The backup {path.name} is damaged ({exc}). "
                               "Nothing was changed.") from exc
    finally:
        with contextlib.suppress(sqlcipher3.Error):
            conn.execute("DETACH DATABASE bk")


def describe_backups(journal: Journal) -> list[BackupInfo]:
    """list_backups plus the entry count of each (None where a copy does not open).

    Skips the full integrity check (restore_backup runs it) so listing stays quick.
    """
    described = []
    for info in list_backups(backup_folder(journal)):
        try:
            count: int | None = inspect_backup(journal, info.path, check=False)
        except OffscriptError:
            count = None
        described.append(BackupInfo(info.path, info.created, info.label, info.size, count))
    return described


def restore_backup(journal: Journal, path: Path) -> tuple[int, Path]:
    """Replace the journal's contents with a backup. Returns (entries restored, safety copy).

    The backup is verified first (key, integrity, schema); the current contents are backed up
    to a "pre-restore" copy; then SQLite's backup API copies the pages into the live file in one
    transaction, and any migrations the older copy needs run as usual.
    """
    path = Path(path)
    count = inspect_backup(journal, path)
    safety = create_backup(journal, "pre-restore")
    live = journal.store.conn
    try:
        # The same data key as the live file (checked by inspect_backup above).
        source = journal.store.keyed_connection(path)
    except sqlcipher3.Error as exc:
        raise StorageError(f"Cannot read the backup {path.name}: {exc}") from exc
    try:
        source.backup(live)
    except sqlcipher3.Error as exc:
        raise StorageError(f"Restore failed; the journal is unchanged ({exc}).") from exc
    finally:
        source.close()
        journal.store.forget_cached()
    try:
        journal.store.migrate()
        live.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except sqlcipher3.Error as exc:
        raise StorageError(f"The restored copy could not be brought up to date: {exc}. "
                           f"Your previous journal is saved as {safety.name}.") from exc
    return count, safety


class Backups:
    """A journal's backups, reached as `journal.backups`: the one door for the app and the CLI."""

    def __init__(self, journal: Journal) -> None:
        self.journal = journal

    @property
    def folder(self) -> Path:
        return backup_folder(self.journal)

    def keep(self) -> int:
        return keep_count(self.journal)

    def set_keep(self, keep: int) -> None:
        """Stored in the journal (setting backup.keep), shared by the CLI and the app."""
        self.journal.set_setting(KEEP_SETTING, str(keep))

    def create(self, label: str = "manual", *, keep: int | None = None) -> Path:
        return create_backup(self.journal, label, keep=keep)

    def maybe_daily(self, keep: int | None = None) -> Path | None:
        return maybe_daily_backup(self.journal, keep)

    def describe(self) -> list[BackupInfo]:
        return describe_backups(self.journal)

    def inspect(self, path: Path, *, check: bool = True) -> int:
        return inspect_backup(self.journal, path, check=check)

    def restore(self, path: Path) -> tuple[int, Path]:
        return restore_backup(self.journal, path)
