"""The journal key: kept in the OS keychain, or wrapped by a passphrase; plus a recovery key.

The journal file is encrypted with a random 256-bit data key. vault.json (not secret) holds
that key *wrapped* for each way in: a passphrase wrap (passphrase mode) and a recovery-key wrap
(always). A wrap is key XOR scrypt(secret, fresh salt), authenticated by an HMAC, so a wrong
secret is detected before the database is touched. In keychain mode the key itself sits in the
OS keychain (service "offscript", one item per journal id).
"""

from __future__ import annotations

import contextlib
import importlib
import json
import sys
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import ModuleType
from typing import Any

from journal.deferred_imports import KEYRING_UNUSED, defer
from journal.errors import LockedError, StorageError
from journal.file_lock import exclusive
from journal.keychain_words import backend_name, describe_backend, why_not_secure
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
    that a passphrase-mode journal never needs. The modules it imports but never uses for us
    are deferred to their first use (journal.deferred_imports): ~40 ms off every keychain open."""
    if "keyring" not in sys.modules:
        defer(KEYRING_UNUSED)
    import keyring
    import keyring.core
    import keyring.errors

    return keyring


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
    # keyring has no public "is a backend chosen yet" query; get_keyring() would run discovery
    if core._keyring_backend is not None:  # noqa: SLF001  # set_keyring or a prior lookup
        return keyring.get_keyring()
    chosen = core.load_env() or core.load_config()
    if chosen is not None:
        keyring.set_keyring(chosen)
        return chosen
    # Not made the process-wide choice, so a miss can still ask keyring's discovery.
    return (_recorded_backend(recorded) if recorded else None) or keyring.get_keyring()


def _only_recorded(keyring: ModuleType) -> bool:
    """True when resolve_backend used the vault's record rather than an explicit choice."""
    return keyring.core._keyring_backend is None  # noqa: SLF001  # as in resolve_backend


NO_KEYCHAIN = "No secure system keychain found"  # the words every place uses
def _secure_backend(recorded: str | None = None) -> tuple[Any, str]:
    """(backend, name) of the OS keychain to write to, or (None, why there is none).

    keyring's chainer writes to its members in priority order and falls back to the next one
    when a write fails, so a plaintext member could silently get the key: we judge its first
    member and write to that one directly.
    """
    try:
        backend = resolve_backend(recorded)
    except Exception as exc:  # a broken keyring config must not stop the app
        return None, f"the keyring settings are broken ({exc})"
    if hasattr(backend, "backends"):  # keyring.backends.chainer.ChainerBackend
        members = list(backend.backends)  # highest priority first
        if not members:
            return None, "no system keychain found on this computer"
        backend = members[0]
    why = why_not_secure(backend)
    if why:
        return None, why
    return backend, describe_backend(backend_name(backend))


def keychain_status(recorded: str | None = None) -> tuple[bool, str]:
    """(usable, detail): usable only for a secure OS keychain. detail says in words which
    keychain ("the macOS Keychain"), or why there is none (show it after NO_KEYCHAIN); never a
    class name. Reads and writes no secret."""
    backend, detail = _secure_backend(recorded)
    return backend is not None, detail


def no_keychain_message(detail: str) -> str:
    if detail.startswith("no system keychain found"):
        return f"{NO_KEYCHAIN} on this computer"
    return f"{NO_KEYCHAIN} ({detail})"


# hashlib, hmac and secrets load where a passphrase or recovery key is used: they bring
# OpenSSL's libcrypto (~4 MB resident, ~5 ms), which opening a keychain-mode journal never needs
# (SQLCipher carries its own).


def new_recovery_key() -> str:
    import secrets

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
    import hashlib

    return hashlib.scrypt(secret.encode("utf-8"), salt=salt, n=cost, r=8, p=1,
                          maxmem=256 * 1024 * 1024, dklen=64)


def wrap(key: bytes, secret: str, cost: int) -> dict[str, Any]:
    import hashlib
    import hmac
    import secrets

    salt = secrets.token_bytes(16)
    kek = _derive(secret, salt, cost)
    wrapped = bytes(a ^ b for a, b in zip(key, kek[:KEY_BYTES], strict=True))
    mac = hmac.new(kek[KEY_BYTES:], wrapped, hashlib.sha256).hexdigest()
    return {"kdf": "scrypt", "n": cost, "r": 8, "p": 1, "salt": salt.hex(),
            "wrapped": wrapped.hex(), "mac": mac}


def unwrap(blob: dict[str, Any], secret: str) -> bytes | None:
    """The key, or None when the secret is wrong."""
    import hashlib
    import hmac

    kek = _derive(secret, bytes.fromhex(blob["salt"]), int(blob["n"]))
    wrapped = bytes.fromhex(blob["wrapped"])
    expected = hmac.new(kek[KEY_BYTES:], wrapped, hashlib.sha256).hexdigest()
    if not hmac.compare_digest(expected, blob["mac"]):
        return None
    return bytes(a ^ b for a, b in zip(wrapped, kek[:KEY_BYTES], strict=True))


class KeyFileDamaged(StorageError):
    """vault.json cannot be used as written (exit 4): say so, and whether the recovery key
    can still get in (it can when only another wrap is broken)."""

    def __init__(self, path: Path, detail: str, *, recovery_usable: bool) -> None:
        way = ("Your recovery key may still open it: offscript unlock"
               if recovery_usable else
               "Put back vault.json from a copy of the journal folder (a backup of the folder, "
               "not of journal.db alone).")
        super().__init__(f"The key file {path} is damaged ({detail}). Nothing was changed. {way}")


MIN_COST, MAX_COST = 2**10, 2**20  # scrypt N outside these is damage, not a setting
_HEX_BYTES = {"salt": (8, 64), "wrapped": (KEY_BYTES, KEY_BYTES), "mac": (32, 32)}


def wrap_problem(blob: Any) -> str | None:
    """Why a key wrap from vault.json cannot be used, or None when it is well formed."""
    if not isinstance(blob, dict):
        return "a key wrap is not an object"
    if blob.get("kdf") != "scrypt":
        return f"unknown key derivation {str(blob.get('kdf'))[:20]!r}"
    cost = blob.get("n")
    if isinstance(cost, bool) or not isinstance(cost, int):
        return "scrypt cost n is not a number"
    if not MIN_COST <= cost <= MAX_COST or cost & (cost - 1):
        got = cost if cost.bit_length() <= 64 else "far more"
        return f"scrypt cost n must be a power of two from 2^10 to 2^20 (got {got})"
    for name, (low, high) in _HEX_BYTES.items():
        value = blob.get(name)
        if not isinstance(value, str):
            return f"{name} is missing or not text"
        try:
            size = len(bytes.fromhex(value))
        except ValueError:
            return f"{name} is not hexadecimal"
        if not low <= size <= high:
            return f"{name} has the wrong length"
    return None


def parse_vault_fields(path: Path, data: Any) -> tuple[str, str, dict[str, dict[str, Any]]]:
    """(journal_id, mode, wraps) from vault.json's parsed JSON, or KeyFileDamaged.

    Only the shape of the file is checked here; each wrap is checked again when it is used,
    so damage to the passphrase wrap still lets the recovery key in.
    """
    if not isinstance(data, dict):
        raise KeyFileDamaged(path, "not a JSON object", recovery_usable=False)
    wraps = data.get("wraps")
    if not isinstance(wraps, dict):
        raise KeyFileDamaged(path, "the key wraps are missing", recovery_usable=False)
    journal_id = data.get("journal_id")
    if not isinstance(journal_id, str) or not journal_id.strip():
        raise KeyFileDamaged(path, "the journal id is missing", recovery_usable=False)
    mode = data.get("mode")
    if mode not in ("keychain", "passphrase"):
        raise KeyFileDamaged(path, f"unknown key mode {str(mode)[:20]!r}",
                             recovery_usable=False)
    return journal_id, str(mode), dict(wraps)


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
        vault = cls(path)
        vault.reload()
        return vault

    def reload(self) -> None:
        """Read vault.json again: another process may have changed it since."""
        path = self.path
        try:
            data = json.loads(path.read_text("utf-8"))
        except FileNotFoundError:
            raise StorageError(f"No journal key file at {path}.") from None
        except OSError as exc:
            raise StorageError(f"The journal key file {path} cannot be read: {exc}") from exc
        except (ValueError, RecursionError) as exc:
            raise KeyFileDamaged(path, f"not valid JSON: {str(exc)[:80]}",
                                 recovery_usable=False) from exc
        self.journal_id, self.mode, self.wraps = parse_vault_fields(path, data)

    def _usable_wrap(self, name: str) -> dict[str, Any]:
        """The named wrap, checked: damage is KeyFileDamaged, never a traceback."""
        blob = self.wraps.get(name)
        problem = "it is missing" if blob is None else wrap_problem(blob)
        if problem is not None:
            recovery_ok = name != "recovery" and wrap_problem(self.wraps.get("recovery")) is None
            raise KeyFileDamaged(self.path, f"the {name} wrap: {problem}",
                                 recovery_usable=recovery_ok)
        return blob  # type: ignore[return-value]

    def _unwrap(self, name: str, secret: str) -> bytes | None:
        blob = self._usable_wrap(name)
        try:
            return unwrap(blob, secret)
        except (ValueError, MemoryError) as exc:  # scrypt refused the parameters
            recovery_ok = name != "recovery" and wrap_problem(self.wraps.get("recovery")) is None
            raise KeyFileDamaged(self.path, f"the {name} wrap: {exc}",
                                 recovery_usable=recovery_ok) from exc

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
        key = self._unwrap("passphrase", passphrase)
        if key is None:
            raise LockedError("Wrong passphrase. Nothing was changed; try again.")
        return key

    def key_from_recovery(self, recovery_key: str) -> bytes:
        key = self._unwrap("recovery", normalize_recovery_key(recovery_key))
        if key is None:
            raise LockedError("That recovery key does not open this journal. Nothing was changed.")
        return key

    # -- changing how the key is kept ----------------------------------------------------------
    def store_in_keychain(self, key: bytes) -> None:
        keyring = _keyring()
        backend, detail = _secure_backend(self.keychain_backend)
        if backend is None:
            raise LockedError(no_keychain_message(detail))
        try:
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
