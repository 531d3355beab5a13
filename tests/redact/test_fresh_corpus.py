"""The goals of issue 13 on the hand-written corpus (tests/redact/fresh/corpus.json), at
full and lessons detail, through the real export path."""

from __future__ import annotations

from pathlib import Path

import pytest

from redact.fresh_eval import Score, evaluate, report


@pytest.fixture(scope="module")
def scores(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Score]:
    return evaluate(tmp_path_factory.mktemp("fresh") / "journal")


@pytest.mark.parametrize("detail", ["full", "lessons"])
def test_no_structured_item_or_term_variant_leaks(scores: dict[str, Score], detail: str) -> None:
    score = scores[detail]
    assert sum(score.items.values()) > 30, "the corpus must judge items at this detail"
    assert not score.leaked, report(scores)


@pytest.mark.parametrize("detail", ["full", "lessons"])
def test_name_tokens_mostly_hidden(scores: dict[str, Score], detail: str) -> None:
    score = scores[detail]
    assert score.name_tokens > 30
    assert score.name_rate <= 0.02, report(scores)


@pytest.mark.parametrize("detail", ["full", "lessons"])
def test_ordinary_and_technical_words_kept(scores: dict[str, Score], detail: str) -> None:
    score = scores[detail]
    assert score.ordinary_rate >= 0.97, report(scores)
    assert score.keep_rate >= 0.97, report(scores)


def test_corpus_file_is_where_the_evaluator_reads_it() -> None:
    assert (Path(__file__).parent / "fresh" / "corpus.json").is_file()
