"""The share commands through the CLI (in-process): terms, allow, export, exports."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

from support.cli import run_cli

from share.corpus import ENTRIES


def run(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[bytes]:
    return run_cli(env, *args, text=False)


def ok(env: dict[str, str], *args: str) -> str:
    done = run(env, *args)
    assert done.returncode == 0, done.stderr.decode()
    return done.stdout.decode()


def _corpus(env: dict[str, str], tmp_path: Path) -> None:
    src = tmp_path / "corpus.json"
    src.write_text(json.dumps(ENTRIES))
    ok(env, "import", str(src))


def test_terms_round_trip(cli_env: dict[str, str]) -> None:
    ok(cli_env, "terms", "add", "--kind", "client", "Initrode", "Globex Corp")
    ok(cli_env, "terms", "add", "--kind", "person", "Ana Souza")
    listed = json.loads(ok(cli_env, "terms", "list", "--json"))
    assert listed == [{"text": "Globex Corp", "kind": "client"},
                      {"text": "Initrode", "kind": "client"},
                      {"text": "Ana Souza", "kind": "person"}]
    assert "person    Ana Souza" in ok(cli_env, "terms", "list", "--kind", "person")
    gone = run(cli_env, "terms", "remove", "globex corp", "Nobody")
    assert gone.returncode == 0 and b"Not in the terms list: Nobody" in gone.stderr
    assert [t["text"] for t in json.loads(ok(cli_env, "terms", "list", "--json"))] == [
        "Initrode", "Ana Souza"]
    assert run(cli_env, "terms", "add").returncode == 2  # no term given
    assert run(cli_env, "terms", "add", "--kind", "planet", "X").returncode == 2


def test_allow_round_trip(cli_env: dict[str, str]) -> None:
    ok(cli_env, "allow", "add", "Falcon", "Ada")
    assert ok(cli_env, "allow", "list").split() == ["Ada", "Falcon"]
    ok(cli_env, "allow", "remove", "ada")
    assert json.loads(ok(cli_env, "allow", "list", "--json")) == ["Falcon"]


def test_export_to_stdout_and_file(cli_env: dict[str, str], tmp_path: Path) -> None:
    _corpus(cli_env, tmp_path)
    ok(cli_env, "terms", "add", "--kind", "client", "Initrode")
    done = run(cli_env, "export", "--format", "json", "--detail", "full", "--include", "all",
               "-o", "-")
    assert done.returncode == 0, done.stderr.decode()
    doc = json.loads(done.stdout)
    assert doc["schema"] == "offscript.summary/2" and doc["totals"]["entries"] == len(ENTRIES)
    assert b"Initrode" not in done.stdout
    assert b"Redacted:" in done.stderr and b"client" in done.stderr

    target = tmp_path / "s.csv"
    ok(cli_env, "export", "--format", "csv", "--since", "2026-01-12", "--until", "2026-01-25",
       "-o", str(target))
    assert target.read_text().count("\n") == 1 + 4  # header + marked entries in range
    again = run(cli_env, "export", "--format", "csv", "-o", str(target))
    assert again.returncode == 4 and b"already exists" in again.stderr
    assert b"--force" in again.stderr  # the error names the way out
    ok(cli_env, "export", "--format", "md", "--no-fold", "--force", "-o", str(target))
    assert target.read_text().startswith("# AI experiments")

    log = json.loads(ok(cli_env, "exports", "--json"))
    assert [r["file"] for r in log] == ["-", "s.csv", "s.csv"]
    assert str(tmp_path) not in json.dumps(log)
    table = ok(cli_env, "exports")
    assert "s.csv" in table and "json" in table
