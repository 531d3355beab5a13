"""Sample entries so a newcomer sees the app populated; tagged 'sample' for the eye, but known by
the `sample` flag (schema v7), so removing them never takes an entry the user tagged 'sample'."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from journal import Entry, Journal

SAMPLE_TAG = "sample"

# (days ago, title, tool, version, category, outcome, by hand, with AI, failure modes,
#  what broke, lesson, prompt, tags)
_SAMPLES: list[tuple[Any, ...]] = [
    (0, "Summarise a 40-page vendor contract", "Claude", "3.5 Sonnet", "analysis", "worked",
     90, 15, [], None, "Ask for a table of obligations with clause numbers — easy to check.",
     "Summarise this contract as a table: party, obligation, deadline, clause number.",
     ["contracts"]),
    (1, "Regex to parse nginx access logs", "ChatGPT", "GPT-4o", "coding", "worked", 30, 5,
     [], None, "Give two real log lines as examples; it nails the edge cases.",
     "Write a Python regex for these nginx log lines:\n<two example lines>", ["regex"]),
    (2, "Draft reply to an angry customer", "ChatGPT", "GPT-4o", "support", "partly", 20, 12,
     ["too_generic"], "First draft sounded like a brochure.",
     "Paste our previous replies as the tone reference.", None, ["email"]),
    (3, "Find papers on retrieval evaluation", "Perplexity", None, "research", "broke", 45, 60,
     ["hallucination"], "Two of five citations did not exist.",
     "Always open every citation before using it.", None, ["citations"]),
    (5, "Meeting notes into action items", "Copilot", None, "meetings", "worked", 25, 4, [],
     None, "Works best straight after the meeting while the transcript is clean.",
     "Turn this transcript into action items: owner, task, due date.", ["notes"]),
    (6, "Migrate a Bash script to Python", "Claude", "3.5 Sonnet", "coding", "partly", 60, 35,
     ["outdated"], "Used a deprecated subprocess pattern.", "Pin the Python version in the prompt.",
     "Port this Bash script to Python 3.11 with argparse and pathlib.", ["scripts"]),
    (8, "Rewrite a landing page headline", "ChatGPT", "GPT-4o", "writing", "worked", 20, 6, [],
     None, "Ask for 10 options and pick; don't ask for 'the best one'.",
     "Give me 10 headline options for <product>, max 8 words, no buzzwords.", ["marketing"]),
    (10, "SQL query for monthly churn", "Copilot", None, "analysis", "broke", 15, 40,
     ["wrong_format", "lost_context"], "Kept forgetting our table names after a few turns.",
     "Paste the schema every time; long chats drift.", None, ["sql"]),
    (13, "Translate release notes to German", "DeepL Write", None, "writing", "worked", 40, 8,
     [], None, "Keep product names in a glossary.", None, ["translation"]),
    (16, "Kubernetes pod crash-loop diagnosis", "Claude", "3 Opus", "ops", "partly", 50, 30,
     ["too_generic"], "Generic checklist until I pasted the events.",
     "Lead with `kubectl describe` output, not a description.", None, ["k8s"]),
]


def sample_entries(now: datetime | None = None) -> list[Entry]:
    now = (now or datetime.now()).replace(second=0, microsecond=0)
    out = []
    for (days, title, tool, version, category, outcome, by_hand, with_ai, modes, broke,
         lesson, prompt, tags) in _SAMPLES:
        out.append(Entry(
            title=title, tool=tool, tool_version=version, category=category, outcome=outcome,
            minutes_without_ai=by_hand, minutes_with_ai=with_ai, failure_modes=list(modes),
            what_broke=broke, lesson=lesson, prompt=prompt, tags=[SAMPLE_TAG, *tags],
            occurred_at=now - timedelta(days=days, hours=days % 5),
            iterations=1 + days % 3))
    return out


def add_samples(journal: Journal) -> int:
    entries = sample_entries()
    added = journal.add_many(entries)
    journal.mark_samples(e.id for e in entries)
    return added


def has_samples(journal: Journal) -> bool:
    return journal.has_samples()


def remove_samples(journal: Journal) -> list[str]:
    """Move every flagged sample to the Trash (undoable like any delete); returns their ids."""
    ids = journal.sample_ids()
    for entry_id in ids:
        journal.trash(entry_id)
    return ids
