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
import importlib
import json
import secrets
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

from journal.errors import LockedError, StorageError
from journal.paths import atomic_write

SERVICE = "offscript"
KEY_BYTES = 32
# Crockford's base32 alphabet: no I, L, O, U, so the key survives being read aloud or retyped.
RECOVERY_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
RECOVERY_GROUPS, RECOVERY_GROUP_LEN = 8, 5
PASSPHRASE_COST = 2**15  # scrypt N: ~0.1 s and 32 MiB per unlock on a laptop
RECOVERY_COST = 2**14  # the recovery key already carries 200 random bits
MIN_PASSPHRASE = 8


def _keyring() -> ModuleType:
    """keyring, imported on first use: ~0.1 s and ~14 MB (it pulls in ssl, urllib, email)
    that a passphrase-mode journal never needs."""
    import keyring
    import keyring.core
    import keyring.errors

    return keyring


def backend_name(backend: Any) -> str:
    return f"{type(backend).__module__}.{type(backend).__name__}"


def _recorded_backend(recorded: str) -> Any:
    """An instance of the recorded backend class, or None when it cannot serve here."""
    module_name, _, class_name = recorded.rpartition(".")
    try:
        cls = getattr(importlib.import_module(module_name), class_name)
        viable = float(cls.priority) > 0  # SecretService & co. raise here when unreachable
        return cls() if viable else None
    except Exception:  # any failure means: discover, as keyring would
        return None


def resolve_backend(recorded: str | None = None) -> Any:
    """The keyring backend, found cheaply when possible.

    keyring's own discovery imports every backend of every installed distribution (an
    entry-point scan, ~50 ms, more with many packages). A choice made explicitly wins, as in
    keyring: a backend already set in this process, PYTHON_KEYRING_BACKEND, keyringrc.cfg.
    Next the backend this journal's key was stored with (`recorded`), imported directly. Only
    when none applies does the full discovery run.
    """
    keyring = _keyring()
    core = keyring.core
    if core._keyring_backend is not None:  # set_keyring or a prior lookup
        return keyring.get_keyring()
    chosen = core.load_env() or core.load_config()
    if chosen is not None:
        keyring.set_keyring(chosen)
        return chosen
    # Not made the process-wide choice, so a miss can still ask keyring's discovery.
    return (_recorded_backend(recorded) if recorded else None) or keyring.get_keyring()


def _only_recorded(keyring: ModuleType) -> bool:
    """True when resolve_backend used the vault's record rather than an explicit choice."""
    return keyring.core._keyring_backend is None


def keychain_status(recorded: str | None = None) -> tuple[bool, str]:
    """(usable, backend name). 'fail' and null backends mean there is no keychain."""
    try:
        backend = resolve_backend(recorded)
    except Exception as exc:  # a broken keyring config must not stop the app
        return False, f"error: {exc}"
    name = f"{type(backend).__module__}.{type(backend).__name__}"
    priority = getattr(backend, "priority", 0)
    if "fail" in name or "null" in name.lower():
        return False, name
    if hasattr(backend, "backends") and not backend.backends:  # chainer with no members
        return False, name
    try:
        usable = float(priority) > 0
    except (TypeError, ValueError):
        usable = True
    return usable, name


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


def check_passphrase(passphrase: str) -> None:
    if len(passphrase) < MIN_PASSPHRASE:
        raise LockedError(f"A passphrase needs at least {MIN_PASSPHRASE} characters.")


@dataclass
class Vault:
    """vault.json: the journal's id, its key mode and the key wraps."""

    path: Path
    journal_id: str = field(default_factory=lambda: str(uuid.uuid4()))
    mode: str = "keychain"  # or "passphrase"
    wraps: dict[str, dict[str, Any]] = field(default_factory=dict)
    backend_changed: bool = field(default=False, repr=False, compare=False)

    @classmethod
    def load(cls, path: Path) -> Vault:
        try:
            data = json.loads(path.read_text("utf-8"))
            return cls(path, data["journal_id"], data["mode"], dict(data["wraps"]))
        except FileNotFoundError:
            raise StorageError(f"No journal key file at {path}.") from None
        except (OSError, ValueError, KeyError, TypeError) as exc:
            raise StorageError(f"The journal key file {path} is unreadable or damaged: {exc}") from exc

    def save(self) -> None:
        data = {"format": 1, "journal_id": self.journal_id, "mode": self.mode, "wraps": self.wraps}
        try:
            atomic_write(self.path, (json.dumps(data, indent=2) + "\n").encode("utf-8"))
        except OSError as exc:
            raise StorageError(f"Cannot write {self.path}: {exc}") from exc

    # -- the ways in -----------------------------------------------------------------------
    @property
    def keychain_backend(self) -> str | None:
        """The keyring backend class the key was stored with (module.Class), if recorded."""
        return (self.wraps.get("keychain") or {}).get("backend")

    def _record_backend(self, backend: Any) -> bool:
        """Remember the backend for the next open; True when that changed vault.json's data.
        keyring's chainer is not recorded: building it runs the full discovery anyway."""
        name = None if hasattr(backend, "backends") else backend_name(backend)
        if name == self.keychain_backend:
            return False
        if name is None:
            self.wraps.pop("keychain", None)
        else:
            self.wraps["keychain"] = {"backend": name}
        return True

    def key_from_keychain(self) -> bytes:
        """The key from the keychain. Afterwards `backend_changed` tells whether the backend
        record changed (the caller saves vault.json when it did)."""
        keyring = _keyring()
        try:
            backend = resolve_backend(self.keychain_backend)
            stored = backend.get_password(SERVICE, self.journal_id)
            if not stored and _only_recorded(keyring):  # not where we left it: discover
                backend = keyring.get_keyring()
                stored = backend.get_password(SERVICE, self.journal_id)
            if stored:
                self.backend_changed = self._record_backend(backend)
        except keyring.errors.KeyringError as exc:
            raise LockedError(
                f"The system keychain could not be read ({exc}). Unlock it, or open the journal "
                "with your recovery key: offscript unlock --recovery-key …") from exc
        if not stored:
            raise LockedError(
                "This journal's key is not in the system keychain (it may have been removed). "
                "Open it with your recovery key: offscript unlock --recovery-key …")
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
        try:
            backend = resolve_backend(self.keychain_backend)
            backend.set_password(SERVICE, self.journal_id, key.hex())
        except keyring.errors.KeyringError as exc:
            raise LockedError(f"The system keychain refused to store the key: {exc}") from exc
        self._record_backend(backend)
        self.mode = "keychain"
        self.wraps.pop("passphrase", None)

    def set_passphrase(self, key: bytes, passphrase: str) -> None:
        check_passphrase(passphrase)
        self.wraps["passphrase"] = wrap(key, passphrase, PASSPHRASE_COST)
        self.wraps.pop("keychain", None)
        self.mode = "passphrase"

    def forget_keychain_item(self) -> None:
        # Nothing stored, or no keychain: either way nothing is left behind.
        keyring = _keyring()
        with contextlib.suppress(keyring.errors.KeyringError):
            resolve_backend(self.keychain_backend).delete_password(SERVICE, self.journal_id)

    def set_recovery(self, key: bytes) -> str:
        recovery = new_recovery_key()
        self.wraps["recovery"] = wrap(key, normalize_recovery_key(recovery), RECOVERY_COST)
        return recovery
