"""Run the CLI with one fault injected at the write layer: `fault_cli.py FAULT [CLI args…]`.

Faults (each simulates what the OS or SQLite would report; the tests run as root, where
chmod cannot make a file read-only, so we inject the errors instead):
  readonly     every write fails with SQLite's "attempt to write a readonly database"
               (PRAGMA query_only on our connection)
  disk-full    the database cannot grow: SQLITE_FULL "database or disk is full"
               (PRAGMA max_page_count pinned to the current size)
  enospc       fsync of any atomically written file (vault.json) fails with ENOSPC
  ro-folder    opening fails as SQLite reports a read-only folder it cannot create the WAL in
               ("unable to open database file"), and statvfs says the mount is read-only
  full-open    the same at open, on a file system with no free blocks (statvfs f_bavail = 0)
  no-access    the same at open, for a file the user may not read (os.access says no)
  kill-in-backup  the process dies (os._exit) the moment VACUUM INTO has written the backup's
               temporary, before anything else runs: what a kill during backup/restore leaves
  none         no fault (control)
"""

from __future__ import annotations

import errno
import os
import sys


def inject(fault: str) -> None:
    from journal import paths
    from journal.store import Store

    configure = Store._configure

    if fault == "readonly":
        def readonly(self: Store) -> None:
            configure(self)
            self.conn.execute("PRAGMA query_only = ON")
        Store._configure = readonly  # type: ignore[method-assign]
    elif fault == "disk-full":
        def full(self: Store) -> None:
            configure(self)
            pages = self.conn.execute("PRAGMA page_count").fetchone()[0]
            self.conn.execute(f"PRAGMA max_page_count = {pages}")
        Store._configure = full  # type: ignore[method-assign]
    elif fault == "enospc":
        class _Os:
            def __getattr__(self, name: str) -> object:
                return getattr(os, name)

            @staticmethod
            def fsync(fd: int) -> None:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
        paths.os = _Os()  # type: ignore[assignment]
    elif fault in ("ro-folder", "full-open", "no-access"):
        _cannot_open(fault)
    elif fault == "kill-in-backup":
        _die_after_vacuum()
    elif fault != "none":
        raise SystemExit(f"unknown fault {fault}")


def _die_after_vacuum() -> None:
    import sqlcipher3

    from journal import store

    class DiesAfterVacuum(sqlcipher3.Connection):  # type: ignore[misc]
        def execute(self, sql: str, *args: object) -> sqlcipher3.Cursor:
            cursor = super().execute(sql, *args)
            if sql.startswith("VACUUM INTO"):
                os._exit(137)
            return cursor

    real_connect = sqlcipher3.connect

    class _Sqlcipher:
        def __getattr__(self, name: str) -> object:
            return getattr(sqlcipher3, name)

        @staticmethod
        def connect(*args: object, **kwargs: object) -> sqlcipher3.Connection:
            return real_connect(*args, factory=DiesAfterVacuum, **kwargs)

    store.sqlcipher3 = _Sqlcipher()  # backups connect through Store.keyed_connection  # type: ignore[assignment]


def _cannot_open(fault: str) -> None:
    """SQLite's CANTOPEN on the first read, plus what the file system would say about it."""
    import sqlcipher3

    from journal import disk_errors, store

    class CannotOpen(sqlcipher3.Connection):  # type: ignore[misc]
        def execute(self, sql: str, *args: object) -> sqlcipher3.Cursor:
            if sql.startswith("SELECT count(*) FROM sqlite_master"):
                raise sqlcipher3.OperationalError("unable to open database file")
            return super().execute(sql, *args)

    real_connect = sqlcipher3.connect

    class _Sqlcipher:
        def __getattr__(self, name: str) -> object:
            return getattr(sqlcipher3, name)

        @staticmethod
        def connect(*args: object, **kwargs: object) -> sqlcipher3.Connection:
            return real_connect(*args, factory=CannotOpen, **kwargs)

    store.sqlcipher3 = _Sqlcipher()  # type: ignore[assignment]
    real_statvfs = os.statvfs

    class _Fs:
        def __init__(self, result: os.statvfs_result) -> None:
            self.f_flag = result.f_flag | (os.ST_RDONLY if fault == "ro-folder" else 0)
            self.f_bavail = 0 if fault == "full-open" else result.f_bavail

    class _Os:
        def __getattr__(self, name: str) -> object:
            return getattr(os, name)

        @staticmethod
        def statvfs(path: object) -> _Fs:
            return _Fs(real_statvfs(path))  # type: ignore[arg-type]

        @staticmethod
        def access(path: object, mode: int) -> bool:
            return fault != "no-access"

    disk_errors.os = _Os()  # type: ignore[assignment]


if __name__ == "__main__":
    inject(sys.argv[1])
    from journal.cli import main
    sys.exit(main(sys.argv[2:]))
