"""The user's declared terms: one compiled alternation, whole words, case-insensitive."""

from __future__ import annotations

import re
from collections.abc import Iterable

from journal.redact.model import Hit, Term

_FEW = 16
_KIND_CATEGORY = {"person": "person_term", "client": "client", "project": "project",
                  "domain": "domain"}


def normalize(name: str) -> str:
    return " ".join(name.lower().split())


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
            norm = normalize(term.text)
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
            self._rx = re.compile(rf"(?:{alt})(?![^\W_])")  # run on lower-cased text
        # Substring tests on each term's first word are cheaper than the regex scan while
        # there are few terms; a text holding none of them can't match.
        firsts = {s.split()[0] for s in self._kinds}
        self._firsts: tuple[str, ...] | None = tuple(firsts) if len(firsts) <= _FEW else None

    def find(self, text: str) -> Iterable[Hit]:
        if self._rx is None:
            return
        lower = text.lower()
        if len(lower) != len(text):  # a few letters (İ) lengthen: keep offsets exact
            lower = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
        if self._firsts is not None and not any(w in lower for w in self._firsts):
            return
        for m in self._rx.finditer(lower):
            if m.start() and text[m.start() - 1].isalnum():
                continue
            category, key = self._kinds[normalize(m.group())]
            yield Hit(m.start(), m.end(), category, key=key)
