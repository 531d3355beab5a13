"""The goals of issue 13 on the held-out corpus (tests/redact/fresh/heldout.json), written by
a second author before reading the detectors, at full and lessons detail, through the real
export path. Same bars as test_fresh_corpus.py."""

from __future__ import annotations

import pytest

from redact.fresh_eval import HELDOUT, Score, evaluate, report


@pytest.fixture(scope="module")
def scores(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Score]:
    return evaluate(tmp_path_factory.mktemp("heldout") / "journal", HELDOUT)


@pytest.mark.parametrize("detail", ["full", "lessons"])
def test_no_structured_item_or_term_variant_leaks(scores: dict[str, Score], detail: str) -> None:
    score = scores[detail]
    assert sum(score.items.values()) > 40, "the corpus must judge items at this detail"
    assert not score.leaked, report(scores)


@pytest.mark.parametrize("detail", ["full", "lessons"])
def test_name_tokens_mostly_hidden(scores: dict[str, Score], detail: str) -> None:
    score = scores[detail]
    assert score.name_tokens > 50
    assert score.name_rate <= 0.02, report(scores)


@pytest.mark.parametrize("detail", ["full", "lessons"])
def test_ordinary_and_technical_words_kept(scores: dict[str, Score], detail: str) -> None:
    score = scores[detail]
    assert score.ordinary_rate >= 0.97, report(scores)
    assert score.keep_rate >= 0.97, report(scores)


def test_heldout_corpus_has_the_issue_classes() -> None:
    import json
    data = json.loads(HELDOUT.read_text(encoding="utf-8"))
    classes = {i["class"] for e in data["entries"] for i in e["items"]}
    assert {"host", "secret", "mac", "dob", "record_id", "passport_mrn", "national_id",
            "address", "email", "phone", "iban", "card", "term", "client"} <= classes
    assert len(data["entries"]) >= 15
