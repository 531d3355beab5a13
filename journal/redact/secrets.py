"""Secrets: provider key shapes (see secret_rules) and high-entropy tokens."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Iterator
from itertools import pairwise

from journal.redact.model import Hit
from journal.redact.secret_rules import COMPILED_RULES

# "=" only as base64 padding at the end: "OPENAI_API_KEY=sk-…" is a name, then a value.
_TOKEN = re.compile(r"[A-Za-z0-9+/_-]{20,}={0,2}")  # left boundary checked in code: faster scan
_UUID = re.compile(r"^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
_HEX = re.compile(r"^[0-9a-fA-F]+$")
_SEPARATORS = re.compile(r"[-_/.+=]")

_RULES = tuple((rule, rx, frozenset(rule.requires)) for rule, rx in COMPILED_RULES)
_REQUIRED = "".join(sorted({c for rule, _rx in COMPILED_RULES for c in rule.requires}))

ENTROPY_BITS = 3.5  # bits per char; random base62 of length 20+ sits around 4.2
MIN_LENGTH = 20


def shannon_entropy(s: str) -> float:
    n = len(s)
    return -sum(c / n * math.log2(c / n) for c in Counter(s).values())


def _class_of(ch: str) -> int:
    if ch.isdigit():
        return 0
    if ch.isupper():
        return 1
    if ch.islower():
        return 2
    return 3


def looks_random(token: str) -> bool:
    """A machine-made secret, not a hash, UUID, model name or snake_case identifier."""
    if len(token) < MIN_LENGTH or _UUID.match(token) or _HEX.match(token):
        return False
    classes = {_class_of(c) for c in token}
    if len({0, 1, 2} & classes) < 3:
        return _random_two_class(token, classes)
    # Words glued with "-"/"_"/"/" ("Meta-Llama-3-70B-Instruct") switch between upper,
    # lower and digit rarely inside each part; random strings do on about every other char.
    parts = [p for p in _SEPARATORS.split(token) if p]
    switches = sum(
        _class_of(a) != _class_of(b) for p in parts for a, b in pairwise(p)
    )
    if switches / sum(len(p) for p in parts) < 0.3:
        return False
    return shannon_entropy(token) >= ENTROPY_BITS


def _random_two_class(token: str, classes: set[int]) -> bool:
    """Lower (or upper) case and digits only, no separators: base36 keys such as a
    40-character API key. Long, digits well mixed in, and no hex (hashes stay)."""
    if len(token) < 32 or 3 in classes or 0 not in classes:
        return False
    digits = sum(c.isdigit() for c in token)
    if not 0.15 <= digits / len(token) <= 0.7:
        return False
    switches = sum(_class_of(a) != _class_of(b) for a, b in pairwise(token))
    return switches / len(token) >= 0.3 and shannon_entropy(token) >= 4.0


class SecretDetector:
    category = "secret"

    def find(self, text: str) -> Iterable[Hit]:
        yield from self.rules(text)
        yield from self.tokens(text)

    @staticmethod
    def rules(text: str) -> Iterator[Hit]:
        """Provider key shapes and assignments (secret_rules)."""
        present = frozenset(c for c in _REQUIRED if c in text)
        lower = ""
        for rule, rx, requires in _RULES:
            if requires and present.isdisjoint(requires):
                continue
            lower = lower or text.lower()
            for needle in rule.needles:
                if needle in lower:
                    break
            else:
                continue
            for m in rx.finditer(text):
                start, end = m.span(rule.group)
                if end > start:
                    yield Hit(start, end, rule.category, key=rule.name)

    @staticmethod
    def tokens(text: str) -> Iterator[Hit]:
        """High-entropy tokens. Each holds a digit (looks_random), so the Redactor runs this
        only on the stretches of text around digits."""
        for m in _TOKEN.finditer(text):
            if m.start() and text[m.start() - 1].isalnum():
                continue
            if looks_random(m.group()):
                yield Hit(m.start(), m.end(), "secret", uncertain=True, key="entropy")
