"""A team report seen as journal.stats.Stats, so the dashboard's charts and KPI cards show it."""

from __future__ import annotations

from datetime import date

from journal.stats import FailureMode, Group, OutcomeMix, Stats, ToolCount, Totals, Week
from journal.team.model import TeamGroup, TeamReport


def _group(g: TeamGroup) -> Group:
    return Group(name=g.name, entries=g.entries, worked=g.worked, net_minutes=g.net_minutes)


def team_stats(r: TeamReport) -> Stats:
    t = r.totals
    totals = Totals(
        entries=t.entries, net_minutes=t.net_minutes, median_net_minutes=t.median_net_minutes,
        minutes_without_ai=t.minutes_without_ai, minutes_with_ai=t.minutes_with_ai,
        win_rate=t.win_rate, broke_entries=t.broke, broke_minutes_lost=t.broke_minutes_lost,
        broke_net_minutes=r.broke_net_minutes, negative_net_minutes=t.negative_net_minutes,
        first=r.since, last=r.until)
    weeks = tuple(Week(start=date.fromisoformat(w.start), label=w.week, entries=w.entries,
                       net_minutes=w.net_minutes, cumulative_net_minutes=w.cumulative_net_minutes,
                       outcomes=OutcomeMix(w.worked, w.partly, w.broke)) for w in r.weeks)
    modes = tuple(FailureMode(m.mode, m.entries, tuple(ToolCount(x.tool, x.entries)
                                                       for x in m.tools))
                  for m in r.failure_modes)
    return Stats(since=r.since, until=r.until, totals=totals,
                 outcomes=OutcomeMix(t.worked, t.partly, t.broke), weeks=weeks,
                 tools=tuple(_group(g) for g in r.tools),
                 categories=tuple(_group(g) for g in r.categories), failure_modes=modes,
                 recent_lessons=(), best_wins=(), costliest_failures=())
