"""The CLI end to end, as a person at a terminal would use it.

Most cases call the CLI in-process (support.cli.run_cli); the first-run and --version/--help
cases go through a real subprocess as smoke tests of the entry point.
"""

from __future__ import annotations

import hashlib
import json
import subprocess
from pathlib import Path

import pytest
from support import init_journal
from support.cli import run_cli

CANARY = "CANARY-7f3e9b2c-do-not-leak"


def run(env: dict[str, str], *args: str, stdin: str | None = None,
        subprocess_run: bool = False) -> subprocess.CompletedProcess[str]:
    return run_cli(env, *args, stdin=stdin, subprocess_run=subprocess_run)


def add(env: dict[str, str], *extra: str, subprocess_run: bool = False) -> subprocess.CompletedProcess[str]:
    return run(env, "add", "--title", "Summarise the report", "--tool", "ChatGPT",
               "--outcome", "worked", "--without", "60", "--with", "15", "--json", *extra,
               subprocess_run=subprocess_run)


@pytest.fixture
def cli_env(cli_env: dict[str, str]) -> dict[str, str]:
    """A keychain-mode journal made by `offscript init`; its recovery key in RECOVERY."""
    return {**cli_env, "RECOVERY": init_journal(cli_env)}


def test_init_prints_recovery_key_once_and_add_never_does(tmp_path: Path,
                                                          cli_env: dict[str, str]) -> None:
    again = run(cli_env, "init")
    assert again.returncode == 0 and "already exists" in again.stdout
    assert cli_env["RECOVERY"] not in again.stdout + again.stderr
    first = add(cli_env, subprocess_run=True)  # a smoke test of the real entry point
    assert first.returncode == 0, first.stderr
    assert "recovery key" not in first.stderr.lower()
    assert json.loads(first.stdout)["net_minutes"] == 45


def test_add_list_show_edit_search_rm_trash(cli_env: dict[str, str]) -> None:
    created = json.loads(add(cli_env, "--tag", "Docs", "--at", "2026-11-20T14:00").stdout)
    entry_id = created["id"]
    prompt = run(cli_env, "add", "--title", "Regex for invoices", "--tool", "Claude",
                 "--outcome", "broke", "--without", "20", "--with", "50", "--mode", "hallucination",
                 "--prompt", "-", "--lesson", "give real samples", stdin="Write a regex for INV-1234")
    assert prompt.returncode == 0, prompt.stderr
    listed = json.loads(run(cli_env, "list", "--json").stdout)
    assert {e["title"] for e in listed} == {"Summarise the report", "Regex for invoices"}
    assert json.loads(run(cli_env, "list", "--json", "--outcome", "broke").stdout)[0]["prompt"] == \
        "Write a regex for INV-1234"
    table = run(cli_env, "list")
    assert "Regex for invoices" in table.stdout and "\u221230" in table.stdout  # real minus sign
    shown = run(cli_env, "show", entry_id[:8])
    assert "saved 45 min" in shown.stdout and "docs" in shown.stdout
    assert run(cli_env, "edit", entry_id, "--with", "90").returncode == 0
    assert json.loads(run(cli_env, "show", entry_id, "--json").stdout)["net_minutes"] == -30
    found = json.loads(run(cli_env, "search", "regex", "--json").stdout)
    assert [e["title"] for e in found] == ["Regex for invoices"]
    assert json.loads(run(cli_env, "search", "regex", "--tool", "ChatGPT", "--json").stdout) == []
    assert run(cli_env, "rm", entry_id).returncode == 0
    assert len(json.loads(run(cli_env, "list", "--json").stdout)) == 1
    assert entry_id[:8] in run(cli_env, "trash").stdout
    assert run(cli_env, "trash", "--restore", entry_id[:8]).returncode == 0
    assert len(json.loads(run(cli_env, "list", "--json").stdout)) == 2
    run(cli_env, "rm", entry_id)
    assert "Deleted 1" in run(cli_env, "trash", "--purge").stdout


@pytest.mark.parametrize(("args", "code", "message"), [
    (("add", "--title", "x", "--tool", "y", "--outcome", "worked", "--without", "5"), 2,
     "minutes_with_ai: is required"),
    (("add", "--title", "x", "--tool", "y", "--outcome", "worked", "--without", "5", "--with", "-3"),
     2, "minutes_with_ai: must be between 0 and 10080"),
    (("add", "--title", "x", "--tool", "y", "--outcome", "worked", "--without", "5", "--with", "1",
      "--at", "soon"), 2, "occurred_at"),
    (("search", '"unclosed'), 2, "unmatched quote"),
    (("show", "ffffffff"), 2, "No entry"),
    (("import", "/nonexistent/file.json"), 4, "Cannot read"),
])
def test_errors_have_messages_and_exit_codes(cli_env: dict[str, str], args: tuple[str, ...],
                                             code: int, message: str) -> None:
    add(cli_env)
    result = run(cli_env, *args)
    assert result.returncode == code
    assert message in result.stderr
    assert "Traceback" not in result.stderr


def test_passphrase_mode_wrong_passphrase_exit_3_and_unchanged(tmp_path: Path,
                                                              cli_env: dict[str, str]) -> None:
    env = {**cli_env, "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring",
           "OFFSCRIPT_PASSPHRASE": "correct horse battery",
           "OFFSCRIPT_HOME": str(tmp_path / "passphrase-journal")}
    init_journal(env)
    assert add(env).returncode == 0
    folder = Path(env["OFFSCRIPT_HOME"])
    before = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()
              if p.is_file()}
    wrong = run({**env, "OFFSCRIPT_PASSPHRASE": "not the passphrase"}, "list")
    assert wrong.returncode == 3 and "Wrong passphrase" in wrong.stderr
    missing = run({k: v for k, v in env.items() if k != "OFFSCRIPT_PASSPHRASE"}, "list")
    assert missing.returncode == 3 and "OFFSCRIPT_PASSPHRASE" in missing.stderr
    after = {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in folder.iterdir()
             if p.is_file()}
    assert after == before


def test_recovery_unlock_and_passphrase_change(cli_env: dict[str, str]) -> None:
    assert add(cli_env).returncode == 0
    recovery = cli_env["RECOVERY"]
    Path(cli_env["OFFSCRIPT_TEST_KEYRING"]).unlink()  # keychain item lost
    locked = run(cli_env, "list")
    assert locked.returncode == 3 and "recovery key" in locked.stderr
    unlocked = run({**cli_env, "OFFSCRIPT_PASSPHRASE": "new passphrase 1"}, "unlock",
                   "--recovery-key", "-", stdin=recovery)
    assert unlocked.returncode == 0, unlocked.stderr
    env = {**cli_env, "OFFSCRIPT_PASSPHRASE": "new passphrase 1"}
    assert len(json.loads(run(env, "list", "--json").stdout)) == 1
    changed = run({**env, "OFFSCRIPT_NEW_PASSPHRASE": "new passphrase 2"}, "passphrase")
    assert changed.returncode == 0, changed.stderr
    assert run(env, "list").returncode == 3
    assert run({**env, "OFFSCRIPT_PASSPHRASE": "new passphrase 2"}, "list").returncode == 0


def test_canary_never_appears_in_journal_files(cli_env: dict[str, str]) -> None:
    assert add(cli_env, "--prompt", CANARY, "--lesson", CANARY, "--tag", "canary7f3e9b2c").returncode == 0
    assert run(cli_env, "search", CANARY.split("-", maxsplit=1)[0]).returncode == 0
    assert CANARY in run(cli_env, "list", "--json").stdout  # it is there, decrypted
    folder = Path(cli_env["OFFSCRIPT_HOME"])
    files = [p for p in folder.rglob("*") if p.is_file()]
    assert files
    for path in files:
        data = path.read_bytes()
        for needle in (CANARY, "canary7f3e9b2c", "Summarise the report"):
            assert needle.encode() not in data, f"{needle} found in {path.name}"
            assert needle.encode("utf-16-le") not in data


def test_version_and_help(cli_env: dict[str, str]) -> None:
    assert run(cli_env, "--version", subprocess_run=True).stdout.startswith("offscript ")
    assert run(cli_env, "--version").stdout.startswith("offscript ")
    for command in ("add", "list", "search", "show", "edit", "rm", "trash", "import", "unlock",
                    "passphrase", "init", "dump"):
        assert run(cli_env, command, "--help").returncode == 0
