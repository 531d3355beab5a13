"""Stable labels for people, clients, projects and domains within one export.

Sequential labels ("Person 1") by default; with a key, HMAC-derived labels
("Person-3f9a2c") that stay the same across exports of one journal and can't be reversed.
"""

from __future__ import annotations

import hashlib
import hmac

_LABEL = {"person": "Person", "client": "Client", "project": "Project", "domain": "Domain"}
FIXED: dict[str, str] = {
    "email": "[email]",
    "phone": "[phone]",
    "link": "[link]",
    "host": "[host]",
    "ip": "[ip]",
    "path": "[path]",
    "user": "[user]",
    "secret": "[secret]",
    "card": "[card]",
    "iban": "[iban]",
    "national_id": "[national-id]",
    "record_id": "[record-id]",
    "birth_date": "[birth-date]",
    "mac": "[mac]",
    "address": "[address]",
    "handle": "@[handle]",
}
LINK_HEX = 6


class Pseudonymizer:
    def __init__(self, linkable_key: bytes | None = None) -> None:
        self._key = linkable_key
        self._labels: dict[tuple[str, str], str] = {}
        self._next: dict[str, int] = {}
        # For people: single name part -> full names seen, to map "Souza" to "Ana Souza".
        self._parts: dict[str, set[str]] = {}

    def label(self, kind: str, key: str) -> str:
        """Label for an entity of `kind` ("person", "client", ...) identified by `key`."""
        if kind in FIXED:
            return FIXED[kind]
        ident = (kind, key)
        found = self._labels.get(ident)
        if found is None:
            found = self._new_label(kind, key)
            self._labels[ident] = found
        return found

    def _new_label(self, kind: str, key: str) -> str:
        name = _LABEL.get(kind, kind.capitalize())
        if self._key is not None:
            digest = hmac.new(self._key, f"{kind}\x00{key}".encode(), hashlib.sha256)
            return f"{name}-{digest.hexdigest()[:LINK_HEX]}"
        n = self._next.get(kind, 0) + 1
        self._next[kind] = n
        return f"{name} {n}"

    def remember_person(self, full: str) -> None:
        words = full.split()
        if len(words) < 2:
            return
        for part in (words[0], words[-1]):
            self._parts.setdefault(part, set()).add(full)

    def person_key(self, name: str) -> str:
        """The identity a single detected name belongs to: the full name if unambiguous."""
        if " " in name:
            return name
        owners = self._parts.get(name)
        if owners is not None and len(owners) == 1:
            return next(iter(owners))
        return name
