"""Honest results at a glance: time saved, wins beside failures, as plain frozen dataclasses.

Definitions (the dashboard, `offscript stats` and share summaries all use these):

- net minutes of an entry = minutes_without_ai - minutes_with_ai (negative: AI cost time).
- hours saved = sum of net minutes / 60, losses included (never only the wins).
- median net minutes = the middle entry's net minutes (mean of the two middle ones).
- minutes lost to failures = sum of minutes_with_ai over `broke` entries: time spent with AI
  that produced nothing usable. `broke_net_minutes` is their net minutes, for comparison.
- negative net minutes = sum of net minutes over every entry with net < 0, whatever its outcome.
- win rate = worked / all entries (`partly` is not a win).
- a week is an ISO week, Monday 00:00 to Sunday 23:59:59, in the local wall-clock time the
  entries are stored in. The weekly series runs from the week of `since` (or of the first
  matching entry) to the week of `until` (or of the last one), empty weeks as zeros; a filter
  that matches nothing has no weeks.
- best wins: largest net saving among entries that did not break. Costliest failures: broke
  entries and entries with negative net, ordered by cost (minutes_with_ai for broke entries,
  -net minutes for the others).

Everything is aggregated in SQL (journal.stats_sql) under the same WHERE clause as search.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING, Any

from journal import stats_sql
from journal.query import EntryFilter, where_clause
from journal.stats_sql import Highlight as Highlight  # noqa: PLC0414  # re-exported: a value type of Stats

if TYPE_CHECKING:
    from journal.store import Store

HIGHLIGHTS = 5


@dataclass(frozen=True)
class OutcomeMix:
    worked: int = 0
    partly: int = 0
    broke: int = 0

    @property
    def total(self) -> int:
        return self.worked + self.partly + self.broke


@dataclass(frozen=True)
class Totals:
    entries: int
    net_minutes: int
    median_net_minutes: float | None  # None when no entries
    minutes_without_ai: int
    minutes_with_ai: int
    win_rate: float | None  # worked / entries, None when no entries
    broke_entries: int
    broke_minutes_lost: int  # minutes_with_ai of broke entries
    broke_net_minutes: int
    negative_net_minutes: int  # sum of net over entries with net < 0 (<= 0)
    first: str | None  # occurred_at of the first / last matching entry
    last: str | None

    @property
    def hours_saved(self) -> float:
        return self.net_minutes / 60

    @property
    def hours_lost(self) -> float:
        return self.broke_minutes_lost / 60


@dataclass(frozen=True)
class Week:
    start: date  # the Monday
    label: str  # ISO week, e.g. 2026-W01
    entries: int
    net_minutes: int
    cumulative_net_minutes: int
    outcomes: OutcomeMix

    @property
    def hours_saved(self) -> float:
        return self.net_minutes / 60

    @property
    def cumulative_hours(self) -> float:
        return self.cumulative_net_minutes / 60


@dataclass(frozen=True)
class Group:
    """One tool or one category. `name` is None for entries without a category."""

    name: str | None
    entries: int
    worked: int
    net_minutes: int

    @property
    def win_rate(self) -> float:
        return self.worked / self.entries if self.entries else 0.0


@dataclass(frozen=True)
class ToolCount:
    tool: str
    count: int


@dataclass(frozen=True)
class FailureMode:
    mode: str
    count: int  # entries with this failure mode
    tools: tuple[ToolCount, ...]  # the tools it occurred with, most often first


@dataclass(frozen=True)
class Stats:
    since: str | None  # the filter's bounds as applied (ISO), None when open
    until: str | None
    totals: Totals
    outcomes: OutcomeMix
    weeks: tuple[Week, ...]
    tools: tuple[Group, ...]
    categories: tuple[Group, ...]
    failure_modes: tuple[FailureMode, ...]
    recent_lessons: tuple[Highlight, ...]
    best_wins: tuple[Highlight, ...]
    costliest_failures: tuple[Highlight, ...]

    def to_dict(self) -> dict[str, Any]:
        """JSON-ready, stable keys; derived figures (hours, win rates) included."""
        out = _plain(self)
        assert isinstance(out, dict)
        return out


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        out = {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
        for name in _DERIVED.get(type(value).__name__, ()):
            out[name] = _plain(getattr(value, name))
        return out
    if isinstance(value, tuple | list):
        return [_plain(v) for v in value]
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return round(value, 4)
    return value


_DERIVED: dict[str, tuple[str, ...]] = {
    "OutcomeMix": ("total",),
    "Totals": ("hours_saved", "hours_lost"),
    "Week": ("hours_saved", "cumulative_hours"),
    "Group": ("win_rate",),
}


def week_start(day: date | datetime) -> date:
    """Monday of the ISO week holding `day`."""
    if isinstance(day, datetime):
        day = day.date()
    return day - timedelta(days=day.weekday())


def previous_period(flt: EntryFilter) -> EntryFilter | None:
    """The same filter over the range of the same length just before `flt`'s range.

    Dates are whole days (until inclusive): a 28-day range gives the 28 days that end the day
    before `since`. Datetime bounds keep their exact span. An open range (no `since`) has no
    previous period; a missing `until` means today (now, for datetimes).
    """
    if flt.since is None:
        return None
    if isinstance(flt.since, datetime) or isinstance(flt.until, datetime):
        start = _as_datetime(flt.since, end=False)
        end = _as_datetime(flt.until, end=True) if flt.until is not None else datetime.now()
        span = end - start
        prev_end = start - timedelta(seconds=1)
        return flt.but(since=prev_end - span, until=prev_end)
    until = flt.until if flt.until is not None else date.today()
    days = (until - flt.since).days + 1
    prev_until = flt.since - timedelta(days=1)
    return flt.but(since=prev_until - timedelta(days=days - 1), until=prev_until)


def _as_datetime(value: date | datetime, *, end: bool) -> datetime:
    if isinstance(value, datetime):
        return value.replace(microsecond=0)
    return datetime.combine(value, datetime.max.time() if end else datetime.min.time()).replace(
        microsecond=0)


def compute_stats(store: Store, flt: EntryFilter | None = None, *,
                  highlights: int = HIGHLIGHTS) -> Stats:
    """All dashboard figures for the entries `flt` selects (same semantics as search)."""
    flt = flt or EntryFilter()
    with _rows(store, flt) as (run, src):
        t = stats_sql.totals(run, src)
        totals = _totals(t, stats_sql.median(run, src, int(t.entries)))
        first = week_start(flt.since).isoformat() if flt.since is not None else None
        last = week_start(flt.until).isoformat() if flt.until is not None else None
        weeks = tuple(
            Week(start=(monday := date.fromisoformat(w.monday)), label=_iso_label(monday),
                 entries=int(w.entries), net_minutes=int(w.net_minutes),
                 cumulative_net_minutes=int(w.cumulative_net_minutes),
                 outcomes=OutcomeMix(int(w.worked), int(w.partly), int(w.broke)))
            for w in (stats_sql.weeks(run, src, first, last) if totals.entries else [])
        )
        return Stats(
            since=_bound(flt.since, end=False), until=_bound(flt.until, end=True),
            totals=totals, outcomes=OutcomeMix(int(t.worked), int(t.partly), int(t.broke)),
            weeks=weeks,
            tools=_groups(stats_sql.groups(run, src, "tool")),
            categories=_groups(stats_sql.groups(run, src, "category")),
            failure_modes=_failure_modes(stats_sql.failure_modes(run, src)),
            recent_lessons=tuple(stats_sql.recent_lessons(run, src, highlights)),
            best_wins=tuple(stats_sql.best_wins(run, src, highlights)),
            costliest_failures=tuple(stats_sql.costliest_failures(run, src, highlights)),
        )


def compute_totals(store: Store, flt: EntryFilter | None = None) -> Totals:
    """Only the headline totals (e.g. the previous period of a KPI delta)."""
    with _rows(store, flt or EntryFilter()) as (run, src):
        t = stats_sql.totals(run, src)
        return _totals(t, stats_sql.median(run, src, int(t.entries)))


@contextmanager
def _rows(store: Store, flt: EntryFilter) -> Iterator[tuple[stats_sql.Runner, str]]:
    """One read of the journal under `flt` into a temp table, dropped afterwards."""
    where, params = where_clause(flt, alias="e")
    run = store.fetch  # maps SQLite errors (bad search syntax) to ours
    # A search narrows to a few rowids through FTS. Otherwise one front-to-back scan is the
    # predictable read of the encrypted file: going through the time or tool index jumps
    # around the file and decrypts pages again and again once the range isn't tiny.
    src = stats_sql.select_rows(run, where, params, scan=not flt.query.strip())
    try:
        yield run, src
    finally:
        stats_sql.drop_rows(run, src)


def _totals(t: stats_sql.TotalsRow, median: float | None) -> Totals:
    count = int(t.entries)
    return Totals(
        entries=count, net_minutes=int(t.net_minutes), median_net_minutes=median,
        minutes_without_ai=int(t.minutes_without_ai), minutes_with_ai=int(t.minutes_with_ai),
        win_rate=int(t.worked) / count if count else None,
        broke_entries=int(t.broke), broke_minutes_lost=int(t.broke_minutes_lost),
        broke_net_minutes=int(t.broke_net_minutes),
        negative_net_minutes=int(t.negative_net_minutes), first=t.first, last=t.last,
    )


def _iso_label(monday: date) -> str:
    year, week, _ = monday.isocalendar()
    return f"{year}-W{week:02d}"


def _bound(value: date | datetime | None, *, end: bool) -> str | None:
    if value is None:
        return None
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    return _as_datetime(value, end=end).isoformat(timespec="seconds")


def _groups(rows: list[stats_sql.GroupRow]) -> tuple[Group, ...]:
    return tuple(Group(name=g.name, entries=int(g.entries), worked=int(g.worked),
                       net_minutes=int(g.net_minutes)) for g in rows)


def _failure_modes(rows: list[stats_sql.FailureModeRow]) -> tuple[FailureMode, ...]:
    modes: dict[str, tuple[int, list[ToolCount]]] = {}
    for r in rows:  # a few rows: modes x tools, already aggregated
        _total, tools = modes.setdefault(str(r.mode), (int(r.mode_total), []))
        tools.append(ToolCount(str(r.tool), int(r.entries)))
    return tuple(FailureMode(mode, total, tuple(tools)) for mode, (total, tools) in modes.items())


