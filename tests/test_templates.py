"""Entry templates and the by-hand estimate suggested from the person's own history."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from journal import Journal
from journal.cli import main as cli_main
from journal.errors import NotFoundError, ValidationError
from journal.templates import BUILTIN

BASE = {"tool": "Claude", "outcome": "worked", "minutes_with_ai": 5}


def test_builtin_templates_cover_common_tasks(journal: Journal) -> None:
    names = [t.name for t in journal.templates.all()]
    assert names[:3] == ["Summarise a document", "Write or fix code", "Draft an e-mail"]
    code = journal.templates.get("write or FIX code").fields()
    assert code["category"] == "coding" and "<" in code["prompt"]
    assert all(t.builtin for t in BUILTIN)


def test_own_template_saved_from_an_entry_fills_an_entry(journal: Journal) -> None:
    source = journal.add({**BASE, "title": "Weekly report", "category": "writing",
                          "tags": ["report"], "prompt": "Turn these notes into a report",
                          "minutes_without_ai": 40, "tool_version": "3.5"})
    saved = journal.templates.save_from_entry("Weekly report", source)
    assert saved.fields() == {"category": "writing", "tags": ["report"], "tool": "Claude",
                              "tool_version": "3.5", "prompt": "Turn these notes into a report",
                              "minutes_without_ai": 40}
    assert [t.name for t in journal.templates.all()][-1] == "Weekly report"
    journal.templates.remove("weekly REPORT")
    with pytest.raises(NotFoundError):
        journal.templates.get("Weekly report")


def test_builtin_names_cannot_be_taken_or_removed(journal: Journal) -> None:
    with pytest.raises(ValidationError, match="built-in"):
        journal.templates.save("Draft an e-mail", {"category": "writing"})
    with pytest.raises(ValidationError, match="built in"):
        journal.templates.remove("Draft an e-mail")
    with pytest.raises(ValidationError, match="minutes_without_ai"):
        journal.templates.save("Bad", {"minutes_without_ai": -3})


def test_suggested_minutes_are_the_median_of_the_category(journal: Journal) -> None:
    assert journal.templates.suggested_minutes("coding") is None
    for minutes in (10, 50, 20):
        journal.add({**BASE, "title": "t", "category": "coding", "minutes_without_ai": minutes})
    journal.add({**BASE, "title": "t", "category": "writing", "minutes_without_ai": 500})
    assert journal.templates.suggested_minutes("coding") == 20
    journal.add({**BASE, "title": "t", "category": "Coding", "minutes_without_ai": 40})
    assert journal.templates.suggested_minutes("coding") == 30  # (20 + 40) / 2
    trashed = journal.add({**BASE, "title": "t", "category": "coding", "minutes_without_ai": 999})
    journal.trash(trashed.id)
    assert journal.templates.suggested_minutes("coding") == 30


def test_cli_add_from_a_template(journal: Journal, journal_dir: Path) -> None:
    journal.close()
    out = io.StringIO()
    code = cli_main(["--journal", str(journal_dir), "add", "--template", "Draft an e-mail",
                     "--title", "Reply to the landlord", "--tool", "ChatGPT", "--outcome", "worked",
                     "--with", "4", "--json"], out)
    assert code == 0
    entry = json.loads(out.getvalue())
    assert entry["category"] == "writing" and entry["minutes_without_ai"] == 15
    assert entry["tags"] == ["email"] and entry["tool"] == "ChatGPT"
    out = io.StringIO()
    assert cli_main(["--journal", str(journal_dir), "templates", "list", "--json"], out) == 0
    assert len(json.loads(out.getvalue())) == 3
