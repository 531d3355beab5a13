"""Creating a journal is all or nothing, even if the process is killed half-way.

Both files are built in a private staging folder inside the target (`.creating`), then moved into
place: vault.json first, journal.db last. Renaming journal.db is the moment the journal exists;
the staging folder is removed only after it. So a killed creation leaves either a complete
journal, or the staging folder (perhaps with vault.json already moved): `clear_unfinished`
recognises that by the staging folder and removes it, and the next creation starts clean. A
vault.json without journal.db and without the staging folder is someone's damaged journal and
is never touched.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from pathlib import Path

from journal.paths import DB_NAME, VAULT_NAME, make_private_dir

STAGING = ".creating"


def staging_dir(folder: Path) -> Path:
    return folder / STAGING


def is_unfinished(folder: Path) -> bool:
    """A creation was killed here: the staging folder is left and journal.db is not in place."""
    return staging_dir(folder).is_dir() and not (folder / DB_NAME).exists()


def clear_unfinished(folder: Path) -> bool:
    """Remove what a killed creation left (it never held an entry). True when it did."""
    if not is_unfinished(folder):
        return False
    vault = folder / VAULT_NAME
    if vault.exists():
        _forget_key(vault)
        vault.unlink()
    shutil.rmtree(staging_dir(folder))
    return True


def _forget_key(vault_path: Path) -> None:
    """The half-made journal's keychain item would otherwise stay behind, unused."""
    from journal.errors import OffscriptError
    from journal.vault import Vault

    with contextlib.suppress(OffscriptError):
        vault = Vault.load(vault_path)
        if vault.mode == "keychain":
            vault.forget_keychain_item()


def new_staging(folder: Path) -> Path:
    make_private_dir(folder)
    staging = staging_dir(folder)
    if staging.exists():
        shutil.rmtree(staging)
    return make_private_dir(staging)


def publish(folder: Path) -> None:
    """Move the staged files into place, journal.db last; then drop the staging folder."""
    staging = staging_dir(folder)
    os.replace(staging / VAULT_NAME, folder / VAULT_NAME)
    _fsync_dir(folder)
    os.replace(staging / DB_NAME, folder / DB_NAME)  # from here on, the journal exists
    _fsync_dir(folder)
    shutil.rmtree(staging)


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
