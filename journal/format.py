"""Words and numbers as people read them: one place for signs, hours, plurals and labels.

Every screen, the CLI and the Markdown/HTML/CSV exports format through here, so "\u221215 min" looks
the same everywhere. A loss carries a real minus sign (U+2212), a gain a plus, zero neither.
Machine formats (JSON, the journal dump) keep plain numbers and vocabulary codes.
"""

from __future__ import annotations

MINUS = "\u2212"  # reads as a minus, not a hyphen; used wherever people read a signed number
DASH = "–"  # no value (e.g. a win rate with no entries)


def signed(value: int) -> str:
    """+15, \u221215, 0."""
    if value > 0:
        return f"+{value}"
    return f"{MINUS}{-value}" if value < 0 else "0"


def signed_minutes(minutes: int) -> str:
    """+15 min, \u221215 min, 0 min."""
    return f"{signed(minutes)} min"


def duration(minutes: int) -> str:
    """A length of time without sign: 45 min, 1 h, 1 h 35 min."""
    minutes = abs(minutes)
    if minutes < 60:
        return f"{minutes} min"
    whole, rest = divmod(minutes, 60)
    return f"{whole} h {rest} min" if rest else f"{whole} h"


def signed_duration(minutes: int) -> str:
    """+1 h 35 min, \u221210 min, 0 min."""
    if minutes == 0:
        return "0 min"
    return ("+" if minutes > 0 else MINUS) + duration(minutes)


def _tenths(minutes: float) -> int:
    """Minutes as tenths of an hour, rounded half away from zero (so \u22123 min is \u22120.1 h)."""
    tenths = abs(minutes) / 6
    rounded = int(tenths + 0.5)
    return rounded if minutes >= 0 else -rounded


def hours(minutes: float) -> str:
    """Signed hours with one decimal: +1.5 h, \u22120.3 h, and 0.0 h for anything that rounds to 0."""
    tenths = _tenths(minutes)
    text = f"{abs(tenths) // 10}.{abs(tenths) % 10} h"
    if tenths > 0:
        return "+" + text
    return MINUS + text if tenths < 0 else text


def plain_hours(minutes: float) -> str:
    """Hours without sign, for amounts that are never negative (time lost): 1.5 h."""
    tenths = abs(_tenths(minutes))
    return f"{tenths // 10}.{tenths % 10} h"


def signed_number(value: float, digits: int = 1) -> str:
    """A signed decimal with trailing zeros dropped: +2.5, \u22121, 0 (medians, changes)."""
    text = f"{abs(value):.{digits}f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    if text == "0":
        return "0"
    return ("+" if value > 0 else MINUS) + text


def percent(rate: float | None) -> str:
    """45% of a 0..1 rate; a dash when there is nothing to divide."""
    return DASH if rate is None else f"{rate * 100:.0f}%"


# Nouns whose plural is not the word plus "s"/"es" or "y" → "ies".
_IRREGULAR = {"person": "people", "entry": "entries", "summary": "summaries", "try": "tries"}


def plural_of(word: str) -> str:
    """The plural of one English noun as used in this app: guess → guesses, person → people."""
    head, _, last = word.rpartition(" ")
    prefix = head + " " if head else ""
    lower = last.lower()
    if lower in _IRREGULAR:
        return prefix + _IRREGULAR[lower]
    if lower.endswith(("s", "x", "z", "ch", "sh")):
        return prefix + last + "es"
    if lower.endswith("y") and lower[-2:-1] not in ("a", "e", "i", "o", "u", ""):
        return prefix + last[:-1] + "ies"
    return prefix + last + "s"


def plural(n: int, word: str, many: str | None = None) -> str:
    """'1 guess', '2 guesses', '1,200 entries', '2 people'; `many` overrides the plural."""
    return f"{n:,} {word}" if n == 1 else f"{n:,} {many or plural_of(word)}"


# Vocabulary codes (failure modes, redaction categories) in words. Anything not listed reads
# as its code with spaces for underscores; outcomes and categories already are words.
LABELS = {
    "too_generic": "too generic",
    "lost_context": "lost context",
    "wrong_format": "wrong format",
    "tool_error": "tool error",
    "ip": "IP address",
    "mac": "MAC address",
    "iban": "IBAN",
    "card": "card number",
    "national_id": "national ID",
    "record_id": "record ID",
    "birth_date": "birth date",
    "user": "user name",
    "host": "host name",
    "path": "file path",
    "person_term": "person",
}


def in_words(code: str) -> str:
    """A vocabulary code as words: too_generic → too generic."""
    return LABELS.get(code, code.replace("_", " "))


def in_words_list(codes: tuple[str, ...] | list[str]) -> str:
    """Codes as words, comma separated."""
    return ", ".join(in_words(c) for c in codes)


def counted(n: int, code: str) -> str:
    """A count of one vocabulary item in words: '1 email', '2 people', '3 IP addresses'."""
    return plural(n, in_words(code))
