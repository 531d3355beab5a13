"""A small fixed journal for share tests and reference outputs (dates and ids are fixed)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from journal import Journal
from journal.share import lists

TERMS = (("Initrode", "client"), ("Falcon", "project"), ("Ana Souza", "person"))
LOGIN = "jdoe"
CONTRIBUTOR = "0123456789abcdef0123456789abcdef"  # the reference journal's id
CREATED = "2026-02-05T09:30:00Z"  # and the time its summaries were built


def _id(n: int) -> str:
    return f"00000000-0000-4000-8000-{n:012d}"


ENTRIES: list[dict[str, Any]] = [
    dict(id=_id(1), occurred_at="2026-01-05T09:30", title="Refactor the Initrode billing script",
         tool="ChatGPT", tool_version="gpt-4o", category="coding",
         prompt="Refactor this Python function for Initrode:\n\ndef total(rows):\n"
         "    return sum(r.amount for r in rows)\n",
         iterations=2, outcome="worked", minutes_without_ai=60, minutes_with_ai=25,
         lesson="Give it the tests first; it kept the SQL intact.", tags=["python", "initrode"],
         share=True),
    dict(id=_id(2), occurred_at="2026-01-06T14:00", title="Summarise call notes for Ana Souza",
         tool="Claude", category="writing", prompt="Summarise: Ana Souza (ana.souza@initrode.com, "
         "+1 415 555 0100) asked about the Falcon rollout.", iterations=1, outcome="worked",
         minutes_without_ai=30, minutes_with_ai=10, lesson="Bullet points work better.",
         share=True),
    dict(id=_id(3), occurred_at="2026-01-08T11:15", title="Excel formula for churn",
         tool="ChatGPT", tool_version="gpt-4o", category="analysis",
         prompt="Write an Excel formula that counts churned accounts per month.",
         iterations=3, outcome="partly", minutes_without_ai=20, minutes_with_ai=25,
         what_broke="It used XLOOKUP, which our Excel 2016 lacks.", failure_modes=["outdated"],
         lesson="Say the Excel version up front.", tags=["excel"], share=True),
    dict(id=_id(4), occurred_at="2026-01-13T10:00", title="Kubernetes deploy manifest",
         tool="Claude", category="ops", prompt="Fix this manifest; the cluster is at "
         "10.20.30.40 and the token is ghp_aB3dE5fG7hI9jK1lM3nO5pQ7rS9tU1vW3xY5",
         iterations=4, outcome="broke", minutes_without_ai=45, minutes_with_ai=70,
         what_broke="Invented a Kubernetes field that does not exist.",
         failure_modes=["hallucination"], lesson="Validate with kubectl --dry-run first.",
         tags=["kubernetes"], share=True),
    dict(id=_id(5), occurred_at="2026-01-14T16:45", title="Draft a status e-mail to the Falcon team",
         tool="ChatGPT", category="writing", prompt="Draft a status update. Logs are in "
         "/home/jdoe/falcon/logs.", iterations=1, outcome="worked", minutes_without_ai=25,
         minutes_with_ai=8, lesson="Short prompts are fine for routine mail.", share=True),
    dict(id=_id(6), occurred_at="2026-01-20T09:00", title="Regex for order numbers",
         tool="Copilot", category="coding", prompt="A regex for order numbers like ORD-2024-00017.",
         iterations=2, outcome="worked", minutes_without_ai=15, minutes_with_ai=5,
         lesson="Ask for test strings with the regex.", share=True),
    dict(id=_id(7), occurred_at="2026-01-21T13:30", title="SQL query for monthly revenue",
         tool="ChatGPT", tool_version="gpt-4o", category="analysis",
         prompt="Write a SQL query for monthly revenue by region.", iterations=2,
         outcome="worked", minutes_without_ai=40, minutes_with_ai=15,
         lesson="Paste the schema; it guessed column names otherwise.", share=True),
    dict(id=_id(8), occurred_at="2026-01-27T15:00", title="Private: salary notes for Ana Souza",
         tool="Claude", category="writing", prompt="Private text that is never marked to share.",
         iterations=1, outcome="broke", minutes_without_ai=10,
         minutes_with_ai=20, what_broke="It refused to guess salary bands.",
         failure_modes=["refused"], share=False),
    dict(id=_id(9), occurred_at="2026-02-02T10:30", title="Test data generator",
         tool="Initrode GPT", category="coding", prompt="Generate test data for the Falcon API.",
         iterations=5, outcome="broke", minutes_without_ai=30, minutes_with_ai=55,
         what_broke="The internal bot lost context after three turns.",
         failure_modes=["lost_context", "tool_error"], share=True),
    dict(id=_id(10), occurred_at="2026-02-03T11:00", title="Explain a Python traceback",
         tool="Claude", category="coding", prompt="Why does this raise KeyError?", iterations=1,
         outcome="worked", minutes_without_ai=20, minutes_with_ai=5,
         lesson="Zorblax suggested pasting the whole traceback.", share=True),
    dict(id=_id(11), occurred_at="2026-02-04T17:00", title="Meeting minutes",
         tool="ChatGPT", category="meetings", prompt="Turn these notes into minutes.",
         iterations=1, outcome="partly", minutes_without_ai=20, minutes_with_ai=15,
         what_broke="Too generic; missed the decisions.", failure_modes=["too_generic"],
         share=True),
]


def add_terms(journal: Journal) -> None:
    for text, kind in TERMS:
        lists.add_terms(journal, [text], kind)


def make_journal(folder: Path, *, passphrase: str | None = None) -> Journal:
    from journal.share.contributor import CONTRIBUTOR_KEY
    journal, _ = Journal.create(folder, passphrase=passphrase)
    journal.set_setting(CONTRIBUTOR_KEY, CONTRIBUTOR)  # fixed, for byte-stable references
    journal.add_many(journal_entries())
    add_terms(journal)
    return journal


def journal_entries() -> list[Any]:
    from journal.entries import Entry
    return [Entry.from_dict(e) for e in ENTRIES]
