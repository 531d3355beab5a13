"""Run the CLI with one fault injected at the write layer: `fault_cli.py FAULT [CLI args…]`.

Faults (each simulates what the OS or SQLite would report; the tests run as root, where
chmod cannot make a file read-only, so we inject the errors instead):
  readonly     every write fails with SQLite's "attempt to write a readonly database"
               (PRAGMA query_only on our connection)
  disk-full    the database cannot grow: SQLITE_FULL "database or disk is full"
               (PRAGMA max_page_count pinned to the current size)
  enospc       fsync of any atomically written file (vault.json) fails with ENOSPC
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
    elif fault != "none":
        raise SystemExit(f"unknown fault {fault}")


if __name__ == "__main__":
    inject(sys.argv[1])
    from journal.cli import main
    sys.exit(main(sys.argv[2:]))
