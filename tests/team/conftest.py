"""Team tests: the synthetic corpus in fixtures/ and a helper to write more summaries."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from journal.team import TeamReport, build_team_report

FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def corpus_report() -> TeamReport:
    return build_team_report([str(FIXTURES)])


def write(folder: Path, name: str, doc: Any) -> Path:
    path = folder / name
    path.write_text(json.dumps(doc, ensure_ascii=False), encoding="utf-8")
    return path
