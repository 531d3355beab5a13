"""An exclusive lock between processes on one journal's key file (vault.json).

Every change of the vault is read-modify-write under this lock, so two processes (the app and
`offscript passphrase`, or two commands) cannot each write back their own stale copy.
fcntl.flock on POSIX, msvcrt.locking on Windows; both are released by the OS if the process dies,
so a SIGKILL never leaves the journal locked.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from journal.errors import StorageError

LOCK_TIMEOUT_S = 30.0  # a change takes well under a second; waiting longer means something hangs
_POLL_S = 0.02


def _try_lock(fd: int) -> bool:
    if sys.platform == "win32":
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
        except OSError:
            return False
        return True
    import fcntl

    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _unlock(fd: int) -> None:
    if sys.platform == "win32":
        import msvcrt

        os.lseek(fd, 0, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
    else:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_UN)


@contextmanager
def exclusive(lock_path: Path, timeout: float = LOCK_TIMEOUT_S) -> Iterator[None]:
    """Hold the lock file exclusively for the body; StorageError when it stays taken."""
    try:
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o600)
    except OSError as exc:
        raise StorageError(f"Cannot lock the key file ({lock_path}): {exc}. Nothing was changed.") \
            from exc
    try:
        deadline = time.monotonic() + timeout
        while not _try_lock(fd):
            if time.monotonic() > deadline:
                raise StorageError(
                    "Another Offscript window or command is changing this journal's keys; try "
                    "again in a moment. Nothing was changed.")
            time.sleep(_POLL_S)
        try:
            yield
        finally:
            _unlock(fd)
    finally:
        os.close(fd)
