"""The house rules as import contracts ([tool.importlinter] in pyproject.toml), run by `make test`
as well as `make lint`: journal/ never imports Qt or ui/, ui/ enters journal/ through the facade
and value modules only, and no two modules or packages import each other."""

from __future__ import annotations

import logging
import tomllib
from collections.abc import Iterator
from pathlib import Path

import pytest
from importlinter.cli import lint_imports

PYPROJECT = Path(__file__).resolve().parents[1] / "pyproject.toml"
CONTRACTS = [c["id"] for c in tomllib.loads(PYPROJECT.read_text())["tool"]["importlinter"]["contracts"]]


@pytest.fixture(autouse=True)
def loggers_left_as_found() -> Iterator[None]:
    """lint_imports calls logging.config.dictConfig, which disables every logger that exists
    already (offscript.ui among them) for the rest of the process: a later test in the same
    worker would see no log records. Seen under xdist, where test order differs per worker."""
    loggers = logging.root.manager.loggerDict
    before = {name: lg.disabled for name, lg in loggers.items() if isinstance(lg, logging.Logger)}
    yield
    for name, disabled in before.items():
        logger = loggers.get(name)
        if isinstance(logger, logging.Logger):
            logger.disabled = disabled


def test_the_contracts_are_the_three_house_rules() -> None:
    assert CONTRACTS == ["journal-has-no-gui", "ui-enters-journal-by-the-door", "no-cycles"]


@pytest.mark.parametrize("contract", CONTRACTS)
def test_import_contract_is_kept(contract: str, capsys: pytest.CaptureFixture[str]) -> None:
    # no_cache: nothing is written into the repository
    code = lint_imports(str(PYPROJECT), limit_to_contracts=(contract,), no_cache=True, no_logo=True)
    assert code == 0, capsys.readouterr().out


def test_worker_threads_go_through_background() -> None:
    """A worker that emits a QObject's signal from its thread, or drops the last reference to a
    QRunnable there, races the GUI thread deleting it: that aborted the app (heap corruption).
    Every worker in ui/ hands its result over through ui/infra/background.py instead."""
    ui = Path(__file__).resolve().parent.parent / "ui"
    offenders = [str(path.relative_to(ui.parent)) for path in sorted(ui.rglob("*.py"))
                 if path.name != "background.py"
                 and any(word in path.read_text(encoding="utf-8")
                         for word in ("QRunnable", "QThreadPool", "QThread(", "threading.Thread"))]
    assert offenders == []
