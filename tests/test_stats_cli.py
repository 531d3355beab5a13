"""`offscript stats`: the same numbers as the API, readable in 80 columns, stable JSON."""

from __future__ import annotations

import io
import json

import pytest
from test_stats import E

from journal import Journal
from journal.cli import build_parser


def _run(journal: Journal, *argv: str) -> str:
    args = build_parser().parse_args(["stats", *argv])
    out = io.StringIO()
    assert args.handler(args, journal, out) == 0
    return out.getvalue()


@pytest.fixture
def filled(journal: Journal) -> Journal:
    for data in E.values():
        journal.add(data)
    return journal


def test_json_is_the_api_dict(filled: Journal) -> None:
    data = json.loads(_run(filled, "--json"))
    assert data == json.loads(json.dumps(filled.stats().to_dict()))
    assert data["totals"]["net_minutes"] == 105


def test_filters_flow_through(filled: Journal) -> None:
    data = json.loads(_run(filled, "--json", "--tool", "chatgpt", "--since", "2026-01-01",
                           "--until", "2026-01-31"))
    assert data["totals"]["entries"] == 2 and data["totals"]["net_minutes"] == -30
    assert data["since"] == "2026-01-01T00:00:00"
    assert json.loads(_run(filled, "--json", "--mode", "hallucination"))["totals"]["entries"] == 2
    assert json.loads(_run(filled, "--json", "-q", "citation"))["totals"]["entries"] == 1


def test_human_table_fits_80_columns(filled: Journal) -> None:
    text = _run(filled)
    assert max(len(line) for line in text.splitlines()) <= 80
    for needle in ("experiments          6", "+105 min", "median +10 min", "win rate",
                   "55 min with AI on 2 broke", "Per tool", "Copilot", "Per category",
                   "hallucination      2  ChatGPT 1, Copilot 1", "2026-W03",
                   "Best wins", "Costliest failures", "broke: Invented a citation",
                   "lesson: Check every reference"):
        assert needle in text, needle


def test_empty(journal: Journal) -> None:
    text = _run(journal)
    assert "No experiments match" in text
    assert json.loads(_run(journal, "--json"))["totals"]["entries"] == 0
