"""The house rules as import contracts ([tool.importlinter] in pyproject.toml), run by `make test`
as well as `make lint`: journal/ never imports Qt or ui/, ui/ enters journal/ through the facade
and value modules only, and no two modules or packages import each other."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from importlinter.cli import lint_imports

PYPROJECT = Path(__file__).resolve().parents[1] / "pyproject.toml"
CONTRACTS = [c["id"] for c in tomllib.loads(PYPROJECT.read_text())["tool"]["importlinter"]["contracts"]]


def test_the_contracts_are_the_three_house_rules() -> None:
    assert CONTRACTS == ["journal-has-no-gui", "ui-enters-journal-by-the-door", "no-cycles"]


@pytest.mark.parametrize("contract", CONTRACTS)
def test_import_contract_is_kept(contract: str, capsys: pytest.CaptureFixture[str]) -> None:
    # no_cache: nothing is written into the repository
    code = lint_imports(str(PYPROJECT), limit_to_contracts=(contract,), no_cache=True, no_logo=True)
    assert code == 0, capsys.readouterr().out
