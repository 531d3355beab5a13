"""Word lists shipped as data: name gazetteer, English words, the built-in allow list.

Loaded lazily, once, through importlib.resources so they work from a wheel and from a
PyInstaller bundle alike. Files hold one entry per line; '#' starts a comment.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources


def _read(name: str, *, phrases: bool = False) -> list[str]:
    """Entries of a data file: words split on whitespace and commas, or with `phrases`
    one entry per line (or per comma) so "Visual Studio Code" stays whole."""
    path = resources.files("journal") / "data" / "names" / name
    out: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        body = line.split("#", 1)[0].strip()
        if not body:
            continue
        if phrases:
            out.extend(p.strip() for p in body.split(","))
        else:
            out.extend(body.replace(",", " ").split())
    return [w for w in out if w]


@dataclass(frozen=True, slots=True)
class Lexicon:
    first_names: frozenset[str]
    surnames: frozenset[str]
    english: frozenset[str]
    allow: frozenset[str]  # never a name, never redacted (casefolded single tokens)
    soft_allow: frozenset[str]  # tech words that are also given names: need a strong cue
    temporal: frozenset[str]  # months and weekdays

    def is_name(self, word: str) -> bool:
        return word in self.first_names or word in self.surnames


def _tokens(entries: list[str]) -> frozenset[str]:
    return frozenset(t.casefold() for e in entries for t in e.replace("-", " ").split())


@cache
def lexicon() -> Lexicon:
    allow_entries = _read("allow_terms.txt", phrases=True)
    soft = frozenset(e[1:].casefold() for e in allow_entries if e.startswith("~"))
    hard = [e for e in allow_entries if not e.startswith("~")]
    first = frozenset(w.casefold() for w in _read("first_names.txt"))
    last = frozenset(w.casefold() for w in _read("surnames.txt"))
    # Words of a phrase ("Sao Paulo") are allowed alone only if they are not names.
    allow = frozenset(e.casefold() for e in hard) | (_tokens(hard) - first - last)
    temporal = frozenset(w.casefold() for w in _read("temporal.txt"))
    return Lexicon(
        first_names=first,
        surnames=last,
        english=frozenset(w.casefold() for w in _read("english_words.txt")) | temporal,
        allow=allow - soft,
        soft_allow=soft,
        temporal=temporal,
    )
