"""A lessons export never shows a name that the full export of the same journal hides:
detection learns names from every field of every entry, whatever the export includes."""

from __future__ import annotations

import re
from pathlib import Path

from journal import Journal
from journal.entries import Entry
from journal.share import ShareOptions, build_summary, render

ENTRIES = [
    # The cue ("asked", a speaker label) is only in the prompt; the lesson names them bare.
    Entry(title="Pairing on the importer", tool="ChatGPT", outcome="worked",
          minutes_without_ai=30, minutes_with_ai=10, share=True,
          prompt="asked tunde and Eirlys Pennant to review the CSV importer",
          lesson="Tunde caught the encoding bug; Pennant wants more tests."),
    Entry(title="Chat paste", tool="Claude", outcome="partly", minutes_without_ai=20,
          minutes_with_ai=15, share=True,
          prompt="Ngozi: the tokenizer drops accents\nKwabena: I will check it",
          what_broke="Kwabena said the fix broke German umlauts.",
          lesson="Ngozi keeps a test file of accented names."),
    Entry(title="Not shared", tool="Claude", outcome="worked", minutes_without_ai=10,
          minutes_with_ai=5, share=False,
          prompt="cc: bronagh on the rollout", lesson="ask bronagh first"),
    Entry(title="Shared lesson", tool="Claude", outcome="worked", minutes_without_ai=10,
          minutes_with_ai=5, share=True, lesson="Bronagh reviewed the rollout plan."),
]


def _journal(tmp_path: Path) -> Journal:
    journal, _ = Journal.create(tmp_path / "journal", passphrase="consistency test")
    journal.add_many(ENTRIES)
    return journal


def _tokens(originals: list[str]) -> set[str]:
    return {t for o in originals for t in re.findall(r"[^\W\d_]{3,}", o)}


def test_lessons_export_hides_every_name_the_full_export_hides(tmp_path: Path) -> None:
    journal = _journal(tmp_path)
    full = build_summary(journal, ShareOptions(detail="full", include="all"))
    names = _tokens([i.original for i in full.report.items if i.category == "person"])
    assert {"Tunde", "Ngozi", "Kwabena"} <= names | {n.capitalize() for n in names}
    for include in ("all", "marked"):
        lessons = build_summary(journal, ShareOptions(detail="lessons", include=include))
        for fmt in ("md", "json"):
            text = render(lessons, fmt).decode()
            shown = {n for n in names if re.search(rf"(?<!\w){re.escape(n)}(?!\w)", text,
                                                   re.IGNORECASE)}
            assert not shown, (include, fmt, shown)
    journal.close()
