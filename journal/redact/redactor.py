"""The Redactor: runs every detector, resolves overlaps, substitutes stable labels."""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from itertools import islice

from journal.redact.address import AddressDetector
from journal.redact.contact import (
    EmailDetector,
    HandleDetector,
    HostDetector,
    IpDetector,
    SpelledEmailDetector,
    UrlDetector,
)
from journal.redact.finance import CardDetector, IbanDetector, NationalIdDetector
from journal.redact.lexicon import lexicon
from journal.redact.local import HomePathDetector, OsUserDetector
from journal.redact.model import (
    CATEGORIES,
    STRUCTURED,
    Hit,
    RedactedText,
    RedactionPolicy,
    Replacement,
    Span,
)
from journal.redact.names import NameDetector
from journal.redact.orgs import OrgDetector
from journal.redact.phone import PhoneDetector
from journal.redact.pseudonyms import Pseudonymizer
from journal.redact.records import RecordDetector
from journal.redact.resolve import resolve
from journal.redact.secrets import SecretDetector
from journal.redact.terms import TermDetector, fold_text, normalize
from journal.redact.windows import digit_windows


def _sweep_structured(text: str, hits: list[Hit]) -> list[Hit]:
    """Every other exact occurrence of a structured finding, whatever its context."""
    seen: dict[str, Hit] = {}
    for h in hits:
        if h.category in STRUCTURED and h.end - h.start >= 4:
            seen.setdefault(text[h.start : h.end], h)
    if not seen:
        return []
    extra = []
    for original, h in seen.items():
        pos = text.find(original)
        while pos >= 0:
            if pos != h.start:
                extra.append(Hit(pos, pos + len(original), h.category, h.uncertain, h.key))
            pos = text.find(original, pos + 1)
    return extra


_Finder = Callable[[str], Iterable[Hit]]
CACHE_TEXT = 300  # texts up to this length are remembered: tags, tools, lessons repeat
CACHE_SIZE = 4096
_FEW_KNOWN = 16  # up to this many names, one str.find each beats splitting the text
_ALNUM = re.compile(r"[^\W_]+")


@dataclass(slots=True)
class _Found:
    """One text's detection. `base` does not depend on what the export saw before, so it
    is cached; the sweep for names learnt elsewhere is brought up to date on each use."""

    base: list[Hit]
    people: list[Hit]
    known: int = 0  # how many known names `swept` has looked for
    swept: list[Hit] = field(default_factory=list)
    hits: list[Hit] = field(default_factory=list)


class Redactor:
    """One export's redaction state: labels stay consistent across redact() calls."""

    def __init__(self, policy: RedactionPolicy) -> None:
        self.policy = policy
        lex = lexicon()
        user_allow = frozenset(a.casefold() for a in policy.allow)
        self._keep = frozenset(k.casefold() for k in policy.keep)
        domain_terms = [t for t in policy.terms if t.kind == "domain"]
        self._names = NameDetector(lex, user_allow)
        secrets = SecretDetector()
        # (finder, near digits): a finder marked True only sees the windows around digits
        # (windows.py); the order is the overlap tie-break order, keep it.
        self._finders: list[tuple[_Finder, bool]] = [
            (secrets.rules, False),
            (secrets.tokens, True),
            (CardDetector().find, True),
            (IbanDetector().find, True),
            (NationalIdDetector().find, True),
            (RecordDetector().find, True),
            (EmailDetector().find, False),
            (SpelledEmailDetector().find, False),
            (UrlDetector().find, False),
            (HostDetector([*policy.user_domains, *(t.text for t in domain_terms)]).find, False),
            (IpDetector().find, True),
            (HomePathDetector().find, False),
            (OsUserDetector(policy.os_user).find, False),
            (PhoneDetector().find, True),
            (AddressDetector(self._names.english).find, True),
            (OrgDetector().find, False),
            (TermDetector(policy.terms, stop=lex.english | lex.allow | user_allow).find, False),
            (self._names.find, False),
            (HandleDetector(lex.allow | user_allow).find, False),
        ]
        self._pseudo = Pseudonymizer(policy.linkable_key)
        for term in policy.terms:
            if term.kind == "person":
                self._pseudo.remember_person(fold_text(normalize(term.text)))
        # casefolded surface -> (person key, uncertain): names found so far in this export
        self._known_people: dict[str, tuple[str, bool]] = {}
        # first alphanumeric run of a known name -> (its position in _known_people, name)
        self._known_by_first: dict[str, list[tuple[int, str]]] = {}
        self.counts: dict[str, int] = dict.fromkeys(CATEGORIES, 0)
        self._cache: OrderedDict[str, _Found] = OrderedDict()
        self._learnt: dict[str, _Found] = {}  # long texts seen by learn(), kept for redact()

    def learn(self, texts: Iterable[str]) -> None:
        """Detect in `texts` without replacing anything, so that names found there are
        known when other texts are redacted (an export learns from the whole journal).
        Each detection is kept until redact() uses it: the export detects every text once."""
        for text in texts:
            if text not in self._learnt and text not in self._cache:
                self._learnt[text] = found = self._detect(text)
                self._learn_people(found.people)

    # -- detection ----------------------------------------------------------------
    def _hits(self, text: str) -> list[Hit]:
        short = len(text) <= CACHE_TEXT
        found = self._learnt.pop(text, None)
        if found is None and short:
            found = self._cache.get(text)
        if found is None:
            found = self._detect(text)
        if short:
            self._cache[text] = found
            self._cache.move_to_end(text)
            if len(self._cache) > CACHE_SIZE:
                self._cache.popitem(last=False)
        self._learn_people(found.people)
        if not self._known_people:
            return found.base
        if found.known < len(self._known_people):
            # Only the names learnt since this text was last swept: the list only grows.
            found.swept += self._find_known(text, since=found.known)
            found.known = len(self._known_people)
            found.hits = resolve([*found.base, *found.swept]) if found.swept else found.base
        return found.hits

    def _detect(self, text: str) -> _Found:
        raw: list[Hit] = []
        windows = digit_windows(text)
        whole = windows == [(0, len(text))]
        for find, near_digits in self._finders:
            if not near_digits or whole:
                raw.extend(find(text))
                continue
            for start, end in windows:
                raw.extend(Hit(h.start + start, h.end + start, h.category, h.uncertain, h.key)
                           for h in find(text[start:end]))
        raw = [h for h in raw if not self._kept(text, h)]
        hits = resolve(raw)
        hits = resolve([*hits, *_sweep_structured(text, hits)])
        return _Found(hits, [h for h in hits if h.category == "person"])

    def _kept(self, text: str, hit: Hit) -> bool:
        return hit.uncertain and text[hit.start : hit.end].casefold() in self._keep

    def _learn_people(self, people: list[Hit]) -> None:
        """Remember names found, so later occurrences go even with no cue around them."""
        for hit in people:
            self._learn(hit.key, hit.key, hit.uncertain)
            words = hit.key.split()
            if len(words) > 1:
                for part in (words[0], words[-1]):
                    if len(part) > 2 and (not self._names.english(part) or self._names.rare(part)):
                        self._learn(part, hit.key, hit.uncertain)

    def _learn(self, surface: str, key: str, uncertain: bool) -> None:
        if surface in self._known_people:
            return
        self._known_people[surface] = (key, uncertain)
        first = _ALNUM.match(surface)
        self._known_by_first.setdefault(first.group() if first else "", []).append(
            (len(self._known_people) - 1, surface))

    def _find_known(self, text: str, since: int = 0) -> list[Hit]:
        # str.find per known name: fast C scans; a big regex alternation had to be
        # recompiled whenever a new name was learnt, and a per-word loop is slow on long text.
        folded = text.casefold()
        if len(folded) != len(text):  # rare letters (ß, İ) change length: offsets would drift
            folded = "".join(c if len(c.casefold()) != 1 else c.casefold() for c in text)
        surfaces: Iterable[str] = islice(self._known_people, since, None)
        if len(self._known_people) - since > _FEW_KNOWN:
            # Many names: only those whose first word occurs in the text. A match starts and
            # ends at a non-alphanumeric boundary, so its first word is one of the text's.
            words = set(_ALNUM.findall(folded))
            words.add("")
            surfaces = sorted(s for w in words.intersection(self._known_by_first)
                              for n, s in self._known_by_first[w] if n >= since)
        found: list[Hit] = []
        for surface in surfaces:
            if surface in self._keep:
                continue
            key, uncertain = self._known_people[surface]
            pos = folded.find(surface)
            while pos >= 0:
                end = pos + len(surface)
                if (pos == 0 or not folded[pos - 1].isalnum()) and (
                        end == len(text) or not folded[end].isalnum()):
                    word = text[pos:end]
                    # "Trace" or "Frank" learnt as a name: a later "trace", "frank" is a word.
                    if not (word.islower() and self._names.lower_word(word)):
                        found.append(Hit(pos, end, "person", uncertain, key))
                pos = folded.find(surface, end)
        return found

    def detect(self, text: str) -> list[Span]:
        """Spans of `text` that redact() would replace, in order."""
        return [Span(h.start, h.end, h.public_category, h.uncertain) for h in self._hits(text)]

    # -- substitution -------------------------------------------------------------
    def redact(self, text: str) -> RedactedText:
        hits = self._hits(text)
        for h in hits:  # full names first, so "Souza" alone maps to "Ana Souza"
            if h.category == "person" and " " in h.key:
                self._pseudo.remember_person(h.key)
        parts: list[str] = []
        reps: list[Replacement] = []
        pos = 0
        out_len = 0
        for h in hits:
            chunk = text[pos : h.start]
            parts.append(chunk)
            out_len += len(chunk)
            label = self._label(h)
            parts.append(label)
            cat = h.public_category
            reps.append(Replacement(out_len, out_len + len(label), text[h.start : h.end], label,
                                    cat, h.uncertain))
            out_len += len(label)
            pos = h.end
            self.counts[cat] = self.counts.get(cat, 0) + 1
        parts.append(text[pos:])
        return RedactedText("".join(parts), reps)

    def _label(self, hit: Hit) -> str:
        cat = hit.public_category
        if cat == "person":
            return self._pseudo.label("person", self._pseudo.person_key(hit.key))
        if cat in ("client", "project", "domain"):
            return self._pseudo.label(cat, hit.key)
        return self._pseudo.label(cat, "")
