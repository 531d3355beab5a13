"""The large English dictionary: ordinary words are no names, names that are words still are."""

from __future__ import annotations

import re

import pytest

from journal.redact import RedactionPolicy, Redactor
from journal.redact.lexicon import _dictionary, _text, lexicon
from redact.openers import survival


def redact(text: str) -> str:
    return Redactor(RedactionPolicy()).redact(text).text


def names_in(text: str) -> dict[str, bool]:
    r = Redactor(RedactionPolicy())
    return {text[s.start : s.end]: s.uncertain for s in r.detect(text) if s.category == "person"}


def test_dictionary_is_large_lower_case_and_licensed() -> None:
    large, proper = _dictionary()
    assert len(large) > 50_000
    assert all(re.fullmatch(r"[a-z]+", w) for w in large)
    assert proper <= large
    assert {"colour", "color", "summarise", "summarize", "trace", "parse"} <= large
    header = _text("english_large.txt")[:20_000]
    assert "SCOWL" in header and "Permission to use, copy, modify" in header


def test_ordinary_excludes_gazetteer_proper_nouns_and_soft_tech_names() -> None:
    lex = lexicon()
    for word in ("trace", "classify", "parse", "pennant"):
        assert lex.ordinary(word)
    for word in ("will", "frank", "grace", "rose", "bill", "victor", "hope", "jack", "mark"):
        assert not lex.ordinary(word) and lex.in_dictionary(word)
    assert not lex.ordinary("don") and not lex.ordinary("lance")  # proper nouns too
    assert not lex.ordinary("ruby")  # ~Ruby: needs a strong cue, as before


OPENERS = ("Trace", "Classify", "Parse", "Scaffold", "Benchmark", "Summarise", "Summarize",
           "Refactor", "Dedupe", "Tokenize", "Lint", "Retry", "Pin", "Bump", "Grep", "Quantize")


@pytest.mark.parametrize("word", OPENERS)
def test_sentence_initial_verbs_and_later_uses_survive(word: str) -> None:
    lower = word.lower()
    text = (f"{word} the failing request first. {word} failed on the long input, so I fixed "
            f"the {lower} step; the {lower} output is fine now and we {lower} every night.")
    assert redact(text) == text


def test_one_redactor_keeps_ordinary_words_across_texts() -> None:
    r = Redactor(RedactionPolicy())
    texts = ["Trace failed again.", "Parse errors went away.", "Classify: 40 labels.",
             "the trace shows a retry loop", "we parse and classify every row"]
    assert [r.redact(t).text for t in texts] == texts


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Asked Will to review the prompt.", "Will"),
        ("Frank said the eval was off.", "Frank"),
        ("Met Grace Hopper at the conference.", "Grace Hopper"),
        ("Thanks Rose for the rubric.", "Rose"),
        ("Victor pushed the fix.", "Victor"),
        ("Don said the numbers were wrong.", "Don"),  # a proper noun in the dictionary too
        ("Later Eirlys Pennant joined the call.", "Eirlys Pennant"),  # rare surname kept
    ],
)
def test_names_that_are_words_still_found_with_cues(text: str, name: str) -> None:
    assert name in names_in(text)
    assert name not in redact(text)


def test_names_that_are_words_flagged_uncertain_without_cue() -> None:
    assert names_in("I think Frank is right about the eval.") == {"Frank": True}
    assert names_in("then Hope came back with results") == {"Hope": True}
    assert names_in("Mark the failing cases. Bill the client. Grace period ends.") == {}


def test_learnt_name_does_not_claim_lower_case_word() -> None:
    out = redact("Frank said no. Later I was frank with the team; Frank agreed.")
    assert out == "Person 1 said no. Later I was frank with the team; Person 1 agreed."
    out = redact("Asked Grace Hopper. A grace period of 3 days.")
    assert out == "Asked Person 1. A grace period of 3 days."


def test_learnt_name_that_is_no_word_still_claims_lower_case() -> None:
    out = redact("Asked Xochiquetzal first; xochiquetzal agreed.")
    assert "ochiquetzal" not in out


PARAGRAPH = (
    "Scaffold first, then iterate. Trace the retrieval calls with LangSmith before touching the "
    "prompt. Parse errors dropped from 14 to 2 after I asked Will to check the schema. "
    "Benchmark: 38 s per 100 docs. Dedupe the corpus; the dedupe pass removed 9% of chunks. "
    "Tokenize with the same tokenizer as the model, or the trace looks wrong. Frank said the "
    "classify step was flaky, so Classify now runs twice. Pin the model version, bump the "
    "retry limit. Grace Hopper would have liked the lint rule. Retry logic is fine; the trace "
    "shows it. Summarise for Priya on Friday."
)


def test_realistic_paragraph() -> None:
    out = redact(PARAGRAPH)
    for name in ("Will", "Frank", "Grace Hopper", "Priya"):
        assert f" {name} " not in out and f" {name}." not in out
    assert out.count("Person") == 4
    kept = ("Scaffold", "Trace", "Parse", "Benchmark", "Dedupe", "dedupe", "Tokenize", "trace",
            "classify", "Classify", "Pin", "bump", "retry", "lint", "Retry", "Summarise", "Friday")
    for word in kept:
        assert re.search(rf"\b{word}\b", out), word
    assert out.count("trace") == PARAGRAPH.count("trace")


def test_seeded_openers_survive() -> None:
    count, openers, later, lost = survival(300, 5)
    assert openers >= 0.98 * count, lost
    assert later >= 0.98 * count
