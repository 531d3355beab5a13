"""`offscript team` from the command line, and the contributor id the exports carry."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest

from journal import Journal
from journal.cli import main
from team.conftest import FIXTURES


def test_team_writes_the_report_and_names_skipped_files(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "team.json"
    assert main(["team", str(FIXTURES), "--format", "json", "-o", str(target)]) == 0
    doc = json.loads(target.read_text("utf-8"))
    assert doc["schema"] == "offscript.team/1" and doc["k"] == 3
    assert (doc["contributors"], doc["totals"]["entries"], doc["totals"]["net_minutes"]) == (6, 18, 215)
    assert doc["sources"] == {"files_read": 14, "combined": 7, "skipped": doc["sources"]["skipped"]}
    assert len(doc["sources"]["skipped"]) == 7
    err = capsys.readouterr().err
    assert "skipped broken.json: not valid JSON" in err
    assert "7 summaries from 6 contributors, 18 experiments, net +3.6 h" in err
    assert target.stat().st_mode & 0o077 == 0  # written like every export: private


def test_team_to_stdout_in_every_format() -> None:
    for fmt, marker in (("md", "# AI experiments: team report"), ("html", "<!DOCTYPE html>"),
                        ("json", '"schema": "offscript.team/1"')):
        out = io.StringIO()
        assert main(["team", str(FIXTURES), "--format", fmt, "-o", "-"], out) == 0
        assert marker in out.getvalue()


def test_k_below_three_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_:
        main(["team", str(FIXTURES), "--k", "2", "-o", "-"])
    assert exit_.value.code == 2
    assert "not lowered below 3" in capsys.readouterr().err


def test_nothing_combinable_writes_nothing(tmp_path: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    target = tmp_path / "team.md"
    assert main(["team", str(FIXTURES / "broken.json"), "-o", str(target)]) == 2
    assert not target.exists()
    assert "nothing was written" in capsys.readouterr().err


def test_existing_file_needs_force(tmp_path: Path) -> None:
    target = tmp_path / "team.md"
    target.write_text("keep me")
    assert main(["team", str(FIXTURES), "-o", str(target)]) == 2
    assert target.read_text() == "keep me"
    assert main(["team", str(FIXTURES), "-o", str(target), "--force"]) == 0
    assert target.read_text().startswith("# AI experiments: team report")


def test_contributor_id_is_random_kept_and_private(tmp_path: Path) -> None:
    from journal.share.contributor import CONTRIBUTOR_KEY, contributor_id, new_contributor_id

    one, _ = Journal.create(tmp_path / "one", passphrase="a passphrase for one")
    two, _ = Journal.create(tmp_path / "two", passphrase="a passphrase for two")
    try:
        first = contributor_id(one)
        assert re.fullmatch(r"[0-9a-f]{32}", first)
        assert contributor_id(one) == first == one.get_setting(CONTRIBUTOR_KEY)
        assert contributor_id(two) != first  # random per journal, nothing derived
        assert new_contributor_id(one) != first
    finally:
        one.close()
        two.close()
