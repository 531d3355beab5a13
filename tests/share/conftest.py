"""Share tests: a fixed journal and a fixed login name, so outputs are byte-for-byte stable."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from support import init_journal
from support.memory_keyring import MemoryKeyring

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


@pytest.fixture(scope="session")
def share_template(tmp_path_factory: pytest.TempPathFactory
                   ) -> tuple[Path, dict[tuple[str, str], str]]:
    """The corpus journal built once per run (its folder and its keychain items); each test
    opens its own copy, so what one test writes never reaches another."""
    home = tmp_path_factory.mktemp("share-template")
    keychain = MemoryKeyring()
    previous = keyring.get_keyring()
    with pytest.MonkeyPatch.context() as patch:  # session scope: the autouse home is not set yet
        for var in ("HOME", "XDG_DATA_HOME", "XDG_CONFIG_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
            patch.setenv(var, str(home / var.lower()))
        keyring.set_keyring(keychain)
        try:
            make_journal(home / "journal").close()
        finally:
            keyring.set_keyring(previous)
    return home / "journal", dict(keychain.items)


@pytest.fixture
def share_journal(share_template: tuple[Path, dict[tuple[str, str], str]],
                  tmp_path: Path) -> Iterator[Journal]:
    template, items = share_template
    folder = tmp_path / "share-journal"
    shutil.copytree(template, folder)
    for (service, user), secret in items.items():  # this test's in-memory keychain
        keyring.set_password(service, user, secret)
    journal = Journal.open(folder)
    yield journal
    journal.close()


@pytest.fixture
def cli_env(cli_env: dict[str, str]) -> dict[str, str]:
    """The CLI environment with a keychain-mode journal made by `offscript init`."""
    init_journal(cli_env)
    return cli_env
