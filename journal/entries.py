"""The journal entry: its fields, vocabularies and the one place that says what is valid."""

from __future__ import annotations

import dataclasses
import re
import uuid
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from journal.errors import ValidationError

OUTCOMES = ("worked", "partly", "broke")
FAILURE_MODES = (
    "hallucination",
    "wrong_format",
    "refused",
    "outdated",
    "lost_context",
    "too_generic",
    "tool_error",
    "other",
)
SUGGESTED_CATEGORIES = (
    "writing",
    "coding",
    "analysis",
    "research",
    "support",
    "ops",
    "meetings",
    "other",
)
MAX_MINUTES = 10080  # one week
MAX_TITLE = 200
MAX_PROMPT = 100_000
MAX_TEXT = 20_000
MAX_TAG = 40
MAX_SHORT = 200
# Dates outside these years are typos, and near datetime's own limits (years 1 and 9999) every
# time-zone shift or week/month step would overflow.
MIN_YEAR, MAX_YEAR = 1900, 2999
SQLITE_MAX_INT = 2**63 - 1  # the largest integer SQLite stores

# Fields a user may set; id/created_at/updated_at are the store's.
EDITABLE_FIELDS = (
    "occurred_at",
    "title",
    "tool",
    "tool_version",
    "category",
    "prompt",
    "iterations",
    "outcome",
    "minutes_without_ai",
    "minutes_with_ai",
    "what_broke",
    "failure_modes",
    "lesson",
    "tags",
    "share",
)
LIST_FIELDS = ("failure_modes", "tags")


def now_local() -> datetime:
    return datetime.now().replace(microsecond=0)


@dataclass
class Entry:
    title: str
    tool: str
    outcome: str
    minutes_without_ai: int
    minutes_with_ai: int
    occurred_at: datetime = field(default_factory=now_local)
    tool_version: str | None = None
    category: str | None = None
    prompt: str | None = None
    iterations: int | None = None
    what_broke: str | None = None
    failure_modes: list[str] = field(default_factory=list)
    lesson: str | None = None
    tags: list[str] = field(default_factory=list)
    share: bool = False
    id: str = field(default_factory=lambda: str(uuid.uuid4()))
    created_at: datetime | None = None
    updated_at: datetime | None = None
    trashed_at: datetime | None = None

    @property
    def net_minutes(self) -> int:
        """Minutes saved by using AI; negative when it cost time."""
        return self.minutes_without_ai - self.minutes_with_ai

    def to_dict(self) -> dict[str, Any]:
        """Plain JSON-ready data in the import/export schema."""
        out: dict[str, Any] = {}
        for f in dataclasses.fields(self):
            value = getattr(self, f.name)
            if isinstance(value, datetime):
                value = value.isoformat(timespec="seconds")
            elif isinstance(value, list):
                value = list(value)
            out[f.name] = value
        if out.get("trashed_at") is None:
            out.pop("trashed_at", None)
        out["net_minutes"] = self.net_minutes  # derived; ignored on import
        return out

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], *, row: int | None = None) -> Entry:
        """Validate and normalise raw data (CLI, import, UI) into an Entry."""
        unknown = set(data) - set(EDITABLE_FIELDS) - {"id", "created_at", "updated_at",
                                                       "trashed_at", "net_minutes"}
        if unknown:
            name = sorted(unknown, key=str)[0]
            shown = str(name)  # blank or unprintable (NUL, lone surrogates) names are quoted
            raise ValidationError(shown if shown.strip() and shown.isprintable() else repr(shown),
                                  "is not a field of an entry", row)
        clean = validate_fields(data, row=row, partial=False)
        entry = cls(**clean)
        if data.get("id") not in (None, ""):
            entry.id = _parse_id(data["id"], row)
        for stamp in ("created_at", "updated_at", "trashed_at"):
            if data.get(stamp) not in (None, ""):
                setattr(entry, stamp, parse_datetime(data[stamp], stamp, row))
        return entry

    def with_changes(self, changes: Mapping[str, Any]) -> Entry:
        """A copy with validated changes applied (for edits)."""
        merged = {k: v for k, v in self.to_dict().items() if k in EDITABLE_FIELDS}
        merged.update(changes)
        updated = Entry.from_dict(merged)
        updated.id, updated.created_at, updated.updated_at = self.id, self.created_at, self.updated_at
        updated.trashed_at = self.trashed_at
        return updated


def validate_fields(
    data: Mapping[str, Any], *, row: int | None = None, partial: bool = False
) -> dict[str, Any]:
    """Check each editable field present in data; return normalised values.

    With partial=False the required fields must be present. Raises ValidationError naming
    the first field that breaks its rule.
    """
    out: dict[str, Any] = {}
    for name in EDITABLE_FIELDS:
        if name not in data:
            continue
        out[name] = _VALIDATORS[name](data[name], name, row)
    if not partial:
        for required in ("title", "tool", "outcome", "minutes_without_ai", "minutes_with_ai"):
            if out.get(required) in (None, ""):
                raise ValidationError(required, "is required", row)
    return out


def _text(value: Any, name: str, row: int | None, limit: int, required: bool) -> str | None:
    if value is None:
        value = ""
    if not isinstance(value, str):
        raise ValidationError(name, "must be text", row)
    text: str = value.strip()
    _check_characters(text, name, row)
    if not text:
        if required:
            raise ValidationError(name, "is required", row)
        return None
    if len(text) > limit:
        raise ValidationError(name, f"must be at most {limit:,} characters", row)
    return text


# A regex, not a loop over characters: the editor checks every field on each keystroke.
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")


def _check_characters(text: str, name: str, row: int | None) -> None:
    """Refuse what SQLite or any file would choke on: NUL and lone surrogates (which is what
    Python makes of bytes that are not UTF-8 in an argument or on standard input)."""
    if "\x00" in text:
        raise ValidationError(name, "must not contain NUL characters", row)
    if _LONE_SURROGATE.search(text):
        raise ValidationError(
            name, "contains characters that are not valid UTF-8 text (lone surrogates or "
            "undecodable bytes)", row)


def _int(value: Any, name: str, row: int | None, low: int, high: int | None) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    if isinstance(value, bool):
        raise ValidationError(name, "must be a whole number", row)
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    if isinstance(value, str):
        digits = value.strip()
        if len(digits.lstrip("+-")) > 30:  # also keeps int() under Python's digit limit
            raise ValidationError(name, f"is far too large ({len(digits)} digits)", row)
        try:
            value = int(digits)
        except ValueError:
            raise ValidationError(name, "must be a whole number", row) from None
    if not isinstance(value, int):
        raise ValidationError(name, "must be a whole number", row)
    top = high if high is not None else SQLITE_MAX_INT  # beyond it SQLite cannot store it
    if value < low or value > top:
        if high is not None:
            rule = f"between {low} and {high}"
        else:
            rule = f"at least {low}" if value < low else f"at most {top:,}"
        got = f"got {value}" if value.bit_length() <= 100 else "got a far larger number"
        raise ValidationError(name, f"must be {rule} ({got})", row)
    return value


def _as_list(value: Any, name: str, row: int | None) -> list[str]:
    if value is None or value == "":
        return []
    if isinstance(value, str):
        return [part for part in value.split(";")]
    if isinstance(value, Iterable) and not isinstance(value, (bytes, Mapping)):
        items = list(value)
        if all(isinstance(item, str) for item in items):
            return items
    raise ValidationError(name, "must be a list of text (or ';'-separated)", row)


def parse_datetime(value: Any, name: str = "occurred_at", row: int | None = None) -> datetime:
    if isinstance(value, datetime):
        parsed = value
    elif isinstance(value, str) and value.strip():
        try:
            parsed = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        except ValueError:
            raise ValidationError(
                name, f"must be an ISO 8601 date or datetime like 2026-11-20T14:00 (got {value!r})",
                row) from None
    else:
        raise ValidationError(name, "must be an ISO 8601 datetime", row)
    out_of_range = ValidationError(
        name, f"is out of the supported range (years {MIN_YEAR}–{MAX_YEAR}; got {value!s:.40})",
        row)
    if not MIN_YEAR <= parsed.year <= MAX_YEAR:
        raise out_of_range
    if parsed.tzinfo is not None:  # stored as local wall-clock time
        try:
            parsed = parsed.astimezone().replace(tzinfo=None)
        except (OverflowError, ValueError):
            raise out_of_range from None
        if not MIN_YEAR <= parsed.year <= MAX_YEAR:
            raise out_of_range
    return parsed.replace(microsecond=0)


def _parse_id(value: Any, row: int | None) -> str:
    try:
        return str(uuid.UUID(str(value)))
    except ValueError:
        raise ValidationError("id", f"must be a UUID (got {value!r})", row) from None


def _bool(value: Any, name: str, row: int | None) -> bool:
    if isinstance(value, bool):
        return value
    if value in (0, 1):
        return bool(value)
    if isinstance(value, str) and value.strip().lower() in {"true", "yes", "1", "false", "no", "0", ""}:
        return value.strip().lower() in {"true", "yes", "1"}
    raise ValidationError(name, "must be true or false", row)


def normalize_tags(tags: Iterable[str]) -> list[str]:
    seen: dict[str, None] = {}
    for tag in tags:
        clean = " ".join(tag.lstrip("# \t\r\n\f\v").split()).lower()  # "# a" → "a", "c#" stays
        if clean:
            seen.setdefault(clean, None)
    return list(seen)


def _tags(value: Any, name: str, row: int | None) -> list[str]:
    tags = normalize_tags(_as_list(value, name, row))
    for tag in tags:
        _check_characters(tag, name, row)
        if ";" in tag:
            raise ValidationError(name, "a tag cannot contain ';' (it separates tags in CSV)", row)
        if len(tag) > MAX_TAG:
            raise ValidationError(name, f"each tag must be at most {MAX_TAG} characters", row)
    return tags


def _failure_modes(value: Any, name: str, row: int | None) -> list[str]:
    modes = normalize_tags(_as_list(value, name, row))
    for mode in modes:
        if mode not in FAILURE_MODES:
            raise ValidationError(
                name, f"unknown failure mode {mode!r}; use one of {', '.join(FAILURE_MODES)}", row)
    return modes


def _outcome(value: Any, name: str, row: int | None) -> str | None:
    text = _text(value, name, row, 20, required=True)
    assert text is not None
    text = text.lower()
    if text not in OUTCOMES:
        raise ValidationError(name, f"must be one of {', '.join(OUTCOMES)} (got {text!r})", row)
    return text


_VALIDATORS: dict[str, Any] = {
    "occurred_at": lambda v, n, r: now_local() if v in (None, "") else parse_datetime(v, n, r),
    "title": lambda v, n, r: _text(v, n, r, MAX_TITLE, required=True),
    "tool": lambda v, n, r: _text(v, n, r, MAX_SHORT, required=True),
    "tool_version": lambda v, n, r: _text(v, n, r, MAX_SHORT, required=False),
    "category": lambda v, n, r: (_text(v, n, r, MAX_SHORT, required=False) or "").lower() or None,
    "prompt": lambda v, n, r: _text(v, n, r, MAX_PROMPT, required=False),
    "iterations": lambda v, n, r: _int(v, n, r, 1, None),
    "outcome": _outcome,
    "minutes_without_ai": lambda v, n, r: _int(v, n, r, 0, MAX_MINUTES),
    "minutes_with_ai": lambda v, n, r: _int(v, n, r, 0, MAX_MINUTES),
    "what_broke": lambda v, n, r: _text(v, n, r, MAX_TEXT, required=False),
    "failure_modes": _failure_modes,
    "lesson": lambda v, n, r: _text(v, n, r, MAX_TEXT, required=False),
    "tags": _tags,
    "share": _bool,
}
