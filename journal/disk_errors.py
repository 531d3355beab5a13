"""Telling a full, read-only or locked disk apart from a damaged journal.

SQLite reports several unrelated causes with the same words ("unable to open database file",
"disk I/O error"), so when it does we ask the file system what is wrong. Only a file that was
read and found inconsistent is called damaged: telling someone to restore a backup when their
disk is merely full or read-only sends them the wrong way.
"""

from __future__ import annotations

import errno
import os
from pathlib import Path

from journal.errors import StorageError

NOTHING_CHANGED = "Nothing was changed."
# Words SQLite uses when the bytes it read make no sense: the only causes we call damage.
_DAMAGE_WORDS = ("malformed", "corrupt", "not a database", "file is encrypted")


def read_only(folder: Path) -> StorageError:
    return StorageError(
        f"The journal folder {folder} is read-only (a read-only drive, mount or snapshot?). "
        f"{NOTHING_CHANGED} Make it writable, or copy the journal to a writable place.")


def disk_full(folder: Path) -> StorageError:
    return StorageError(
        f"The disk is full: no space left for {folder} (No space left on device). "
        f"{NOTHING_CHANGED} Free some space and try again.")


def permission_denied(path: Path) -> StorageError:
    return StorageError(
        f"Permission denied for {path}. {NOTHING_CHANGED} The journal's files must belong to "
        "you (check the owner and permissions of the file and its folder).")


def lock_timeout() -> StorageError:
    return StorageError(
        "The journal is busy: another program (another Offscript window or command?) is "
        f"writing to it; try again in a moment. {NOTHING_CHANGED}")


def damaged(path: Path, exc: BaseException) -> StorageError:
    return StorageError(
        f"The journal file {path} is damaged ({exc}). {NOTHING_CHANGED} Restore a backup: "
        "offscript backup --list, then offscript restore FILE.")


def probe(path: Path) -> StorageError | None:
    """What the file system says is wrong with path (a file or folder), if anything."""
    folder = path if path.is_dir() else path.parent
    try:
        fs = os.statvfs(folder)
    except OSError:
        fs = None
    if fs is not None and fs.f_flag & os.ST_RDONLY:
        return read_only(folder)
    if fs is not None and fs.f_bavail == 0:
        return disk_full(folder)
    if path.exists() and not os.access(path, os.R_OK | os.W_OK):
        return permission_denied(path)
    if not os.access(folder, os.W_OK):
        return permission_denied(folder)
    return None


def from_os_error(exc: OSError, path: Path | None = None) -> StorageError:
    """A StorageError for an OSError, in words that say which of the usual causes it is."""
    where = Path(exc.filename) if exc.filename else path
    if exc.errno == errno.EROFS:
        return read_only(where.parent if where else Path("."))
    if exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return disk_full(where.parent if where else Path("."))
    if exc.errno in (errno.EACCES, errno.EPERM):
        return permission_denied(where or Path("."))
    return StorageError(f"{exc.strerror or exc}{f': {where}' if where else ''}. {NOTHING_CHANGED}")


def from_sqlite_error(path: Path, exc: BaseException) -> StorageError:
    """Classify an SQLite error raised while reading or writing the journal at path."""
    text = str(exc).lower()
    if "locked" in text or "busy" in text:
        return lock_timeout()
    if "full" in text:
        return disk_full(path.parent)
    if "readonly" in text or "read-only" in text:
        return read_only(path.parent)
    if any(word in text for word in _DAMAGE_WORDS):
        return damaged(path, exc)
    # "unable to open database file", "disk I/O error", …: ask the file system.
    found = probe(path)
    if found is not None:
        return found
    return StorageError(f"The journal file {path} could not be read or written ({exc}). "
                        f"{NOTHING_CHANGED} Check the drive it is on, then try again.")
