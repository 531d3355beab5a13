"""journal.stats against a hand-computed fixture.

The fixture (all 2026 ISO weeks; W03 has no entries):

    E1 Mon 2025-12-29 09:00  Claude   coding   worked  60/20  net +40  lesson
    E2 Sun 2026-01-04 23:59  ChatGPT  writing  broke   30/45  net -15  hallucination, wrong_format
    E3 Mon 2026-01-05 00:00  claude   coding   partly  50/40  net +10  lost_context
    E4 Tue 2026-01-20 12:00  Copilot  -        worked  90/15  net +75
    E5 Wed 2026-01-21 08:00  Copilot  -        broke   20/10  net +10  hallucination
    E6 Thu 2026-01-22 10:00  ChatGPT  writing  worked  10/25  net -15

Totals: 6 entries, net 105 (260 - 155), median of -15 -15 10 10 40 75 = 10, 3 worked -> 0.5,
broke minutes lost 45 + 10 = 55, broke net -15 + 10 = -5, negative net -15 - 15 = -30.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from datetime import date, datetime, timedelta

import pytest
from support.sql_trace import query_plan

from journal import Entry, EntryFilter, Journal
from journal.stats import Stats, compute_stats, compute_totals, previous_period, week_start

E = {
    "E1": dict(occurred_at="2025-12-29T09:00:00", title="Refactor parser", tool="Claude",
               category="coding", outcome="worked", minutes_without_ai=60, minutes_with_ai=20,
               lesson="Give it the schema first", tags=["work"]),
    "E2": dict(occurred_at="2026-01-04T23:59:59", title="Literature summary", tool="ChatGPT",
               category="writing", outcome="broke", minutes_without_ai=30, minutes_with_ai=45,
               failure_modes=["hallucination", "wrong_format"],
               what_broke="Invented a citation", lesson="Check every reference"),
    "E3": dict(occurred_at="2026-01-05T00:00:00", title="Port tests", tool="claude",
               category="coding", outcome="partly", minutes_without_ai=50, minutes_with_ai=40,
               failure_modes=["lost_context"], tags=["work"]),
    "E4": dict(occurred_at="2026-01-20T12:00:00", title="Boilerplate CRUD", tool="Copilot",
               outcome="worked", minutes_without_ai=90, minutes_with_ai=15),
    "E5": dict(occurred_at="2026-01-21T08:00:00", title="Call unknown API", tool="Copilot",
               outcome="broke", minutes_without_ai=20, minutes_with_ai=10,
               failure_modes=["hallucination"], what_broke="Made up an endpoint"),
    "E6": dict(occurred_at="2026-01-22T10:00:00", title="Polish email", tool="ChatGPT",
               category="writing", outcome="worked", minutes_without_ai=10, minutes_with_ai=25),
}


@pytest.fixture
def ids(journal: Journal) -> dict[str, str]:
    return {name: journal.add(data).id for name, data in E.items()}


def test_totals(journal: Journal, ids: dict[str, str]) -> None:
    t = journal.stats().totals
    assert (t.entries, t.net_minutes, t.minutes_without_ai, t.minutes_with_ai) == (6, 105, 260, 155)
    assert t.median_net_minutes == 10
    assert t.win_rate == 0.5
    assert (t.broke_entries, t.broke_minutes_lost, t.broke_net_minutes) == (2, 55, -5)
    assert t.negative_net_minutes == -30
    assert t.hours_saved == pytest.approx(1.75)
    assert t.hours_lost == pytest.approx(55 / 60)
    assert (t.first, t.last) == ("2025-12-29T09:00:00", "2026-01-22T10:00:00")


def test_outcome_mix(journal: Journal, ids: dict[str, str]) -> None:
    mix = journal.stats().outcomes
    assert (mix.worked, mix.partly, mix.broke, mix.total) == (3, 1, 2, 6)


def test_weeks_fill_gaps_and_split_at_monday(journal: Journal, ids: dict[str, str]) -> None:
    weeks = journal.stats().weeks
    assert [(w.start, w.label, w.entries, w.net_minutes, w.cumulative_net_minutes)
            for w in weeks] == [
        (date(2025, 12, 29), "2026-W01", 2, 25, 25),   # Sunday 23:59:59 still in W01
        (date(2026, 1, 5), "2026-W02", 1, 10, 35),     # Monday 00:00 starts W02
        (date(2026, 1, 12), "2026-W03", 0, 0, 35),     # no entries: zero, not skipped
        (date(2026, 1, 19), "2026-W04", 3, 70, 105),
    ]
    assert [(w.outcomes.worked, w.outcomes.partly, w.outcomes.broke) for w in weeks] == [
        (1, 0, 1), (0, 1, 0), (0, 0, 0), (2, 0, 1)]
    assert weeks[-1].cumulative_hours == pytest.approx(1.75)
    assert weeks[0].hours_saved == pytest.approx(25 / 60)


def test_weeks_span_the_filter_range(journal: Journal, ids: dict[str, str]) -> None:
    stats = journal.stats(EntryFilter(since=date(2025, 12, 15), until=date(2026, 1, 4)))
    assert [(w.start.isoformat(), w.entries, w.net_minutes, w.cumulative_net_minutes)
            for w in stats.weeks] == [
        ("2025-12-15", 0, 0, 0), ("2025-12-22", 0, 0, 0), ("2025-12-29", 2, 25, 25)]
    stats = journal.stats(EntryFilter(since=date(2026, 1, 5), until=date(2026, 1, 25)))
    assert [w.label for w in stats.weeks] == ["2026-W02", "2026-W03", "2026-W04"]
    assert stats.totals.entries == 4
    assert (stats.since, stats.until) == ("2026-01-05T00:00:00", "2026-01-25T23:59:59")


def test_negative_week(journal: Journal, ids: dict[str, str]) -> None:
    stats = journal.stats(EntryFilter(tool="chatgpt"))
    assert [(w.label, w.net_minutes, w.cumulative_net_minutes) for w in stats.weeks] == [
        ("2026-W01", -15, -15), ("2026-W02", 0, -15), ("2026-W03", 0, -15),
        ("2026-W04", -15, -30)]
    assert stats.totals.net_minutes == -30
    assert stats.totals.hours_saved == pytest.approx(-0.5)
    assert stats.totals.median_net_minutes == -15


def test_tools_and_categories(journal: Journal, ids: dict[str, str]) -> None:
    stats = journal.stats()
    assert [(g.name, g.entries, g.worked, g.win_rate, g.net_minutes) for g in stats.tools] == [
        ("Copilot", 2, 1, 0.5, 85), ("Claude", 2, 1, 0.5, 50), ("ChatGPT", 2, 1, 0.5, -30)]
    assert [(g.name, g.entries, g.net_minutes) for g in stats.categories] == [
        (None, 2, 85), ("coding", 2, 50), ("writing", 2, -30)]


def test_failure_modes_with_their_tools(journal: Journal, ids: dict[str, str]) -> None:
    modes = journal.stats().failure_modes
    assert [(m.mode, m.count, [(t.tool, t.count) for t in m.tools]) for m in modes] == [
        ("hallucination", 2, [("ChatGPT", 1), ("Copilot", 1)]),
        ("lost_context", 1, [("claude", 1)]),
        ("wrong_format", 1, [("ChatGPT", 1)]),
    ]


def test_highlights(journal: Journal, ids: dict[str, str]) -> None:
    stats = journal.stats()
    assert [h.id for h in stats.recent_lessons] == [ids["E2"], ids["E1"]]
    assert [(h.id, h.net_minutes) for h in stats.best_wins] == [
        (ids["E4"], 75), (ids["E1"], 40), (ids["E3"], 10)]  # E5 broke: never a "win"
    assert [(h.id, h.net_minutes, h.cost_minutes) for h in stats.costliest_failures] == [
        (ids["E2"], -15, 45), (ids["E6"], -15, 15), (ids["E5"], 10, 10)]
    top = stats.costliest_failures[0]
    assert (top.title, top.tool, top.outcome, top.day) == (
        "Literature summary", "ChatGPT", "broke", date(2026, 1, 4))
    assert (top.what_broke, top.lesson) == ("Invented a citation", "Check every reference")
    assert len(compute_stats(journal.store, highlights=1).best_wins) == 1


def test_same_filters_as_search(journal: Journal, ids: dict[str, str]) -> None:
    for flt in (EntryFilter(query="citation"), EntryFilter(failure_mode="hallucination"),
                EntryFilter(tag="work"), EntryFilter(category="CODING"),
                EntryFilter(outcome="broke"), EntryFilter(until=date(2026, 1, 4))):
        stats = journal.stats(flt)
        assert stats.totals.entries == journal.count(flt) > 0, flt
        listed = journal.list(flt, limit=100)
        assert stats.totals.net_minutes == sum(e.net_minutes for e in listed), flt
    assert journal.stats(EntryFilter(failure_mode="hallucination")).totals.broke_minutes_lost == 55


def test_trashed_entries_do_not_count(journal: Journal, ids: dict[str, str]) -> None:
    journal.trash(ids["E4"])
    t = journal.stats().totals
    assert (t.entries, t.net_minutes) == (5, 30)
    assert journal.stats(EntryFilter(trashed=True)).totals.entries == 1


@pytest.mark.parametrize("flt", [EntryFilter(), EntryFilter(since=date(2030, 1, 1))])
def test_empty(journal: Journal, flt: EntryFilter) -> None:
    stats = journal.stats(flt)
    t = stats.totals
    assert (t.entries, t.net_minutes, t.median_net_minutes, t.win_rate) == (0, 0, None, None)
    assert (t.broke_minutes_lost, t.first, t.last) == (0, None, None)
    assert stats.weeks == stats.tools == stats.categories == stats.failure_modes == ()
    assert stats.best_wins == stats.costliest_failures == stats.recent_lessons == ()
    json.dumps(stats.to_dict())


def test_empty_range_in_a_full_journal(journal: Journal, ids: dict[str, str]) -> None:
    stats = journal.stats(EntryFilter(since=date(2026, 1, 6), until=date(2026, 1, 19)))
    assert stats.totals.entries == 0 and stats.weeks == ()


def test_one_entry_and_odd_median(journal: Journal) -> None:
    journal.add(E["E1"])
    stats = journal.stats()
    assert stats.totals.median_net_minutes == 40
    assert [(w.label, w.net_minutes) for w in stats.weeks] == [("2026-W01", 40)]
    journal.add(E["E2"])
    journal.add(E["E4"])
    assert journal.stats().totals.median_net_minutes == 40  # -15, 40, 75


def test_year_boundary_week_53(journal: Journal) -> None:
    base = dict(title="t", tool="x", outcome="worked", minutes_without_ai=10, minutes_with_ai=5)
    for when in ("2026-12-27T23:59:59", "2026-12-28T00:00:00", "2026-12-31T12:00:00",
                 "2027-01-03T23:59:59", "2027-01-04T00:00:00"):
        journal.add({**base, "occurred_at": when})
    assert [(w.start.isoformat(), w.label, w.entries) for w in journal.stats().weeks] == [
        ("2026-12-21", "2026-W52", 1), ("2026-12-28", "2026-W53", 3),
        ("2027-01-04", "2027-W01", 1)]


@pytest.fixture
def new_york(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    monkeypatch.setenv("TZ", "America/New_York")
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_weeks_use_local_wall_clock(journal: Journal, new_york: None) -> None:
    # 02:00 UTC on Monday is still Sunday 21:00 in New York: it belongs to the week before.
    journal.add(dict(title="late", tool="x", outcome="worked", minutes_without_ai=10,
                     minutes_with_ai=5, occurred_at="2026-01-05T02:00:00+00:00"))
    weeks = journal.stats().weeks
    assert [(w.start, w.label) for w in weeks] == [(date(2025, 12, 29), "2026-W01")]


def test_week_start() -> None:
    assert week_start(date(2026, 1, 4)) == date(2025, 12, 29)
    assert week_start(datetime(2026, 1, 5, 0, 0)) == date(2026, 1, 5)


def test_previous_period() -> None:
    flt = EntryFilter(since=date(2026, 3, 1), until=date(2026, 3, 28), tool="Claude")
    prev = previous_period(flt)
    assert prev == flt.but(since=date(2026, 2, 1), until=date(2026, 2, 28))
    assert previous_period(EntryFilter()) is None
    open_end = previous_period(EntryFilter(since=date.today() - timedelta(days=6)))
    assert open_end is not None
    assert (open_end.since, open_end.until) == (date.today() - timedelta(days=13),
                                                date.today() - timedelta(days=7))
    moments = previous_period(EntryFilter(since=datetime(2026, 1, 2, 12), until=datetime(
        2026, 1, 3, 12)))
    assert moments is not None
    assert (moments.since, moments.until) == (datetime(2026, 1, 1, 11, 59, 59),
                                              datetime(2026, 1, 2, 11, 59, 59))


def test_to_dict_is_json_with_stable_keys(journal: Journal, ids: dict[str, str]) -> None:
    data = json.loads(json.dumps(journal.stats().to_dict()))
    assert list(data) == ["since", "until", "totals", "outcomes", "weeks", "tools", "categories",
                          "failure_modes", "recent_lessons", "best_wins", "costliest_failures"]
    assert data["totals"]["hours_saved"] == 1.75
    assert data["weeks"][2] == {
        "start": "2026-01-12", "label": "2026-W03", "entries": 0, "net_minutes": 0,
        "cumulative_net_minutes": 35, "outcomes": {"worked": 0, "partly": 0, "broke": 0,
                                                   "total": 0},
        "hours_saved": 0.0, "cumulative_hours": 0.5833}
    assert data["tools"][0] == {"name": "Copilot", "entries": 2, "worked": 1, "net_minutes": 85,
                                "win_rate": 0.5}
    assert data["failure_modes"][0]["tools"][0] == {"tool": "ChatGPT", "count": 1}
    assert set(data["best_wins"][0]) == {"id", "occurred_at", "title", "tool", "outcome",
                                         "net_minutes", "cost_minutes", "lesson", "what_broke"}


def test_aggregates_in_sql_not_rows(journal: Journal) -> None:
    """A fixed handful of statements, whatever the journal size; one read of the table."""
    journal.add_many([Entry(title=f"e{i}", tool=f"t{i % 3}", outcome="worked",
                            minutes_without_ai=i % 50, minutes_with_ai=5,
                            occurred_at=datetime(2026, 1, 1) + timedelta(hours=i))
                      for i in range(500)])
    statements: list[str] = []
    journal.store.conn.set_trace_callback(statements.append)
    try:
        stats: Stats = compute_stats(journal.store, EntryFilter())
    finally:
        journal.store.conn.set_trace_callback(None)
    assert stats.totals.entries == 500
    assert len(statements) <= 12
    assert not any("e.prompt" in s for s in statements)
    reads = [s for s in statements if "FROM entries e" in s]
    assert len(reads) == 1  # one read of the journal, through the narrow covering index
    plan = query_plan(journal.store.conn, reads[0].split(" AS ", 1)[1])
    assert "COVERING INDEX entries_stats" in plan[0]
    assert [s for s in statements if "JOIN entries e ON e.seq" in s]  # highlights: by key
    assert journal.store.conn.execute(
        "SELECT count(*) FROM temp.sqlite_master").fetchone()[0] == 0  # temp table dropped


def test_compute_totals_matches(journal: Journal, ids: dict[str, str]) -> None:
    flt = EntryFilter(since=date(2026, 1, 5))
    assert compute_totals(journal.store, flt) == journal.stats(flt).totals
