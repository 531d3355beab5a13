"""Hypothesis: no input crashes; structured originals never survive redaction."""

from __future__ import annotations

from itertools import pairwise

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journal.redact import RedactionPolicy, Redactor, Term
from journal.redact.model import STRUCTURED

POLICY = RedactionPolicy(terms=(Term("Initrode", "client"), Term("Ana Souza", "person")),
                         user_domains=("initrode.com",), os_user="jdoe")

FRAGMENTS = [
    "ana@initrode.com", "+44 20 7946 0958", "(415) 555-0132", "https://x.io/a?b=1",
    "www.example.org", "build01.corp", "10.0.0.12", "fe80::1", "/home/jdoe/a.py", "jdoe",
    "sk-proj-AbCdEfGhIjKlMnOpQrSt1234", "AKIAIOSFODNN7EXAMPLE", "4111 1111 1111 1111",
    "DE89 3704 0044 0532 0130 00", "123-45-6789", "@someone", "Initrode", "Ana Souza",
    "Kwame", "Python 3.11.7", "2026-11-20", "45 minutes", "GPT-4o", "train.py", "password=x1",
    "Priya Raghunathan", "api.initrode.com", ".", ",", "\n", " ", "(", ")", "'s", "-", ":",
]
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(st.text(max_size=300))
def test_never_crashes_on_any_text(text: str) -> None:
    r = Redactor(POLICY)
    out = r.redact(text)
    spans = r.detect(text)
    assert all(0 <= s.start < s.end <= len(text) for s in spans)
    assert all(a.end <= b.start for a, b in pairwise(spans))
    for rep in out.replacements:
        assert out.text[rep.start : rep.end] == rep.replacement


@SETTINGS
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=25).map(" ".join))
def test_structured_originals_never_survive(text: str) -> None:
    r = Redactor(POLICY)
    spans = r.detect(text)
    out = r.redact(text).text
    for s in spans:
        if s.category in STRUCTURED:
            assert text[s.start : s.end] not in out
    # Re-running the detectors on the output finds none of the originals.
    originals = {text[s.start : s.end] for s in spans if s.category in STRUCTURED}
    again = {out[s.start : s.end] for s in Redactor(POLICY).detect(out)}
    assert not originals & again


@SETTINGS
@given(st.lists(st.sampled_from(FRAGMENTS), max_size=25).map("".join))
def test_glued_fragments_do_not_crash_or_overlap(text: str) -> None:
    spans = Redactor(POLICY).detect(text)
    assert all(a.end <= b.start for a, b in pairwise(spans))
