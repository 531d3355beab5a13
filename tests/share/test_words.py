"""People read the md, html and csv summaries: vocabulary in words, losses with a real minus
sign. Programs read the JSON: it keeps the codes and plain numbers."""

from __future__ import annotations

import json

import pytest

from journal import Journal
from journal.entries import FAILURE_MODES
from journal.share import ShareOptions, build_summary, render

CODES = [m for m in FAILURE_MODES if "_" in m]  # too_generic, lost_context, …


@pytest.fixture
def outputs(share_journal: Journal) -> dict[str, str]:
    summary = build_summary(share_journal, ShareOptions(detail="full", include="all"))
    return {f: render(summary, f).decode("utf-8") for f in ("md", "html", "csv", "json")}


def test_the_corpus_has_coded_failure_modes(outputs: dict[str, str]) -> None:
    modes = {m["mode"] for m in json.loads(outputs["json"])["failure_modes"]}
    assert {"too_generic", "lost_context"} <= modes  # else the tests below prove nothing


@pytest.mark.parametrize("fmt", ["md", "html", "csv"])
def test_people_formats_show_words_not_codes(outputs: dict[str, str], fmt: str) -> None:
    text = outputs[fmt]
    for code in CODES:
        assert code not in text, f"{code} in the {fmt} summary"
    assert "too generic" in text and "lost context" in text


@pytest.mark.parametrize("fmt", ["md", "html"])
def test_losses_carry_a_real_minus_and_plurals_agree(outputs: dict[str, str], fmt: str) -> None:
    text = outputs[fmt]
    assert "\u22128" in text and "| -8 |" not in text and ">-8<" not in text
    assert " person," not in text and "4 people" in text
    if fmt == "html":  # the weekly chart's tooltips
        assert "min, 1 entries" not in text and "\u221210 min, 1 entry<" in text


def test_json_keeps_codes_and_numbers(outputs: dict[str, str]) -> None:
    doc = json.loads(outputs["json"])
    assert "too_generic" in outputs["json"] and "lost_context" in outputs["json"]
    assert "too generic" not in outputs["json"]
    assert any(w["net_minutes"] < 0 for w in doc["weekly"])  # numbers, not text
    assert "\u2212" not in outputs["json"]


def test_csv_numbers_stay_numbers(outputs: dict[str, str]) -> None:
    assert ",-25," in outputs["csv"]  # a spreadsheet adds these up
    assert "\u2212" not in outputs["csv"]
