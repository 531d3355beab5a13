"""Which journal files a folder holds: the one check the CLI and the app's start-up share."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from journal.paths import DB_NAME, VAULT_NAME


@dataclass(frozen=True)
class FolderState:
    folder: Path
    has_db: bool
    has_vault: bool

    @property
    def complete(self) -> bool:
        return self.has_db and self.has_vault

    @property
    def empty(self) -> bool:
        """No journal here yet: a new one may be created without overwriting anything."""
        return not self.has_db and not self.has_vault

    @property
    def missing(self) -> str | None:
        """The file name a half-present journal lacks (None when complete or empty)."""
        if self.complete or self.empty:
            return None
        return VAULT_NAME if self.has_db else DB_NAME

    def creation_unfinished(self) -> bool:
        """A creation was killed here: only its staging folder is left (it never held an entry)."""
        from journal.creation import is_unfinished

        return is_unfinished(self.folder)

    def needs_passphrase(self) -> bool:
        """True when vault.json says the key is wrapped by a passphrase (reads no secret)."""
        from journal.vault import Vault

        return self.has_vault and Vault.load(self.folder / VAULT_NAME).mode == "passphrase"


def folder_state(folder: Path) -> FolderState:
    folder = Path(folder)
    return FolderState(folder, (folder / DB_NAME).exists(), (folder / VAULT_NAME).exists())
