"""Word lists shipped as data: name gazetteer, English words, the built-in allow list.

Loaded lazily, once, through importlib.resources so they work from a wheel and from a
PyInstaller bundle alike. Files hold one entry per line; '#' starts a comment.

English comes in two layers: english_words.txt, a curated core (inflections derived in
code), and english_large.txt, some 65,000 dictionary words (SCOWL, via Debian's wamerican
and wbritish) loaded on first use. A dictionary word is "ordinary" (never a name on its own
account) unless the gazetteer lists it (Will, Grace, Frank need a cue as before), the
dictionary also spells it as a proper noun (english_proper.txt: Don, Lance, Booth), or it
is a tech word that is also a given name (~Ruby in allow_terms.txt).
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib import resources

# Letters NFKD does not take apart (dotless i, l with stroke, o with stroke, …): folded by hand.
_LETTERS = str.maketrans({"ı": "i", "ł": "l", "ø": "o", "đ": "d", "ß": "ss", "æ": "ae",
                          "œ": "oe", "þ": "th", "ð": "d"})


def fold(word: str) -> str:
    """A casefolded word without diacritics, for gazetteer look-ups across spellings."""
    if word.isascii():
        return word
    decomposed = unicodedata.normalize("NFKD", word.translate(_LETTERS))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _text(name: str) -> str:
    return (resources.files("journal") / "data" / "names" / name).read_text(encoding="utf-8")


def _read_words(name: str) -> list[str]:
    """A long list: a '#' header, then one word a line, no comments (fast to load)."""
    text = _text(name)
    pos = 0
    while text.startswith("#", pos):
        nl = text.find("\n", pos)
        if nl < 0:
            return []
        pos = nl + 1
    return text[pos:].split()


def _read(name: str, *, phrases: bool = False) -> list[str]:
    """Entries of a data file: words split on whitespace and commas, or with `phrases`
    one entry per line (or per comma) so "Visual Studio Code" stays whole."""
    out: list[str] = []
    for line in _text(name).splitlines():
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
        if word in self.first_names or word in self.surnames:
            return True
        folded = fold(word)
        return folded != word and (folded in self.first_names or folded in self.surnames)

    def is_first_name(self, word: str) -> bool:
        return word in self.first_names or fold(word) in self.first_names

    def in_dictionary(self, word: str) -> bool:
        """A casefolded word any English word list holds, names that are words included
        (will, grace, frank): such a word in lower case is no name."""
        return word in self.english or word in _dictionary()[0]

    def ordinary(self, word: str) -> bool:
        """A casefolded dictionary word that is no name even capitalised: not in the
        gazetteer, not a proper noun too, not a tech word that is also a given name."""
        large, proper = _dictionary()
        return (word in large and word not in proper and not self.is_name(word)
                and word not in self.soft_allow)


def _tokens(entries: list[str]) -> frozenset[str]:
    return frozenset(t.casefold() for e in entries for t in e.replace("-", " ").split())


@cache
def _dictionary() -> tuple[frozenset[str], frozenset[str]]:
    """(english_large.txt, english_proper.txt), loaded on first use."""
    return (frozenset(_read_words("english_large.txt")),
            frozenset(_read_words("english_proper.txt")))


@cache
def lexicon() -> Lexicon:
    # The built-in allow list plus the technical lexicon (eponyms, products, languages).
    allow_entries = (_read("allow_terms.txt", phrases=True)
                     + _read("technical_terms.txt", phrases=True))
    soft = frozenset(e[1:].casefold() for e in allow_entries if e.startswith("~"))
    hard = [e for e in allow_entries if not e.startswith("~")]
    first_raw = [w.casefold() for w in _read("first_names.txt")]
    last_raw = [w.casefold() for w in _read("surnames.txt")]
    first = frozenset(first_raw) | frozenset(fold(w) for w in first_raw)
    last = frozenset(last_raw) | frozenset(fold(w) for w in last_raw)
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
