"""Where the journal lives, and keeping it private on disk."""

from __future__ import annotations

import contextlib
import os
import stat
import time
from pathlib import Path

APP_NAME = "Offscript"
DB_NAME = "journal.db"
VAULT_NAME = "vault.json"
BACKUP_DIR = "backups"
# A temporary (".name.tmp") untouched this long belongs to a writer that was killed: a live
# backup or save rewrites its temporary continuously and finishes within seconds.
STALE_TEMP_SECONDS = 10 * 60


def default_journal_dir() -> Path:
    """`--journal` wins over OFFSCRIPT_HOME, which wins over the platform data dir."""
    env = os.environ.get("OFFSCRIPT_HOME")
    if env:
        return Path(env).expanduser()
    from platformdirs import user_data_path  # ~3 ms; only when no folder is given

    return user_data_path(APP_NAME, appauthor=False)


def log_dir() -> Path:
    from platformdirs import user_log_path

    return user_log_path(APP_NAME, appauthor=False)


def make_private_dir(path: Path) -> Path:
    """Create path with mode 0700, and any missing parents too (mkdir gives parents the
    umask's 0755); tighten an existing path."""
    missing = [p for p in (path, *path.parents) if not p.exists()]
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    for created in missing if os.name == "posix" else ():
        with contextlib.suppress(OSError):  # made by someone else meanwhile
            created.chmod(0o700)
    if os.name == "posix" and stat.S_IMODE(path.stat().st_mode) != 0o700:
        path.chmod(0o700)
    return path


def create_private_file(path: Path) -> None:
    """Create an empty file that is 0600 from its first byte (SQLite and shutil would
    create it with the umask's 0644 and leave it so if killed before a chmod)."""
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))


def remove_stale_temporaries(folder: Path) -> list[Path]:
    """Delete temporaries (".*.tmp") a killed save, backup or restore left in the journal
    folder and its backups/ (they can be as large as the journal). Returns what was removed."""
    removed = []
    cutoff = time.time() - STALE_TEMP_SECONDS
    for where in (folder, folder / BACKUP_DIR):
        for tmp in where.glob(".*.tmp") if where.is_dir() else ():
            with contextlib.suppress(OSError):
                if tmp.is_file() and tmp.stat().st_mtime < cutoff:
                    tmp.unlink()
                    removed.append(tmp)
    return removed


def make_private_file(path: Path) -> None:
    if os.name == "posix" and path.exists() and stat.S_IMODE(path.stat().st_mode) != 0o600:
        path.chmod(0o600)


def atomic_write(path: Path, data: bytes) -> None:
    """Write to a temp file, fsync, then rename over the target: all or nothing."""
    tmp = path.with_name(f".{path.name}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        if os.name == "posix":
            os.fchmod(fd, 0o600)  # a leftover temporary keeps its old mode through O_CREAT
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    if os.name == "posix":
        dir_fd = os.open(path.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
