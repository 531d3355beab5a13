"""What a summary contains: totals equal the entries' sums, folding, detail levels, include."""

from __future__ import annotations

import json
from typing import Any

import pytest

from journal import Journal
from journal.entries import FAILURE_MODES, OUTCOMES
from journal.query import EntryFilter
from journal.share import DETAILS, FORMATS, ShareOptions, build_summary, render
from journal.share.json_csv import summary_dict
from share.corpus import ENTRIES


def _opts(**kw: Any) -> ShareOptions:
    return ShareOptions(**kw)


@pytest.mark.parametrize("include", ["marked", "all"])
def test_totals_equal_the_entries_sums(share_journal: Journal, include: str) -> None:
    s = build_summary(share_journal, _opts(detail="full", include=include))
    rows = s.entries
    t = s.totals
    assert t.entries == len(rows)
    assert t.net_minutes == sum(e.net_minutes for e in rows)
    assert t.minutes_without_ai == sum(e.minutes_without_ai for e in rows)
    assert t.minutes_with_ai == sum(e.minutes_with_ai for e in rows)
    assert (t.worked, t.partly, t.broke) == tuple(
        sum(e.outcome == o for e in rows) for o in OUTCOMES)
    for groups in (s.tools, s.categories):
        assert sum(g.entries for g in groups) == t.entries
        assert sum(g.net_minutes for g in groups) == t.net_minutes
    assert sum(w.net_minutes for w in s.weeks) == t.net_minutes
    assert s.weeks[-1].cumulative_net_minutes == t.net_minutes
    doc = json.loads(render(s, "json"))
    assert doc["totals"]["net_minutes"] == sum(e["net_minutes"] for e in doc["entries"])


def test_include_marked_leaves_out_unmarked(share_journal: Journal) -> None:
    marked = build_summary(share_journal, _opts(detail="full", include="marked"))
    everything = build_summary(share_journal, _opts(detail="full", include="all"))
    assert marked.totals.entries == sum(1 for e in ENTRIES if e["share"])
    assert everything.totals.entries == len(ENTRIES)
    for fmt in FORMATS:
        assert b"salary" not in render(marked, fmt)
        assert b"salary" in render(everything, fmt)


def test_filters_and_range_apply(share_journal: Journal) -> None:
    from datetime import date
    flt = EntryFilter(since=date(2026, 1, 12), until=date(2026, 1, 25), tool="chatgpt")
    s = build_summary(share_journal, _opts(include="all", flt=flt))
    assert (s.since, s.until) == ("2026-01-12", "2026-01-25")
    assert s.totals.entries == 2
    assert dict(s.filters) == {"tool": "chatgpt"}


def test_small_groups_fold_into_other(share_journal: Journal) -> None:
    s = build_summary(share_journal, _opts(include="all"))
    tools = {g.name: g for g in s.tools}
    assert set(tools) == {"ChatGPT", "Claude", "other"}
    assert tools["other"].entries == 2 and tools["other"].folded == 2
    assert all(g.entries >= 3 for g in s.tools if g.name != "other")
    assert {e.tool for e in s.entries} == {"ChatGPT", "Claude", "other"}  # rows folded too
    for fmt in FORMATS:
        data = render(s, fmt)
        assert b"Copilot" not in data and b"Initrode GPT" not in data and b"Client" not in data


def test_no_fold_keeps_small_groups_but_redacts_them(share_journal: Journal) -> None:
    s = build_summary(share_journal, _opts(include="all", fold_small_groups=False))
    names = {g.name for g in s.tools}
    assert names == {"ChatGPT", "Claude", "Copilot", "Client 1 GPT"}
    for fmt in FORMATS:
        assert b"Initrode" not in render(s, fmt)


FREE_TEXT = ("title", "prompt", "lesson", "what_broke")


@pytest.mark.parametrize("fmt", FORMATS)
def test_totals_detail_has_no_free_text(share_journal: Journal, fmt: str) -> None:
    data = render(build_summary(share_journal, _opts(detail="totals", include="all")), fmt)
    text = data.decode("utf-8")
    for entry in ENTRIES:
        for name in FREE_TEXT:
            value = entry.get(name)
            if value:
                assert value not in text, (name, value)
        assert entry.get("tool_version") is None or entry["tool_version"] not in text
        for tag in entry.get("tags", []):
            assert tag not in text.lower(), tag
    assert "Lesson" not in text and "Prompt" not in text


def test_lessons_detail_adds_lessons_but_not_titles_or_prompts(share_journal: Journal) -> None:
    text = render(build_summary(share_journal, _opts(detail="lessons", include="all")),
                  "md").decode()
    assert "Say the Excel version up front." in text
    assert "It used XLOOKUP, which our Excel 2016 lacks." in text
    assert "Excel formula for churn" not in text  # a title
    assert "churned accounts per month" not in text  # a prompt
    assert "gpt-4o" not in text  # tool version: full only


@pytest.mark.parametrize("detail", DETAILS)
def test_json_keys_are_fixed_vocabulary(share_journal: Journal, detail: str) -> None:
    doc = summary_dict(build_summary(share_journal, _opts(detail=detail, include="all")))
    allowed = {
        "schema", "contributor", "created", "detail", "include", "range", "since", "until",
        "filters", "name", "value",
        "fold_small_groups", "linkable", "totals", "entries", "net_minutes", "hours_saved",
        "minutes_without_ai", "minutes_with_ai", "median_net_minutes", "win_rate",
        "broke_minutes_lost", "negative_net_minutes", "outcomes", *OUTCOMES, "weekly", "week",
        "start", "cumulative_net_minutes", "tools", "categories", "folded_groups",
        "failure_modes", "mode", "ref", "date", "tool", "category", "outcome", "iterations",
        "what_broke", "lesson", "title", "tool_version", "tags", "prompt", "redactions",
        "person", "client", "project", "domain", "email", "phone", "link", "host", "ip", "path",
        "user", "secret", "card", "iban", "national_id", "record_id", "birth_date", "mac",
        "address", "handle",
    }

    def keys(value: object) -> set[str]:
        if isinstance(value, dict):
            return set(value) | {k for v in value.values() for k in keys(v)}
        if isinstance(value, list):
            return {k for v in value for k in keys(v)}
        return set()

    assert keys(doc) <= allowed
    assert doc["schema"] == "offscript.summary/2"
    assert all(m["mode"] in FAILURE_MODES for m in doc["failure_modes"])


def test_linkable_labels_are_stable_across_exports(share_journal: Journal) -> None:
    opts = _opts(detail="full", include="all", linkable=True)
    first, second = build_summary(share_journal, opts), build_summary(share_journal, opts)
    assert render(first, "json") == render(second, "json")
    labels = first.report.labels()
    assert labels and all("-" in lab or lab.startswith(("[", "@")) for lab in labels)
    assert not any(lab.startswith("Person ") for lab in labels)
    plain = build_summary(share_journal, _opts(detail="full", include="all"))
    assert [e.ref for e in plain.entries] == [str(n) for n in range(1, len(ENTRIES) + 1)]
    assert all(e.ref.startswith("E-") for e in first.entries)


def test_report_lists_replacements_with_uncertain_flags(share_journal: Journal) -> None:
    s = build_summary(share_journal, _opts(detail="full", include="all"))
    originals = {i.original for i in s.report.items}
    assert {"Initrode", "Ana Souza", "ana.souza@initrode.com", "Falcon"} <= originals
    assert dict(s.report.counts)["client"] >= 1
    assert s.report.total == sum(n for _, n in s.report.counts)
    for item in s.report.items:
        for fmt in FORMATS:
            assert item.replacement.encode() in render(s, fmt)


def test_summarize_can_be_cancelled_and_reports_progress(share_journal: Journal) -> None:
    from journal.share import Cancelled, collect, summarize
    snap = collect(share_journal, _opts(detail="full", include="all"))
    with pytest.raises(Cancelled):
        summarize(snap, cancelled=lambda: True)
    seen: list[tuple[int, int]] = []
    summarize(snap, progress=lambda done, total: seen.append((done, total)))
    assert seen == [(0, len(ENTRIES))]
