"""Keyring backends for tests: never the real keychain.

MemoryKeyring keeps secrets in a dict (in-process tests). FileKeyring keeps them in a JSON file
named by OFFSCRIPT_TEST_KEYRING so subprocess CLI tests can share one "keychain".
BrokenKeyring raises on every call, like a locked or erroring OS keychain.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from keyring.backend import KeyringBackend
from keyring.errors import KeyringError, PasswordDeleteError


class MemoryKeyring(KeyringBackend):
    priority = 5  # type: ignore[assignment]  # stands in for a secure OS keychain (> 1)

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.items.pop((service, username), None) is None:
            raise PasswordDeleteError("not found")


class FileKeyring(KeyringBackend):
    priority = 5  # type: ignore[assignment]  # stands in for a secure OS keychain (> 1)

    @property
    def _path(self) -> Path:
        return Path(os.environ["OFFSCRIPT_TEST_KEYRING"])

    def _load(self) -> dict[str, str]:
        return json.loads(self._path.read_text()) if self._path.exists() else {}

    def _save(self, data: dict[str, str]) -> None:
        # Atomic like a real keychain: a CLI killed mid-write (tests/faults) must not leave an
        # empty file that the next run cannot parse.
        temp = self._path.with_name(self._path.name + f".{os.getpid()}.tmp")
        temp.write_text(json.dumps(data))
        os.replace(temp, self._path)

    def get_password(self, service: str, username: str) -> str | None:
        return self._load().get(f"{service}/{username}")

    def set_password(self, service: str, username: str, password: str) -> None:
        data = self._load()
        data[f"{service}/{username}"] = password
        self._save(data)

    def delete_password(self, service: str, username: str) -> None:
        data = self._load()
        if data.pop(f"{service}/{username}", None) is None:
            raise PasswordDeleteError("not found")
        self._save(data)


class BrokenKeyring(KeyringBackend):
    priority = 5  # type: ignore[assignment]  # stands in for a secure OS keychain (> 1)

    def get_password(self, service: str, username: str) -> str | None:
        raise KeyringError("keychain is locked")

    def set_password(self, service: str, username: str, password: str) -> None:
        raise KeyringError("keychain is locked")

    def delete_password(self, service: str, username: str) -> None:
        raise KeyringError("keychain is locked")
