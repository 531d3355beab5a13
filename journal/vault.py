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
    import keyring.errors

    return keyring


def keychain_status() -> tuple[bool, str]:
    """(usable, backend name). 'fail' and null backends mean there is no keychain."""
    try:
        backend = _keyring().get_keyring()
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


class KeyFileDamaged(StorageError):
    """vault.json cannot be used as written (exit 4): say so, and whether the recovery key
    can still get in (it can when only another wrap is broken)."""

    def __init__(self, path: Path, detail: str, *, recovery_usable: bool) -> None:
        way = ("Your recovery key may still open it: offscript unlock --recovery-key …"
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

    @classmethod
    def load(cls, path: Path) -> Vault:
        try:
            data = json.loads(path.read_text("utf-8"))
        except FileNotFoundError:
            raise StorageError(f"No journal key file at {path}.") from None
        except OSError as exc:
            raise StorageError(f"The journal key file {path} cannot be read: {exc}") from exc
        except (ValueError, RecursionError) as exc:
            raise KeyFileDamaged(path, f"not valid JSON: {str(exc)[:80]}",
                                 recovery_usable=False) from exc
        return cls(path, *parse_vault_fields(path, data))

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
        try:
            keyring.set_password(SERVICE, self.journal_id, key.hex())
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

    def set_recovery(self, key: bytes) -> str:
        recovery = new_recovery_key()
        self.wraps["recovery"] = wrap(key, normalize_recovery_key(recovery), RECOVERY_COST)
        return recovery
