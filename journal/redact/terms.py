"""The user's declared terms: one compiled alternation, case- and diacritics-insensitive.

A term is found as a whole word, in any case ("KESTREL"), without its diacritics
("Lukasiewicz" for "Łukasiewicz"), and as a part of a CamelCase or numbered compound
("KestrelHub", "Kestrel2024"); tags, URLs and host names split on "-", "." and "/" anyway.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import lru_cache

from journal.redact.model import Hit, Term

# Letters NFKD does not take apart; each maps to one letter so offsets stay exact.
_STROKES = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ħ": "h", "ı": "i", "ŀ": "l"})
_MIN_COMPOUND = 4  # shorter terms ("Ana") must stand alone: "Analytics" is no Ana


@lru_cache(maxsize=1024)
def _fold_char(ch: str) -> str:
    low = ch.lower()
    if len(low) != 1:
        return ch
    base = "".join(c for c in unicodedata.normalize("NFKD", low.translate(_STROKES))
                   if not unicodedata.combining(c))
    return base if len(base) == 1 else low


def fold_text(text: str) -> str:
    """Lower case without diacritics, one character for one: offsets stay the same."""
    if text.isascii():
        return text.lower()
    return "".join(_fold_char(c) for c in text)

_FEW = 16
_KIND_CATEGORY = {"person": "person_term", "client": "client", "project": "project",
                  "domain": "domain"}


def normalize(name: str) -> str:
    return " ".join(name.lower().split())


def _boundary(text: str, start: int, end: int) -> bool:
    """Whole word, or one part of a CamelCase/numbered compound for longer terms."""
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    compound = end - start >= _MIN_COMPOUND
    left = not before.isalnum() or (compound and text[start].isupper() and before.islower())
    right = not after.isalnum() or ((compound and (after.isupper() or after.isdigit())
                                    and not text[end - 1].isupper()) or after.isdigit())
    return left and (right or (compound and text[start:end].isupper() and after.isupper()))


class TermDetector:
    """Finds declared terms; a person's single name parts also count when unambiguous.

    Spaces inside a term match any run of whitespace so "Ana  Souza" still counts.
    Possessives are left outside the span, which turns "Initrode's" into "Client 1's".
    """

    category = "term"

    def __init__(self, terms: Iterable[Term], stop: frozenset[str] = frozenset()) -> None:
        self._kinds: dict[str, tuple[str, str]] = {}  # normalized surface -> (category, key)
        parts: dict[str, set[str]] = {}
        for term in terms:
            norm = fold_text(normalize(term.text))
            if not norm:
                continue
            self._kinds.setdefault(norm, (_KIND_CATEGORY[term.kind], norm))
            if term.kind == "person":
                for part in norm.split()[:: max(1, len(norm.split()) - 1)]:
                    parts.setdefault(part, set()).add(norm)
        for part, owners in parts.items():
            # "Souza" alone is Ana Souza only if one declared person has that name part.
            if len(owners) == 1 and len(part) >= 3 and part not in stop and part not in self._kinds:
                self._kinds[part] = ("person_term", next(iter(owners)))
        self._rx: re.Pattern[str] | None = None
        if self._kinds:
            surfaces = sorted(self._kinds, key=len, reverse=True)
            alt = "|".join(r"\s+".join(re.escape(w) for w in s.split()) for s in surfaces)
            # No leading lookbehind (it disables the regex engine's fast scan): the left
            # boundary is checked in find().
            self._rx = re.compile(rf"(?:{alt})")  # run on folded text; boundaries in find()
        # Substring tests on each term's first word are cheaper than the regex scan while
        # there are few terms; a text holding none of them can't match.
        firsts = {s.split()[0] for s in self._kinds}
        self._firsts: tuple[str, ...] | None = tuple(firsts) if len(firsts) <= _FEW else None

    def find(self, text: str) -> Iterable[Hit]:
        if self._rx is None:
            return
        lower = fold_text(text)
        if self._firsts is not None and not any(w in lower for w in self._firsts):
            return
        for m in self._rx.finditer(lower):
            if not _boundary(text, m.start(), m.end()):
                continue
            category, key = self._kinds[normalize(m.group())]
            yield Hit(m.start(), m.end(), category, key=key)
