"""The goals of issue 13 on two hand-written corpora, at full and lessons detail, through the
real export path: tests/redact/fresh/corpus.json, and heldout.json, written by a second author
before reading the detectors."""

from __future__ import annotations

import json
from pathlib import Path
from typing import NamedTuple

import pytest

from redact.fresh_eval import CORPUS, HELDOUT, Score, evaluate, report


class Corpus(NamedTuple):
    path: Path
    min_items: int  # structured items it must judge at each detail, so a pass means something
    min_name_tokens: int


CORPORA = {"fresh": Corpus(CORPUS, 30, 30), "heldout": Corpus(HELDOUT, 40, 50)}
CASES = [(name, detail) for name in CORPORA for detail in ("full", "lessons")]


@pytest.fixture(scope="module")
def all_scores(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[str, Score]]:
    return {name: evaluate(tmp_path_factory.mktemp(name) / "journal", corpus.path)
            for name, corpus in CORPORA.items()}


@pytest.mark.parametrize(("corpus", "detail"), CASES)
def test_no_structured_item_or_term_variant_leaks(all_scores: dict[str, dict[str, Score]],
                                                  corpus: str, detail: str) -> None:
    scores = all_scores[corpus]
    score = scores[detail]
    assert sum(score.items.values()) > CORPORA[corpus].min_items, \
        "the corpus must judge items at this detail"
    assert not score.leaked, report(scores)


@pytest.mark.parametrize(("corpus", "detail"), CASES)
def test_name_tokens_mostly_hidden(all_scores: dict[str, dict[str, Score]], corpus: str,
                                   detail: str) -> None:
    scores = all_scores[corpus]
    score = scores[detail]
    assert score.name_tokens > CORPORA[corpus].min_name_tokens
    assert score.name_rate <= 0.02, report(scores)


@pytest.mark.parametrize(("corpus", "detail"), CASES)
def test_ordinary_and_technical_words_kept(all_scores: dict[str, dict[str, Score]], corpus: str,
                                           detail: str) -> None:
    scores = all_scores[corpus]
    score = scores[detail]
    assert score.ordinary_rate >= 0.97, report(scores)
    assert score.keep_rate >= 0.97, report(scores)


def test_corpus_file_is_where_the_evaluator_reads_it() -> None:
    assert (Path(__file__).parent / "fresh" / "corpus.json").is_file()


def test_heldout_corpus_has_the_issue_classes() -> None:
    data = json.loads(HELDOUT.read_text(encoding="utf-8"))
    classes = {i["class"] for e in data["entries"] for i in e["items"]}
    assert {"host", "secret", "mac", "dob", "record_id", "passport_mrn", "national_id",
            "address", "email", "phone", "iban", "card", "term", "client"} <= classes
    assert len(data["entries"]) >= 15
