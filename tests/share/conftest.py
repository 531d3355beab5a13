"""Share tests: a fixed journal and a fixed login name, so outputs are byte-for-byte stable."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from support import init_journal

from journal import Journal
from journal.share import lists, summary
from share.corpus import CREATED, LOGIN, make_journal

REAL_LOGIN_NAMES = lists.login_names
REFERENCE = Path(__file__).resolve().parent / "reference"


@pytest.fixture(autouse=True)
def fixed_login(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lists, "login_names", lambda: [LOGIN])


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    """A summary records when it was built; the reference files need one fixed time."""
    monkeypatch.setattr(summary, "created_now", lambda: CREATED)


@pytest.fixture
def share_journal(tmp_path: Path) -> Iterator[Journal]:
    journal = make_journal(tmp_path / "share-journal")
    yield journal
    journal.close()


@pytest.fixture
def cli_env(cli_env: dict[str, str]) -> dict[str, str]:
    """The CLI environment with a keychain-mode journal made by `offscript init`."""
    init_journal(cli_env)
    return cli_env
