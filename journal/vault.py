"""The journal key: kept in the OS keychain, or wrapped by a passphrase; plus a recovery key.

The journal file is encrypted with a random 256-bit data key. vault.json (not secret) holds
that key *wrapped* for each way in: a passphrase wrap (passphrase mode) and a recovery-key wrap
(always). A wrap is key XOR scrypt(secret, fresh salt), authenticated by an HMAC, so a wrong
secret is detected before the database is touched. In keychain mode the key itself sits in the
OS keychain (service "offscript", one item per journal id).
"""

from __future__ import annotations

import contextlib
import hashlib
import hmac
import json
import secrets
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

from journal.errors import LockedError, StorageError
from journal.file_lock import exclusive
from journal.passphrase_policy import MIN_PASSPHRASE, check_passphrase
from journal.paths import atomic_write

__all__ = ["MIN_PASSPHRASE", "NO_KEYCHAIN", "Vault", "check_passphrase", "keychain_status"]

SERVICE = "offscript"
KEY_BYTES = 32
# Crockford's base32 alphabet: no I, L, O, U, so the key survives being read aloud or retyped.
RECOVERY_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
RECOVERY_GROUPS, RECOVERY_GROUP_LEN = 8, 5
PASSPHRASE_COST = 2**17  # scrypt N: ~0.3 s and 128 MiB per unlock; weaker wraps are re-wrapped
RECOVERY_COST = 2**14  # the recovery key already carries 200 random bits


def _keyring() -> ModuleType:
    """keyring, imported on first use: ~0.1 s and ~14 MB (it pulls in ssl, urllib, email)
    that a passphrase-mode journal never needs."""
    import keyring
    import keyring.errors

    return keyring


NO_KEYCHAIN = "No secure system keychain found"  # the words every place uses
# Backends that keep secrets in a plain (or home-made encrypted) file rather than an OS keychain.
_FILE_BACKEND_MODULES = ("keyrings.alt.file", "keyrings.alt.pyfs", "keyrings.alt.Windows",
                         "keyrings.cryptfile")


def _why_not_secure(backend: Any) -> str:
    """Empty for a real OS keychain; else why this backend does not count, in words."""
    name = f"{type(backend).__module__}.{type(backend).__name__}"
    if name.startswith(("keyring.backends.fail", "keyring.backends.null")):
        return "keyring found no keychain backend on this system"
    if name.startswith(_FILE_BACKEND_MODULES) or hasattr(backend, "file_path"):
        return f"the keyring backend {name} keeps secrets in a plain file"
    try:
        priority = float(backend.priority)
    except Exception:  # some backends raise here when a module they need is missing
        return f"the keyring backend {name} is not usable here"
    if priority <= 1:
        return f"the keyring backend {name} is only a fallback (priority {priority:g})"
    return ""


def _secure_backend() -> tuple[Any, str]:
    """(backend, name) of the OS keychain to write to, or (None, why there is none).

    keyring's chainer writes to its members in priority order and falls back to the next one
    when a write fails, so a plaintext member could silently get the key: we judge its first
    member and write to that one directly.
    """
    try:
        backend = _keyring().get_keyring()
    except Exception as exc:  # a broken keyring config must not stop the app
        return None, f"the keyring configuration is broken: {exc}"
    if hasattr(backend, "backends"):  # keyring.backends.chainer.ChainerBackend
        members = list(backend.backends)  # highest priority first
        if not members:
            return None, "keyring found no keychain backend on this system"
        backend = members[0]
    why = _why_not_secure(backend)
    if why:
        return None, why
    return backend, f"{type(backend).__module__}.{type(backend).__name__}"


def keychain_status() -> tuple[bool, str]:
    """(usable, detail): usable only for a secure OS keychain. detail is the backend's name, or
    why there is none, in words (show it after NO_KEYCHAIN). Reads and writes no secret."""
    backend, detail = _secure_backend()
    return backend is not None, detail


def no_keychain_message(detail: str) -> str:
    return f"{NO_KEYCHAIN} ({detail})"


def new_recovery_key() -> str:
    chars = [secrets.choice(RECOVERY_ALPHABET) for _ in range(RECOVERY_GROUPS * RECOVERY_GROUP_LEN)]
    groups = ["".join(chars[i:i + RECOVERY_GROUP_LEN])
              for i in range(0, len(chars), RECOVERY_GROUP_LEN)]
    return "-".join(groups)


def normalize_recovery_key(text: str) -> str:
    """Accept any case, spaces or dashes, and the usual look-alikes (O→0, I/L→1)."""
    cleaned = "".join(ch for ch in text.upper() if ch.isalnum())
    cleaned = cleaned.translate(str.maketrans("OIL", "011"))
    if len(cleaned) != RECOVERY_GROUPS * RECOVERY_GROUP_LEN or any(
            ch not in RECOVERY_ALPHABET for ch in cleaned):
        raise LockedError(
            f"A recovery key has {RECOVERY_GROUPS} groups of {RECOVERY_GROUP_LEN} letters and digits, "
            "like ABCDE-12345-…; check what you typed.")
    return cleaned


def _derive(secret: str, salt: bytes, cost: int) -> bytes:
    return hashlib.scrypt(secret.encode("utf-8"), salt=salt, n=cost, r=8, p=1,
                          maxmem=256 * 1024 * 1024, dklen=64)


def wrap(key: bytes, secret: str, cost: int) -> dict[str, Any]:
    salt = secrets.token_bytes(16)
    kek = _derive(secret, salt, cost)
    wrapped = bytes(a ^ b for a, b in zip(key, kek[:KEY_BYTES], strict=True))
    mac = hmac.new(kek[KEY_BYTES:], wrapped, hashlib.sha256).hexdigest()
    return {"kdf": "scrypt", "n": cost, "r": 8, "p": 1, "salt": salt.hex(),
            "wrapped": wrapped.hex(), "mac": mac}


def unwrap(blob: dict[str, Any], secret: str) -> bytes | None:
    """The key, or None when the secret is wrong."""
    kek = _derive(secret, bytes.fromhex(blob["salt"]), int(blob["n"]))
    wrapped = bytes.fromhex(blob["wrapped"])
    expected = hmac.new(kek[KEY_BYTES:], wrapped, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, blob["mac"]):
        return None
    return bytes(a ^ b for a, b in zip(wrapped, kek[:KEY_BYTES], strict=True))


@dataclass
class Vault:
    """vault.json: the journal's id, its key mode and the key wraps."""

    path: Path
    journal_id: str = field(default_factory=lambda: str(uuid.uuid4()))
    mode: str = "keychain"  # or "passphrase"
    wraps: dict[str, dict[str, Any]] = field(default_factory=dict)

    @classmethod
    def load(cls, path: Path) -> Vault:
        vault = cls(path)
        vault.reload()
        return vault

    def reload(self) -> None:
        """Read vault.json again: another process may have changed it since."""
        path = self.path
        try:
            data = json.loads(path.read_text("utf-8"))
            self.journal_id, self.mode = data["journal_id"], data["mode"]
            self.wraps = dict(data["wraps"])
        except FileNotFoundError:
            raise StorageError(f"No journal key file at {path}.") from None
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise StorageError(f"The journal key file {path} is unreadable or damaged: {exc}") from exc

    @contextmanager
    def changing(self) -> Iterator[Vault]:
        """Read-modify-write under the vault lock: re-read vault.json inside the lock, let the
        body change this object, then save atomically. If the body fails, nothing is saved and
        this object is re-read, so it never holds a change that is not on disk."""
        with exclusive(self.path.with_name(f".{self.path.name}.lock")):
            self.reload()
            try:
                yield self
                self.save()
            except BaseException:
                with contextlib.suppress(StorageError):
                    self.reload()
                raise

    def save(self) -> None:
        data = {"format": 1, "journal_id": self.journal_id, "mode": self.mode, "wraps": self.wraps}
        try:
            atomic_write(self.path, (json.dumps(data, indent=2) + "\n").encode("utf-8"))
        except OSError as exc:
            raise StorageError(f"Cannot write {self.path}: {exc}") from exc

    # -- the ways in -----------------------------------------------------------------------
    def key_from_keychain(self) -> bytes:
        keyring = _keyring()
        try:
            stored = keyring.get_password(SERVICE, self.journal_id)
        except keyring.errors.KeyringError as exc:
            raise LockedError(
                f"The system keychain could not be read ({exc}). Unlock it, or open the journal "
                "with your recovery key: offscript unlock") from exc
        if not stored:
            raise LockedError(
                "This journal's key is not in the system keychain (it may have been removed). "
                "Open it with your recovery key: offscript unlock")
        try:
            key = bytes.fromhex(stored)
        except ValueError:
            key = b""
        if len(key) != KEY_BYTES:
            raise LockedError("The keychain item for this journal is damaged; use your recovery key.")
        return key

    def key_from_passphrase(self, passphrase: str) -> bytes:
        key = unwrap(self.wraps["passphrase"], passphrase)
        if key is None:
            raise LockedError("Wrong passphrase. Nothing was changed; try again.")
        return key

    def key_from_recovery(self, recovery_key: str) -> bytes:
        key = unwrap(self.wraps["recovery"], normalize_recovery_key(recovery_key))
        if key is None:
            raise LockedError("That recovery key does not open this journal. Nothing was changed.")
        return key

    # -- changing how the key is kept ----------------------------------------------------------
    def store_in_keychain(self, key: bytes) -> None:
        keyring = _keyring()
        backend, detail = _secure_backend()
        if backend is None:
            raise LockedError(no_keychain_message(detail))
        try:
            backend.set_password(SERVICE, self.journal_id, key.hex())
        except keyring.errors.KeyringError as exc:
            raise LockedError(f"The system keychain refused to store the key: {exc}") from exc
        self.mode = "keychain"
        self.wraps.pop("passphrase", None)

    def set_passphrase(self, key: bytes, passphrase: str) -> None:
        check_passphrase(passphrase)
        self.wraps["passphrase"] = wrap(key, passphrase, PASSPHRASE_COST)
        self.mode = "passphrase"

    def forget_keychain_item(self) -> None:
        # Nothing stored, or no keychain: either way nothing is left behind.
        keyring = _keyring()
        with contextlib.suppress(keyring.errors.KeyringError):
            keyring.delete_password(SERVICE, self.journal_id)

    def set_recovery(self, key: bytes, recovery: str | None = None) -> str:
        recovery = recovery or new_recovery_key()
        self.wraps["recovery"] = wrap(key, normalize_recovery_key(recovery), RECOVERY_COST)
        return recovery

    def rewrap_if_weak(self, key: bytes, passphrase: str) -> bool:
        """After an unlock with `passphrase`: re-wrap a wrap made with a cheaper scrypt than
        PASSPHRASE_COST (older versions used 2**15). Skipped if the wrap changed meanwhile."""
        blob = self.wraps.get("passphrase") or {}
        if self.mode != "passphrase" or int(blob.get("n", 0)) >= PASSPHRASE_COST:
            return False
        with self.changing():
            if (self.wraps.get("passphrase") or {}).get("salt") != blob.get("salt"):
                return False  # someone set a new passphrase since we unlocked
            self.wraps["passphrase"] = wrap(key, passphrase, PASSPHRASE_COST)
        return True
