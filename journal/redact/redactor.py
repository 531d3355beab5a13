"""The Redactor: runs every detector, resolves overlaps, substitutes stable labels."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from journal.redact.contact import (
    EmailDetector,
    HandleDetector,
    HostDetector,
    IpDetector,
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
from journal.redact.phone import PhoneDetector
from journal.redact.pseudonyms import Pseudonymizer
from journal.redact.resolve import resolve
from journal.redact.secrets import SecretDetector
from journal.redact.terms import TermDetector, normalize


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


class _Detector(Protocol):
    def find(self, text: str) -> Iterable[Hit]: ...


class Redactor:
    """One export's redaction state: labels stay consistent across redact() calls."""

    def __init__(self, policy: RedactionPolicy) -> None:
        self.policy = policy
        lex = lexicon()
        user_allow = frozenset(a.casefold() for a in policy.allow)
        self._keep = frozenset(k.casefold() for k in policy.keep)
        domain_terms = [t for t in policy.terms if t.kind == "domain"]
        self._names = NameDetector(lex, user_allow)
        self._detectors: list[_Detector] = [
            SecretDetector(),
            CardDetector(),
            IbanDetector(),
            NationalIdDetector(),
            EmailDetector(),
            UrlDetector(),
            HostDetector([*policy.user_domains, *(t.text for t in domain_terms)]),
            IpDetector(),
            HomePathDetector(),
            OsUserDetector(policy.os_user),
            PhoneDetector(),
            TermDetector(policy.terms, stop=lex.english | lex.allow | user_allow),
            self._names,
            HandleDetector(lex.allow | user_allow),
        ]
        self._pseudo = Pseudonymizer(policy.linkable_key)
        for term in policy.terms:
            if term.kind == "person":
                self._pseudo.remember_person(normalize(term.text))
        # casefolded surface -> (person key, uncertain): names found so far in this export
        self._known_people: dict[str, tuple[str, bool]] = {}
        self.counts: dict[str, int] = dict.fromkeys(CATEGORIES, 0)

    # -- detection ----------------------------------------------------------------
    def _hits(self, text: str) -> list[Hit]:
        raw: list[Hit] = []
        for det in self._detectors:
            raw.extend(det.find(text))
        raw = [h for h in raw if not self._kept(text, h)]
        hits = resolve(raw)
        hits = resolve([*hits, *_sweep_structured(text, hits)])
        people = [h for h in hits if h.category == "person"]
        if people or self._known_people:
            hits = resolve([*hits, *self._sweep(text, people)])
        return hits

    def _kept(self, text: str, hit: Hit) -> bool:
        return hit.uncertain and text[hit.start : hit.end].casefold() in self._keep

    def _sweep(self, text: str, people: list[Hit]) -> list[Hit]:
        """Every other occurrence of a name already found, even with no cue around it."""
        for hit in people:
            self._learn(hit.key, hit.key, hit.uncertain)
            words = hit.key.split()
            if len(words) > 1:
                for part in (words[0], words[-1]):
                    if len(part) > 2 and not self._names.english(part):
                        self._learn(part, hit.key, hit.uncertain)
        return self._find_known(text)

    def _learn(self, surface: str, key: str, uncertain: bool) -> None:
        self._known_people.setdefault(surface, (key, uncertain))

    def _find_known(self, text: str) -> list[Hit]:
        # str.find per known name: fast C scans; a big regex alternation had to be
        # recompiled whenever a new name was learnt, and a per-word loop is slow on long text.
        folded = text.casefold()
        if len(folded) != len(text):  # rare letters (ß, İ) change length: offsets would drift
            folded = "".join(c if len(c.casefold()) != 1 else c.casefold() for c in text)
        found: list[Hit] = []
        for surface, (key, uncertain) in self._known_people.items():
            if surface in self._keep:
                continue
            pos = folded.find(surface)
            while pos >= 0:
                end = pos + len(surface)
                if (pos == 0 or not folded[pos - 1].isalnum()) and (
                        end == len(text) or not folded[end].isalnum()):
                    word = text[pos:end]
                    if not (word.islower() and self._names.english(word)):
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
