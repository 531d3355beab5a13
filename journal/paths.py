"""Where the journal lives, and keeping it private on disk."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from platformdirs import user_data_path, user_log_path

APP_NAME = "Offscript"
DB_NAME = "journal.db"
VAULT_NAME = "vault.json"
BACKUP_DIR = "backups"


def default_journal_dir() -> Path:
    """`--journal` wins over OFFSCRIPT_HOME, which wins over the platform data dir."""
    env = os.environ.get("OFFSCRIPT_HOME")
    if env:
        return Path(env).expanduser()
    return user_data_path(APP_NAME, appauthor=False)


def log_dir() -> Path:
    return user_log_path(APP_NAME, appauthor=False)


def make_private_dir(path: Path) -> Path:
    """Create path (and parents) with mode 0700; tighten an existing one."""
    path.mkdir(parents=True, exist_ok=True, mode=0o700)
    if os.name == "posix" and stat.S_IMODE(path.stat().st_mode) != 0o700:
        path.chmod(0o700)
    return path


def make_private_file(path: Path) -> None:
    if os.name == "posix" and path.exists() and stat.S_IMODE(path.stat().st_mode) != 0o600:
        path.chmod(0o600)


def atomic_write(path: Path, data: bytes) -> None:
    """Write to a temp file, fsync, then rename over the target: all or nothing."""
    tmp = path.with_name(f".{path.name}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
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
