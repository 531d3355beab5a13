"""Test isolation: temp home and data dirs, an in-memory keyring, offscreen Qt.

Nothing here touches the real home, data dir, keychain or the repo tree.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import keyring
import pytest
from hypothesis import HealthCheck, settings

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from support import PASSPHRASE  # noqa: F401 - re-exported for older imports
from support.cli import cli_environment
from support.memory_keyring import MemoryKeyring

from journal import Journal, vault

# Shared 2-core CI machines are noisy: judge properties by examples, not by wall-clock time.
settings.register_profile("offscript", deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile("offscript")


@pytest.fixture(autouse=True)
def isolated_env(tmp_path_factory: pytest.TempPathFactory,
                 monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Every test gets its own HOME/XDG dirs and a fresh in-memory keychain."""
    home = tmp_path_factory.mktemp("home")
    for var, sub in (("HOME", ""), ("XDG_DATA_HOME", ".local/share"),
                     ("XDG_CONFIG_HOME", ".config"), ("XDG_STATE_HOME", ".local/state"),
                     ("XDG_CACHE_HOME", ".cache")):
        target = home / sub
        target.mkdir(parents=True, exist_ok=True)
        monkeypatch.setenv(var, str(target))
    # The single-instance sockets: a short path (Unix sockets allow ~100 bytes), not /tmp
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(tmp_path_factory.mktemp("rt")))
    monkeypatch.delenv("OFFSCRIPT_HOME", raising=False)
    monkeypatch.delenv("OFFSCRIPT_PASSPHRASE", raising=False)
    # Any Python child a test starts imports the installed package, never the checkout through
    # its working directory (tests/test_installed.py checks this against a regular install).
    monkeypatch.setenv("PYTHONSAFEPATH", "1")
    previous = keyring.get_keyring()
    keyring.set_keyring(MemoryKeyring())
    yield home
    keyring.set_keyring(previous)


@pytest.fixture(autouse=True)
def quick_key_wraps(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keys this process wraps use scrypt's floor cost (2^10, ~1 ms instead of ~0.3 s per wrap at
    2^17), as Django's docs advise a fast password hasher in tests: key wrapping took ~40% of the
    suite's in-process time. Unwrapping still uses the cost stored in each wrap, and every
    child process (CLI, app) wraps at the shipped costs. Tests of the costs themselves are
    marked real_kdf; fault tests keep them too, as they compare files across real processes."""
    if request.node.get_closest_marker("real_kdf") or "faults" in request.node.path.parts:
        return
    monkeypatch.setattr(vault, "PASSPHRASE_COST", vault.MIN_COST)
    monkeypatch.setattr(vault, "RECOVERY_COST", vault.MIN_COST)


@pytest.fixture
def journal_dir(tmp_path: Path) -> Path:
    return tmp_path / "journal"


@pytest.fixture
def journal(journal_dir: Path) -> Iterator[Journal]:
    """A fresh keychain-mode journal in a temp dir."""
    j, _recovery = Journal.create(journal_dir)
    yield j
    j.close()


@pytest.fixture
def cli_env(tmp_path: Path) -> dict[str, str]:
    """Environment for running the CLI (support.cli.run_cli) against a file-backed test keychain."""
    return cli_environment(tmp_path)
