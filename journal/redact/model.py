"""Plain data of the redaction engine: policy in, spans and replacements out."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal, NamedTuple

TermKind = Literal["person", "client", "project", "domain"]

#: Category names, in the order the share module shows counts.
CATEGORIES: tuple[str, ...] = (
    "person",
    "client",
    "project",
    "domain",
    "email",
    "phone",
    "link",
    "host",
    "ip",
    "path",
    "user",
    "secret",
    "card",
    "iban",
    "national_id",
    "record_id",
    "birth_date",
    "mac",
    "address",
    "handle",
)

#: Overlap priority, lower wins: a secret inside a URL must go as a secret first.
PRIORITY: dict[str, int] = {
    "secret": 0,
    "card": 1,
    "iban": 1,
    "national_id": 1,
    "record_id": 1,
    "birth_date": 1,
    "mac": 1,
    "email": 2,
    "link": 3,
    "host": 4,
    "ip": 4,
    "path": 5,
    "user": 5,
    "phone": 6,
    "address": 6,
    "client": 7,
    "project": 7,
    "domain": 7,
    "person_term": 7,
    "person": 8,
    "handle": 9,
}

#: Categories whose detection does not depend on language guesses.
STRUCTURED: frozenset[str] = frozenset(
    {"secret", "card", "iban", "national_id", "email", "link", "host", "ip", "path",
     "user", "phone", "record_id", "birth_date", "mac", "address"}
)


@dataclass(frozen=True, slots=True)
class Term:
    """A word the user declared private: a person, client, project or domain."""

    text: str
    kind: TermKind


@dataclass(frozen=True, slots=True)
class RedactionPolicy:
    """What to hide and what to leave alone for one export."""

    terms: tuple[Term, ...] = ()
    allow: frozenset[str] = frozenset()  # extends the built-in allow list, case-insensitive
    keep: frozenset[str] = frozenset()  # uncertain words the user chose to keep
    user_domains: tuple[str, ...] = ()
    os_user: str | None = None
    linkable_key: bytes | None = None  # stable HMAC pseudonyms across exports when set


class Span(NamedTuple):
    """A detected region of the input text."""

    start: int
    end: int
    category: str
    uncertain: bool


class Replacement(NamedTuple):
    """One substitution; start/end index into the redacted output text."""

    start: int
    end: int
    original: str
    replacement: str
    category: str
    uncertain: bool


@dataclass(frozen=True, slots=True)
class RedactedText:
    text: str
    replacements: list[Replacement] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Hit:
    """A detector's finding before overlap resolution.

    `key` is the normalized identity used for pseudonyms (a term's canonical text,
    a person's name); `category` may be the internal "person_term".
    """

    start: int
    end: int
    category: str
    uncertain: bool = False
    key: str = ""

    @property
    def public_category(self) -> str:
        return "person" if self.category == "person_term" else self.category
