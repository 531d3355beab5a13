"""Hostile input gives a message naming the field (and row), exit 2, and changes nothing.

Issue 11 item 8: each case here raised a traceback (exit 1) before. The CLI runs in-process
(journal.cli.main) against a closed keychain-mode journal in a temp folder.
"""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from journal import Journal, ValidationError, transfer
from journal.cli import main
from journal.entries import Entry, parse_datetime
from journal.transfer import import_file

ADD = ["add", "--title", "t", "--tool", "x", "--outcome", "worked", "--without", "3",
       "--with", "1"]
GOOD = {"title": "a", "tool": "b", "outcome": "worked", "minutes_without_ai": 1,
        "minutes_with_ai": 1}
EDGE_DATES = ["9999-12-31T23:59:59-12:00", "0001-01-01T00:00:00+14:00"]


@pytest.fixture
def folder(journal_dir: Path) -> Path:
    j, _ = Journal.create(journal_dir)
    j.add(GOOD)
    j.close()
    return journal_dir


def count(folder: Path) -> int:
    with Journal.open(folder) as j:
        return j.count()


def run(folder: Path, *argv: str) -> tuple[int, str]:
    out = io.StringIO()
    try:
        return main(["--journal", str(folder), *argv], out), out.getvalue()
    except SystemExit as stop:  # argparse refusing a flag's value: usage + message, exit 2
        return int(stop.code or 0), out.getvalue()


def refused(folder: Path, capsys: pytest.CaptureFixture[str], *argv: str,
            phrases: tuple[str, ...]) -> str:
    before = count(folder)
    code, _ = run(folder, *argv)
    err = capsys.readouterr().err
    assert code == 2, err
    assert "Traceback" not in err and err.startswith(("offscript: ", "usage: offscript")), err
    for phrase in phrases:
        assert phrase in err, err
    assert count(folder) == before
    return err


# -- dates --------------------------------------------------------------------------------
@pytest.mark.parametrize("when", EDGE_DATES)
def test_edge_dates_with_offsets_in_at(folder: Path, capsys: pytest.CaptureFixture[str],
                                       when: str) -> None:
    refused(folder, capsys, *ADD, "--at", when, phrases=("occurred_at", "range"))


@pytest.mark.parametrize("when", EDGE_DATES)
@pytest.mark.parametrize("name", ["occurred_at", "created_at", "updated_at", "trashed_at"])
def test_edge_dates_in_imported_fields(folder: Path, tmp_path: Path,
                                       capsys: pytest.CaptureFixture[str],
                                       when: str, name: str) -> None:
    source = tmp_path / "in.json"
    source.write_text(json.dumps([GOOD, {**GOOD, name: when}]))
    refused(folder, capsys, "import", str(source), phrases=(f"row 2, {name}", "range"))


def test_far_dates_without_offsets_are_refused_too() -> None:
    # A naive 9999-12-31 would be stored, then break every week/month sum that steps past it.
    with pytest.raises(ValidationError, match="occurred_at"):
        parse_datetime("9999-12-31T23:59:59")
    assert parse_datetime("2026-11-20T14:00").year == 2026


# -- integers -----------------------------------------------------------------------------
@pytest.mark.parametrize("value", [10**30, -(10**30), 2**63])
def test_integers_beyond_sqlite_range(folder: Path, tmp_path: Path,
                                      capsys: pytest.CaptureFixture[str], value: int) -> None:
    refused(folder, capsys, *ADD, "--iterations", str(value), phrases=("iterations",))
    source = tmp_path / "in.json"
    source.write_text(json.dumps([{**GOOD, "iterations": value}]))
    refused(folder, capsys, "import", str(source), phrases=("row 1, iterations",))


def test_integer_longer_than_python_digit_limit(folder: Path, tmp_path: Path,
                                                capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "in.json"
    source.write_text('[{"title": "a", "tool": "b", "outcome": "worked", '
                      '"minutes_without_ai": 1, "minutes_with_ai": ' + "9" * 5000 + "}]")
    refused(folder, capsys, "import", str(source), phrases=("file", "in.json"))
    err = refused(folder, capsys, *ADD[:-1], "9" * 5000, phrases=("--with", "5000 digits"))
    assert len(err) < 2000
    with pytest.raises(ValidationError, match="iterations"):
        Entry.from_dict({**GOOD, "iterations": 10**5000})  # never formats the digits


# -- text ---------------------------------------------------------------------------------
def test_deeply_nested_json(folder: Path, tmp_path: Path,
                            capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "deep.json"
    source.write_text("[" * 100_000)
    refused(folder, capsys, "import", str(source), phrases=("deep.json", "nested"))


@pytest.mark.parametrize("bad", ["\ud800", "a\udcffb", "nul\x00inside"])
def test_lone_surrogates_and_nul_in_text(folder: Path, tmp_path: Path,
                                         capsys: pytest.CaptureFixture[str], bad: str) -> None:
    source = tmp_path / "in.json"
    source.write_text(json.dumps([{**GOOD, "lesson": bad}]))
    refused(folder, capsys, "import", str(source), phrases=("row 1, lesson",))
    refused(folder, capsys, *ADD, "--tag", bad, phrases=("tags",))
    refused(folder, capsys, *ADD[:2], bad, *ADD[3:], phrases=("title",))
    with Journal.open(folder) as j:
        ids = [e.id for e in j.list()]
    refused(folder, capsys, "edit", ids[0], "--prompt", bad, phrases=("prompt",))


def test_non_utf8_prompt_on_stdin(folder: Path, capsys: pytest.CaptureFixture[str],
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    class Stdin(io.TextIOWrapper):
        pass

    monkeypatch.setattr("sys.stdin", Stdin(io.BytesIO(b"caf\xe9 \xff"), encoding="utf-8",
                                           errors="surrogateescape"))
    refused(folder, capsys, *ADD, "--prompt", "-", phrases=("prompt", "UTF-8"))


# -- import files -------------------------------------------------------------------------
def test_import_dev_zero_is_refused_quickly(journal: Journal) -> None:
    with pytest.raises(ValidationError, match="not a text file"):
        import_file(journal, Path("/dev/zero"))


def test_chat_export_import_of_dev_zero_is_refused_quickly(journal: Journal) -> None:
    with pytest.raises(ValidationError, match="not a regular file"):
        journal.conversations.import_export(Path("/dev/zero"))


def test_import_over_the_size_limit_is_refused_before_reading(
        journal: Journal, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    source = tmp_path / "huge.json"
    with source.open("wb") as handle:  # sparse: large on paper, nothing to read
        handle.truncate(transfer.MAX_IMPORT_BYTES + 1)
    monkeypatch.setattr(Path, "read_bytes", lambda self: pytest.fail("read it all"))
    with pytest.raises(ValidationError, match="too large"):
        import_file(journal, source)
    assert journal.count() == 0


def test_csv_rows_count_data_rows_not_lines(journal: Journal, tmp_path: Path) -> None:
    source = tmp_path / "rows.csv"
    source.write_text("title,tool,outcome,minutes_without_ai,minutes_with_ai\n"
                      '"two\nlines",x,worked,1,1\n'
                      "ok,x,worked,1,1\n"
                      "extra,x,worked,1,1,surplus\n", encoding="utf-8")
    with pytest.raises(ValidationError) as caught:
        import_file(journal, source)
    assert "row 3" in str(caught.value) and "row 4" not in str(caught.value)
    assert journal.count() == 0


def test_csv_duplicate_header_columns(journal: Journal, tmp_path: Path) -> None:
    source = tmp_path / "dup.csv"
    source.write_text("title,tool,outcome,minutes_without_ai,minutes_with_ai,title\n"
                      "a,x,worked,1,1,b\n", encoding="utf-8")
    with pytest.raises(ValidationError, match=r"'title'.*more than once"):
        import_file(journal, source)
    assert journal.count() == 0
