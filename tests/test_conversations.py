"""Drafts from ChatGPT/Claude data exports: parsed locally, reviewed, kept or dropped."""

from __future__ import annotations

import io
import json
import zipfile
from datetime import datetime
from pathlib import Path

import pytest

from journal import Journal
from journal.cli import main as cli_main
from journal.conversations.parse import read_export
from journal.errors import NotFoundError, ValidationError

FIXTURES = Path(__file__).parent / "fixtures" / "chat_exports"
CHATGPT = FIXTURES / "chatgpt_conversations.json"
CLAUDE = FIXTURES / "claude_conversations.json"


def test_chatgpt_export_gives_drafts_with_the_right_fields() -> None:
    convs = {c.title: c for c in read_export(CHATGPT)}
    # the tool-only conversation has no user message: nothing to draft
    assert set(convs) == {"Regex for invoice numbers", "Summarise Q3 board minutes",
                          "translate 'lead time' into German for a logistics glossary"}
    regex = convs["Regex for invoice numbers"]
    assert regex.source == "ChatGPT"
    assert regex.prompt.startswith("Write a Python regex that matches invoice numbers")
    assert regex.user_turns == 2  # the abandoned branch and the system message don't count
    assert regex.model == "gpt-4o-2024-08-06"  # the last assistant turn on the current branch
    assert regex.started_at == datetime.fromtimestamp(1763035200).replace(microsecond=0)
    minutes = convs["Summarise Q3 board minutes"]
    assert minutes.user_turns == 2 and minutes.model == "o3"


def test_claude_export_gives_drafts_with_the_right_fields() -> None:
    convs = read_export(CLAUDE)
    assert [c.title for c in convs] == ["Cover letter tone", "Fix flaky pytest fixture"]  # newest first
    letter, pytest_fix = convs
    assert pytest_fix.source == "Claude" and pytest_fix.user_turns == 3
    assert pytest_fix.model is None  # this export doesn't record the model
    assert pytest_fix.prompt.startswith("My pytest fixture")
    assert letter.model == "claude-sonnet-4-5"
    assert letter.started_at == datetime.fromisoformat("2026-11-24T18:02:00+01:00").astimezone(
        ).replace(tzinfo=None)


def test_the_export_zip_is_read_like_the_file(tmp_path: Path) -> None:
    archive = tmp_path / "export.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("user.json", "{}")
        zf.write(CLAUDE, "conversations.json")
    assert [c.title for c in read_export(archive)] == [c.title for c in read_export(CLAUDE)]


@pytest.mark.parametrize("content", [b"{\"not\": \"a list\"}", b"[{\"foo\": 1}]", b"\x00\xff garbage",
                                     b"[" * 100_000])
def test_a_file_that_is_no_export_is_refused_with_a_message(tmp_path: Path, content: bytes) -> None:
    bad = tmp_path / "conversations.json"
    bad.write_bytes(content)
    with pytest.raises(ValidationError, match="not a ChatGPT or Claude data export"):
        read_export(bad)


def test_a_zip_without_conversations_is_refused(tmp_path: Path) -> None:
    archive = tmp_path / "photos.zip"
    with zipfile.ZipFile(archive, "w") as zf:
        zf.writestr("a.txt", "hello")
    with pytest.raises(ValidationError, match=r"without conversations\.json"):
        read_export(archive)


def test_importing_twice_offers_nothing_twice(journal: Journal) -> None:
    first = journal.conversations.import_export(CHATGPT)
    assert (first.found, first.added, first.already_seen) == (3, 3, 0)
    again = journal.conversations.import_export(CHATGPT)
    assert (again.added, again.already_seen) == (0, 3)
    assert journal.conversations.count() == 3


def test_keep_makes_an_entry_and_drop_forgets_the_text(journal: Journal) -> None:
    journal.conversations.import_export(CLAUDE)
    waiting = journal.conversations.pending()
    fix = next(d for d in waiting if d.title == "Fix flaky pytest fixture")
    letter = next(d for d in waiting if d.title == "Cover letter tone")
    entry = journal.conversations.keep(fix.id[:8], {
        "outcome": "worked", "minutes_without_ai": 90, "minutes_with_ai": 25,
        "lesson": "ask for pg_isready first", "category": "coding"})
    assert (entry.tool, entry.iterations, entry.title) == ("Claude", 3, "Fix flaky pytest fixture")
    assert entry.prompt and entry.prompt.startswith("My pytest fixture")
    assert journal.get(entry.id).lesson == "ask for pg_isready first"
    assert journal.conversations.drop([letter.id]) == 1
    assert journal.conversations.pending() == []
    # nothing of the dropped conversation is left in the journal, and a re-import offers nothing
    rows = journal.store.conn.execute(
        "SELECT title, prompt, tool_version FROM conversation_drafts WHERE status != 'pending'"
    ).fetchall()
    assert rows and all(r == (None, None, None) for r in rows)
    assert journal.search("cover letter") == []
    assert journal.conversations.import_export(CLAUDE).added == 0
    with pytest.raises(NotFoundError):
        journal.conversations.keep(letter.id, {"outcome": "worked"})


def test_an_invalid_keep_changes_nothing(journal: Journal) -> None:
    journal.conversations.import_export(CLAUDE)
    draft = journal.conversations.pending()[0]
    with pytest.raises(ValidationError, match="minutes_with_ai"):
        journal.conversations.keep(draft.id, {"outcome": "worked", "minutes_without_ai": 10})
    assert journal.count() == 0 and journal.conversations.count() == 2


def test_search_finds_drafts_by_title_and_prompt(journal: Journal) -> None:
    journal.conversations.import_export(CHATGPT)
    assert [d.title for d in journal.conversations.pending("invoice")] == ["Regex for invoice numbers"]
    assert [d.title for d in journal.conversations.pending("FIVE BULLETS")] == [
        "Summarise Q3 board minutes"]
    assert journal.conversations.pending("100%_") == []  # LIKE wildcards are literal


def _cli(journal_dir: Path, *argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = cli_main(["--journal", str(journal_dir), *argv], out)
    return code, out.getvalue()


def test_cli_drafts_import_list_keep_drop(journal: Journal, journal_dir: Path,
                                           capsys: pytest.CaptureFixture[str]) -> None:
    journal.close()
    code, text = _cli(journal_dir, "drafts", "import", str(CHATGPT))
    assert code == 0 and "3 new drafts" in text
    code, text = _cli(journal_dir, "drafts", "list", "--json")
    drafts = json.loads(text)
    assert drafts[0]["title"] == "Summarise Q3 board minutes"
    code, _ = _cli(journal_dir, "drafts", "keep", drafts[0]["id"][:8], "--outcome", "partly")
    assert code == 2 and "--without" in capsys.readouterr().err
    code, text = _cli(journal_dir, "drafts", "keep", drafts[0]["id"][:8], "--outcome", "partly",
                      "--without", "20", "--with", "8", "--json")
    assert code == 0 and json.loads(text)["tool_version"] == "o3"
    code, text = _cli(journal_dir, "drafts", "drop", "--all")
    assert code == 0 and "Dropped 2 drafts" in text
    code, text = _cli(journal_dir, "drafts", "import", str(CHATGPT))
    assert code == 0 and "0 new drafts" in text
    code, _ = _cli(journal_dir, "drafts", "import", str(FIXTURES))  # a folder
    assert code in (2, 4)
