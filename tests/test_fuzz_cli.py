"""Fuzzing the CLI's ways in (issue 11): random JSON/CSV rows for import, random flag values for
add and edit. Whatever comes in: exit 0 or 2, never a traceback or an internal error, and on
exit 2 the journal holds exactly the entries it held before.

The CLI runs in-process (journal.cli.main) so a few hundred examples take seconds.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from journal import Journal
from journal.cli import main
from journal.cli.entry_cmds import FIELD_FLAGS
from journal.entries import EDITABLE_FIELDS

FUZZ = settings(max_examples=150, suppress_health_check=[HealthCheck.function_scoped_fixture])
NASTY = ["", " ", ";", "#", "\x00", "a\x00b", "\ud800", "x\udcff", "9" * 5000, "1e400", "-1",
         "NaN", "9999-12-31T23:59:59-12:00", "0001-01-01T00:00:00+14:00", "2026-02-30",
         "2026-11-20T14:00", "worked", "broke", "hallucination", "true", "0", "1" * 25]
texts = st.one_of(st.sampled_from(NASTY), st.text(max_size=30),
                  st.text(st.characters(codec="utf-8"), max_size=10),
                  st.text(st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF), max_size=3))
numbers = st.one_of(st.integers(), st.sampled_from([2**63, -(2**63) - 1, 10**30]),
                    st.floats(allow_nan=True, allow_infinity=True))
scalars = st.one_of(st.none(), st.booleans(), numbers, texts)
values = st.one_of(scalars, st.lists(scalars, max_size=3), st.dictionaries(texts, scalars, max_size=2))
field_names = st.one_of(st.sampled_from([*EDITABLE_FIELDS, "id", "created_at", "updated_at",
                                         "trashed_at", "net_minutes"]), texts)
VALID = {"title": "fuzz", "tool": "Claude", "outcome": "worked", "minutes_without_ai": 10,
         "minutes_with_ai": 5}
rows = st.lists(st.one_of(
    st.dictionaries(field_names, values, max_size=6),
    st.dictionaries(st.sampled_from(EDITABLE_FIELDS), values, max_size=4).map(
        lambda extra: {**VALID, **extra})), max_size=3)


@pytest.fixture
def folder(journal_dir: Path) -> Path:
    journal, _ = Journal.create(journal_dir)
    journal.add(VALID)
    journal.close()
    return journal_dir


def count(folder: Path) -> int:
    with Journal.open(folder) as journal:
        return journal.count()


def first_id(folder: Path) -> str:
    with Journal.open(folder) as journal:
        return journal.list(limit=1)[0].id


def run_cli(folder: Path, argv: list[str], capsys: pytest.CaptureFixture[str]) -> tuple[int, str]:
    capsys.readouterr()
    try:
        code = main(["--journal", str(folder), *argv], io.StringIO())
    except SystemExit as stop:  # argparse refusing a value: exit 2 with a usage message
        code = int(stop.code or 0)
    return code, capsys.readouterr().err


def check(folder: Path, argv: list[str], capsys: pytest.CaptureFixture[str]) -> int:
    before = count(folder)
    code, err = run_cli(folder, argv, capsys)
    assert code in (0, 2), (code, err)
    assert "Traceback" not in err and "internal error" not in err, err
    if code == 2:
        assert err.strip(), "exit 2 without a message"
        assert count(folder) == before
    return code


@FUZZ
@given(data=rows)
def test_import_json(folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                     data: list[dict[str, Any]]) -> None:
    source = tmp_path / "fuzz.json"
    source.write_text(json.dumps(data), encoding="utf-8")
    check(folder, ["import", str(source)], capsys)


@FUZZ
@given(header=st.lists(field_names, min_size=1, max_size=7),
       cells=st.lists(st.lists(texts, max_size=8), max_size=3))
def test_import_csv(folder: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str],
                    header: list[str], cells: list[list[str]]) -> None:
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(cells)
    source = tmp_path / "fuzz.csv"
    source.write_bytes(buffer.getvalue().encode("utf-8", "surrogatepass"))
    check(folder, ["import", str(source)], capsys)


flags = st.dictionaries(st.sampled_from(sorted(FIELD_FLAGS)),
                        texts.filter(lambda t: t != "-"), max_size=5)


def argv_for(command: list[str], chosen: dict[str, str]) -> list[str]:
    argv = list(command)
    for flag, value in chosen.items():
        name = {"with_ai": "with", "tool_version": "tool-version", "tag": "tag",
                "mode": "mode", "share": "share"}.get(flag, flag)
        if flag == "share":
            argv.append("--share" if value else "--no-share")
        else:
            argv += [f"--{name}", value]
    return argv


@FUZZ
@given(chosen=flags)
def test_add(folder: Path, capsys: pytest.CaptureFixture[str], chosen: dict[str, str]) -> None:
    base = {"title": "t", "tool": "x", "outcome": "worked", "without": "3", "with_ai": "1"}
    before = count(folder)
    if check(folder, argv_for(["add"], {**base, **chosen}), capsys) == 0:
        assert count(folder) == before + 1


@FUZZ
@given(chosen=flags.filter(bool))
def test_edit(folder: Path, capsys: pytest.CaptureFixture[str], chosen: dict[str, str]) -> None:
    check(folder, argv_for(["edit", first_id(folder)], chosen), capsys)
