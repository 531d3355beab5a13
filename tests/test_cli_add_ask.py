"""`offscript add` at a terminal asks for missing fields one by one (defaults from history),
and `--at` takes human dates."""

from __future__ import annotations

import argparse
import io
from datetime import datetime, timedelta

import pytest

from journal import Journal
from journal.cli import build_parser
from journal.cli.entry_cmds import cmd_add


def _args(*argv: str) -> argparse.Namespace:
    return build_parser().parse_args(["add", *argv])


def test_asks_for_missing_fields_with_last_tool_as_default(journal: Journal,
                                                           capsys: pytest.CaptureFixture[str]
                                                           ) -> None:
    journal.add({"title": "Earlier", "tool": "Claude", "tool_version": "3.5 Sonnet",
                 "outcome": "worked", "minutes_without_ai": 10, "minutes_with_ai": 5})
    answers = io.StringIO("Summarise the report\n\n\nbr\nabc\n45\n60\n")
    out = io.StringIO()
    assert cmd_add(_args(), journal, out, stdin=answers, interactive=True) == 0
    entry = journal.list(limit=1)[0]
    assert (entry.title, entry.tool, entry.tool_version, entry.outcome) == (
        "Summarise the report", "Claude", "3.5 Sonnet", "broke")
    assert (entry.minutes_without_ai, entry.minutes_with_ai) == (45, 60)
    asked = capsys.readouterr().err
    assert "Tool [Claude]:" in asked and "Version (optional) [3.5 Sonnet]:" in asked
    assert "must be a whole number" in asked  # 'abc' was asked again, not stored


def test_only_the_missing_fields_are_asked(journal: Journal,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    answers = io.StringIO("worked\n20\n5\n")
    assert cmd_add(_args("--title", "Regex", "--tool", "ChatGPT"), journal, io.StringIO(),
                   stdin=answers, interactive=True) == 0
    asked = capsys.readouterr().err
    assert "What did you try" not in asked and "Tool" not in asked
    assert journal.list(limit=1)[0].net_minutes == 15


def test_end_of_input_adds_nothing(journal: Journal) -> None:
    assert cmd_add(_args(), journal, io.StringIO(), stdin=io.StringIO("Half\n"),
                   interactive=True) == 130
    assert journal.count() == 0


def test_not_a_terminal_still_refuses_missing_fields(journal: Journal) -> None:
    from journal.errors import ValidationError

    with pytest.raises(ValidationError):
        cmd_add(_args("--title", "x"), journal, io.StringIO(), stdin=io.StringIO(""),
                interactive=False)


def test_at_takes_human_dates(journal: Journal) -> None:
    cmd_add(_args("--title", "x", "--tool", "y", "--outcome", "worked", "--without", "5",
                  "--with", "1", "--at", "2h ago"), journal, io.StringIO(), interactive=False)
    when = journal.list(limit=1)[0].occurred_at
    assert abs(when - (datetime.now() - timedelta(hours=2))) < timedelta(minutes=2)
