"""Helpers for fault tests: a journal made through the CLI, opened again in-process, hashed."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import keyring
import pytest
from support import init_journal
from support.cli import run_cli

from journal import Journal
from journal.vault import SERVICE

FAULTS_DIR = Path(__file__).resolve().parent


def cli(env: dict[str, str], *args: str, timeout: float = 60,
        script: str | None = None) -> subprocess.CompletedProcess[str]:
    """Run `python -m journal.cli ARGS`, or a script from this folder with ARGS.

    Fault cases stay in a real subprocess: they check what a person sees on stderr, including
    SQLCipher's own C-level log lines, which an in-process run cannot capture.
    """
    head = [sys.executable, str(FAULTS_DIR / script)] if script else \
        [sys.executable, "-m", "journal.cli"]
    return subprocess.run([*head, *args], env=env, capture_output=True, text=True,
                          timeout=timeout, check=False)


def add_args(title: str, *extra: str) -> list[str]:
    return ["add", "--title", title, "--tool", "ChatGPT", "--outcome", "worked",
            "--without", "30", "--with", "10", *extra]


def trust_cli_keychain(env: dict[str, str]) -> None:
    """Copy keys from the subprocesses' file keychain into this process's test keychain."""
    for name, value in json.loads(Path(env["OFFSCRIPT_TEST_KEYRING"]).read_text()).items():
        service, journal_id = name.split("/", 1)
        keyring.set_password(service, journal_id, value)


def open_again(env: dict[str, str]) -> Journal:
    trust_cli_keychain(env)
    return Journal.open(Path(env["OFFSCRIPT_HOME"]))


def key_hex(env: dict[str, str]) -> str:
    folder = Path(env["OFFSCRIPT_HOME"])
    journal_id = json.loads((folder / "vault.json").read_text())["journal_id"]
    return str(json.loads(Path(env["OFFSCRIPT_TEST_KEYRING"]).read_text())[
        f"{SERVICE}/{journal_id}"])


def fingerprint(folder: Path) -> dict[str, str]:
    """sha256 of journal.db and vault.json; a WAL, if left, must hold no pending frames."""
    wal = folder / "journal.db-wal"
    assert not wal.exists() or wal.stat().st_size == 0, "uncheckpointed WAL left behind"
    return {name: hashlib.sha256((folder / name).read_bytes()).hexdigest()
            for name in ("journal.db", "vault.json")}


def assert_clean_failure(result: subprocess.CompletedProcess[str], code: int,
                         *phrases: str) -> None:
    assert result.returncode == code, (result.returncode, result.stderr)
    assert "Traceback" not in result.stderr and "ERROR CORE" not in result.stderr, result.stderr
    assert result.stderr.startswith("offscript: "), result.stderr
    for phrase in phrases:
        assert phrase in result.stderr, result.stderr


@pytest.fixture
def seeded(cli_env: dict[str, str]) -> dict[str, str]:
    """A keychain-mode journal with a few entries, made and closed by the CLI (in-process)."""
    init_journal(cli_env)
    for i in range(2):
        made = run_cli(cli_env, *add_args(f"seed {i}", "--prompt", "seed prompt " * 300))
        assert made.returncode == 0, made.stderr
    return cli_env
