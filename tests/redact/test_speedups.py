"""The shortcuts that make redaction fast must not change what it finds."""

from __future__ import annotations

import itertools
import random

import pytest

from journal.redact import RedactionPolicy, Redactor, Term, contact
from journal.redact.lexicon import lexicon
from journal.redact.names import _TOKEN, NameDetector
from journal.redact.windows import MARGIN, digit_windows

POLICY = RedactionPolicy(terms=(Term("Initrode", "client"), Term("Ana Souza", "person")),
                         os_user="jdoe")
FRAGMENTS = [
    "https://x.io/a?b=1", "www.example.com", "foo_https://a.b", "a.com/x", "(see https://a.b/c)",
    "+1 415 555 0132", "(+44 20 7946 0958)", "DE89 3704 0044 0532 0130 00", "4111 1111 1111 1111",
    "ssn 123 45 6789", "QQ 12 34 56 C", "10.0.0.1", "fe80::1ff:fe23:4567:890a",
    "kT9xQ2mZ7vL4pR8sW1nB6yH3", "api_key=abc123def456", "/home/jdoe/x", "C:\\Users\\bob\\x",
    "Ana Souza", "Initrode", "Maria", "Zorblax said", "ana@x.com", "a.b+c@d.co.uk", "@bob",
    "a@b@c.com", "2026-11-20", "3.11.7", "٣٤٥ ٦٧٨ ٩٠١٢", "İstanbul", "Trace", "van der Berg",
]
WORDS = ["the", "model", "prompt", "table", "and", "then", "we", "tried", "it", "again", "with"]
JOINS = [" ", " ", "", ", ", ". ", "\n", "(", ") ", ": "]


def _texts(n: int, seed: int) -> list[str]:
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        parts = []
        for _ in range(rng.randint(1, 80)):
            parts.append(rng.choice(FRAGMENTS) if rng.random() < 0.25 else rng.choice(WORDS))
            parts.append(rng.choice(JOINS))
        out.append("".join(parts))
    return out


@pytest.mark.parametrize("text", _texts(60, 3))
def test_digit_windows_hold_every_digit_with_margin(text: str) -> None:
    windows = digit_windows(text)
    for (_, end), (start, _) in itertools.pairwise(windows):
        assert end < start
    for start, end in windows:
        assert start == 0 or text[start - 1].isspace()
        assert end == len(text) or text[end].isspace()
    if any(not c.isascii() and c.isdigit() for c in text):
        assert windows == [(0, len(text))]
        return
    for i, ch in enumerate(text):
        if ch.isdigit():
            start, end = next(w for w in windows if w[0] <= i < w[1])
            assert start == 0 or i - start >= MARGIN
            assert end == len(text) or end - i > MARGIN


def test_digit_windows_without_digits_and_long_text() -> None:
    assert digit_windows("no numbers here " * 40) == []
    text = "word " * 100 + "call +1 415 555 0132 now" + " word" * 100
    (start, end), = digit_windows(text)
    assert start > 0 and end < len(text)
    assert "+1 415 555 0132" in text[start:end]


@pytest.mark.parametrize("seed", [1, 2, 3])
def test_windows_find_what_whole_text_scans_find(seed: int) -> None:
    texts = _texts(150, seed)
    fast = Redactor(POLICY)
    slow = Redactor(POLICY)
    slow._finders = [(find, False) for find, _ in slow._finders]  # every finder on whole text
    for text in texts:
        assert fast.detect(text) == slow.detect(text)


@pytest.mark.parametrize("text", _texts(80, 4))
def test_anchored_scans_match_finditer(text: str) -> None:
    lower = text.lower()
    cases = [(contact._URL, contact._url_starts(text, lower)),
             (contact._BARE_LINK, contact._bare_starts(text, lower)),
             (contact._EMAIL, sorted(set(contact._email_starts(text)))),
             (contact._HANDLE, contact._ats(text))]
    for rx, starts in cases:
        want = [m.span() for m in rx.finditer(text)]
        assert [m.span() for m in contact._matches(rx, text, starts)] == want, rx.pattern


def test_name_fast_path_matches_full_scan() -> None:
    det = NameDetector(lexicon())
    for text in _texts(200, 5):
        full = [h for run in det._runs(text, _TOKEN) for h in det._judge_run(text, run)]
        assert list(det._find_runs(text)) == full  # find() adds context cues on top


def test_cache_keeps_labels_and_late_learnt_names() -> None:
    r = Redactor(RedactionPolicy())
    assert r.redact("docs").text == "docs"
    assert r.redact("Zorblax").text == "Zorblax"  # sentence-initial, no cue: kept
    r.redact("Asked Zorblax about it.")  # now a known name
    assert r.redact("Zorblax").text == "Person 1"  # the cached short text sees it now
    assert r.redact("docs").text == "docs"
    assert r.counts["person"] == 2


def test_cached_and_uncached_redactors_agree() -> None:
    texts = [t for t in _texts(120, 6) for _ in range(2)] + ["docs", "Maria", "docs"]
    cached, plain = Redactor(POLICY), Redactor(POLICY)
    for text in texts:
        plain._cache.clear()
        assert cached.redact(text) == plain.redact(text)
    assert cached.counts == plain.counts


def test_handles_found_after_each_at() -> None:
    assert [(h.start, h.end) for h in contact.HandleDetector(frozenset()).find("@ana and @bob.")] == [
        (0, 4), (9, 13)]
