"""Keyring backends in words: which keychain holds the key, or why none counts as one.

People see "the macOS Keychain" or "no system keychain found", never a class name such as
keyring.backends.fail.Keyring; the class name goes to the log for whoever debugs it.
"""

from __future__ import annotations

import logging
from typing import Any

log = logging.getLogger("offscript.vault")


def backend_name(backend: Any) -> str:
    return f"{type(backend).__module__}.{type(backend).__name__}"


# Backends that keep secrets in a plain (or home-made encrypted) file rather than an OS keychain.
_FILE_BACKEND_MODULES = ("keyrings.alt.file", "keyrings.alt.pyfs", "keyrings.alt.Windows",
                         "keyrings.cryptfile")


# Keychains people know, by the keyring module that talks to them (class names stay in logs).
_KEYCHAIN_WORDS = (
    ("keyring.backends.SecretService", "the desktop keychain (Secret Service: GNOME Keyring or "
                                       "KDE Wallet)"),
    ("keyring.backends.libsecret", "the desktop keychain (Secret Service, through libsecret)"),
    ("keyring.backends.kwallet", "KDE Wallet"),
    ("keyring.backends.macOS", "the macOS Keychain"),
    ("keyring.backends.Windows", "the Windows Credential Manager"),
)


def describe_backend(name: str) -> str:
    """A keyring backend class name ("keyring.backends.macOS.Keyring") as people say it."""
    for prefix, words in _KEYCHAIN_WORDS:
        if name.startswith(prefix):
            return words
    if name.startswith(("keyring.backends.fail", "keyring.backends.null")):
        return "no system keychain found"
    if name.startswith(_FILE_BACKEND_MODULES):
        return "a plain-text file keyring (not secure)"
    return f"another keyring ({name.rpartition('.')[2]})"


def why_not_secure(backend: Any) -> str:
    """Empty for a real OS keychain; else why this backend does not count, in words."""
    name = backend_name(backend)
    if name.startswith(("keyring.backends.fail", "keyring.backends.null")):
        return "no system keychain found on this computer"
    if name.startswith(_FILE_BACKEND_MODULES) or hasattr(backend, "file_path"):
        return "only a plain-text file keyring is available, and it is not secure"
    try:
        priority = float(backend.priority)
    except Exception:  # some backends raise here when a module they need is missing
        log.info("keyring backend %s is not usable", name)
        return "the keychain found cannot be used here"
    if priority <= 1:
        log.info("keyring backend %s is only a fallback (priority %g)", name, priority)
        return "only a fallback keyring is available, not a real system keychain"
    return ""
