"""The share settings kept inside the encrypted journal: terms, allow/keep lists, the linkable
key and the export log. Values are JSON strings under keys ``share.*``."""

from __future__ import annotations

import contextlib
import getpass
import json
import secrets
from collections.abc import Iterable
from pathlib import Path
from typing import Any, Protocol, TypedDict, cast, get_args

from journal.errors import ValidationError
from journal.redact import RedactionPolicy, Term, TermKind
from journal.redact.lexicon import lexicon

TERMS_KEY = "share.terms"
ALLOW_KEY = "share.allow"
KEEP_KEY = "share.keep"
DOMAINS_KEY = "share.user_domains"
HMAC_KEY = "share.hmac_key"
LOG_KEY = "share.log"
TERM_KINDS: tuple[TermKind, ...] = get_args(TermKind)
MAX_WORD = 200
# Login names that say nothing about a person but are ordinary words in technical notes
# ("root cause"): redacting them would blank out text for no privacy gain.
GENERIC_USERS = frozenset({
    "root", "admin", "administrator", "user", "users", "ubuntu", "debian", "runner", "docker",
    "guest", "vagrant", "ec2-user", "pi", "app", "test", "dev", "build", "ci", "nobody",
})


class Settings(Protocol):
    """The part of Journal this module needs (keeps tests free to pass a fake)."""

    def get_setting(self, key: str, default: str | None = None) -> str | None: ...
    def set_setting(self, key: str, value: str | None) -> None: ...


class LogRecord(TypedDict):
    when: str  # the day of the export, YYYY-MM-DD
    file: str  # file name only, never a path ("-" for standard output)
    detail: str
    format: str
    entries: int
    sha256: str


def _load(settings: Settings, key: str) -> Any:
    raw = settings.get_setting(key)
    if raw is None:
        return None
    try:
        return json.loads(raw)
    except ValueError:
        return None  # a damaged value reads as empty rather than blocking every export


def _store(settings: Settings, key: str, value: Any) -> None:
    settings.set_setting(key, json.dumps(value, ensure_ascii=False))


def _clean(word: str, what: str) -> str:
    text = " ".join(word.split())
    if not text:
        raise ValidationError(what, "must not be empty")
    if len(text) > MAX_WORD:
        raise ValidationError(what, f"must be at most {MAX_WORD} characters")
    return text


# -- terms ------------------------------------------------------------------------------------
def terms(settings: Settings) -> list[Term]:
    out: list[Term] = []
    for item in _load(settings, TERMS_KEY) or []:
        if (isinstance(item, dict) and isinstance(item.get("text"), str)
                and item.get("kind") in TERM_KINDS):
            out.append(Term(item["text"], cast(TermKind, item["kind"])))
    return out


def _save_terms(settings: Settings, items: Iterable[Term]) -> None:
    _store(settings, TERMS_KEY, [{"text": t.text, "kind": t.kind} for t in items])


def add_terms(settings: Settings, texts: Iterable[str], kind: str) -> list[Term]:
    """Add terms of one kind; a text already listed changes kind. Returns the new list."""
    if kind not in TERM_KINDS:
        raise ValidationError("kind", f"must be one of {', '.join(TERM_KINDS)}")
    new = [_clean(t, "term") for t in texts]
    folded = {t.casefold() for t in new}
    items = [t for t in terms(settings) if t.text.casefold() not in folded]
    term_kind: TermKind = kind  # narrowed by the check above
    items += [Term(t, term_kind) for t in dict.fromkeys(new)]
    items.sort(key=lambda t: (t.kind, t.text.casefold()))
    _save_terms(settings, items)
    return items


def remove_terms(settings: Settings, texts: Iterable[str]) -> tuple[list[Term], list[str]]:
    """Remove terms (any kind, case-insensitive). Returns (new list, texts not found)."""
    wanted = {" ".join(t.split()).casefold(): t for t in texts}
    current = terms(settings)
    kept = [t for t in current if t.text.casefold() not in wanted]
    found = {t.text.casefold() for t in current}
    _save_terms(settings, kept)
    return kept, [t for k, t in wanted.items() if k not in found]


# -- allow and keep lists ---------------------------------------------------------------------
def words(settings: Settings, key: str) -> list[str]:
    return [w for w in _load(settings, key) or [] if isinstance(w, str)]


def add_words(settings: Settings, key: str, new: Iterable[str]) -> list[str]:
    items = words(settings, key)
    have = {w.casefold() for w in items}
    for word in new:
        text = _clean(word, "word")
        if text.casefold() not in have:
            items.append(text)
            have.add(text.casefold())
    items.sort(key=str.casefold)
    _store(settings, key, items)
    return items


def remove_words(settings: Settings, key: str, gone: Iterable[str]) -> tuple[list[str], list[str]]:
    wanted = {" ".join(w.split()).casefold(): w for w in gone}
    items = words(settings, key)
    kept = [w for w in items if w.casefold() not in wanted]
    found = {w.casefold() for w in items}
    _store(settings, key, kept)
    return kept, [w for k, w in wanted.items() if k not in found]


# -- the policy -------------------------------------------------------------------------------
def hmac_key(settings: Settings) -> bytes:
    """The linkable-mode key: made once with secrets.token_bytes(32), kept in the journal."""
    raw = settings.get_setting(HMAC_KEY)
    if raw:
        try:
            key = bytes.fromhex(raw)
        except ValueError:
            key = b""
        if len(key) == 32:
            return key
    key = secrets.token_bytes(32)
    settings.set_setting(HMAC_KEY, key.hex())
    return key


def login_names() -> list[str]:
    """This computer's login and home-folder names, hidden like a person's name when shared."""
    names: list[str] = []
    with contextlib.suppress(OSError, KeyError):  # no login name in some containers
        names.append(getpass.getuser())
    names.append(Path.home().name)
    lex = lexicon()
    out: list[str] = []
    for name in names:
        folded = name.strip().casefold()
        if (len(folded) >= 2 and folded not in GENERIC_USERS and folded not in lex.english
                and folded not in lex.allow and name not in out):
            out.append(name.strip())
    return out


def load_policy(settings: Settings, *, linkable: bool = False) -> RedactionPolicy:
    """The redaction policy of this journal: its terms, allow and keep lists, the login name."""
    found = terms(settings)
    logins = login_names()
    os_user = logins[0] if logins else None
    # The home folder's name when it differs from the login name: hidden like a person.
    extra = tuple(Term(name, "person") for name in logins[1:])
    domains = tuple(d for d in words(settings, DOMAINS_KEY) if "." in d)
    return RedactionPolicy(
        terms=(*found, *extra),
        allow=frozenset(words(settings, ALLOW_KEY)),
        keep=frozenset(words(settings, KEEP_KEY)),
        user_domains=domains,
        os_user=os_user,
        linkable_key=hmac_key(settings) if linkable else None,
    )


# -- the export log ---------------------------------------------------------------------------
def export_log(settings: Settings) -> list[LogRecord]:
    out: list[LogRecord] = []
    for item in _load(settings, LOG_KEY) or []:
        if isinstance(item, dict) and set(LogRecord.__annotations__) <= set(item):
            out.append(cast(LogRecord, {k: item[k] for k in LogRecord.__annotations__}))
    return out


def append_log(settings: Settings, record: LogRecord) -> None:
    _store(settings, LOG_KEY, [*export_log(settings), record])
