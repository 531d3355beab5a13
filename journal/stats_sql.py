"""The SQL behind journal.stats: every aggregate is computed by SQLite, never over rows in Python.

select_rows() reads the encrypted entries table once, under the WHERE clause built by
journal.query.where_clause (alias ``e``), so the dashboard, the CLI and share summaries count
exactly what a search with the same filter lists. It copies the few numeric columns the
aggregates need into an in-memory temp table; every other statement aggregates that table
(``src``, alias ``e``) instead of decrypting and scanning the journal again.
"""

from __future__ import annotations

import itertools
from dataclasses import dataclass
from datetime import date
from typing import Any, NamedTuple, Protocol

# ISO week start (Monday) of a local wall-clock 'YYYY-MM-DDTHH:MM:SS': go back six days, then
# forward to the next Monday (a Monday stays itself; a Sunday lands on the Monday before it).
WEEK_OF = "date({col}, '-6 days', 'weekday 1')"

# What a failure cost. A broke entry produced nothing usable, so all its minutes with AI were
# lost (the task still had to be done); an entry that worked or partly worked but took longer
# than doing it by hand lost the difference (-net_minutes).
COST = ("CASE WHEN e.outcome = 'broke' THEN e.minutes_with_ai "
        "ELSE max(-e.net_minutes, 0) END")

HIGHLIGHT_COLS = (
    "e.id, e.occurred_at, e.title, e.tool, e.outcome, e.net_minutes, "
    f"{COST} AS cost, e.lesson, e.what_broke"
)


class Runner(Protocol):
    def __call__(self, sql: str, params: list[object]) -> list[tuple[Any, ...]]: ...


# The rows each query returns, named in the order of its SELECT list: callers read columns by
# name, and a SELECT that gains or loses a column fails here instead of shifting every index.
class TotalsRow(NamedTuple):
    entries: int
    net_minutes: int
    minutes_without_ai: int
    minutes_with_ai: int
    worked: int
    partly: int
    broke: int
    broke_minutes_lost: int
    broke_net_minutes: int
    negative_net_minutes: int
    first: str | None
    last: str | None


class WeekRow(NamedTuple):
    monday: str
    entries: int
    net_minutes: int
    worked: int
    partly: int
    broke: int
    cumulative_net_minutes: int


class GroupRow(NamedTuple):
    name: str
    entries: int
    worked: int
    net_minutes: int


class FailureModeRow(NamedTuple):
    mode: str
    mode_total: int
    tool: str
    entries: int  # with this mode and this tool


@dataclass(frozen=True)
class Highlight:  # one row of HIGHLIGHT_COLS; journal.stats exports it
    id: str
    occurred_at: str
    title: str
    tool: str
    outcome: str
    net_minutes: int
    cost_minutes: int  # what it lost: minutes_with_ai if broke, else max(-net, 0)
    lesson: str | None
    what_broke: str | None

    @property
    def day(self) -> date:
        return date.fromisoformat(self.occurred_at[:10])


_NAMES = itertools.count(1)


def select_rows(run: Runner, where: str, params: list[object], *, scan: bool) -> str:
    """Copy the matching entries' aggregate columns to a new temp table; return 'name e'.

    scan=True reads the narrow covering index entries_stats (migration v4) front to back instead
    of the table, whose pages are mostly prompt text; a search narrows by FTS rowids instead.
    """
    name = f"temp.stats_rows_{next(_NAMES)}"
    hint = "INDEXED BY entries_stats " if scan else ""
    run(f"CREATE TEMP TABLE {name.split('.')[1]} AS SELECT e.seq AS seq, "
        "e.occurred_at AS occurred_at, e.tool AS tool, e.category AS category, "
        "e.outcome AS outcome, e.minutes_without_ai AS minutes_without_ai, "
        "e.minutes_with_ai AS minutes_with_ai, "
        "e.minutes_without_ai - e.minutes_with_ai AS net_minutes, "
        "nullif(e.failure_modes, '[]') AS failure_modes, "
        "e.lesson IS NOT NULL AS has_lesson "
        f"FROM entries e {hint}WHERE {where}", params)
    return f"{name} e"


def drop_rows(run: Runner, src: str) -> None:
    run(f"DROP TABLE IF EXISTS {src.split(maxsplit=1)[0]}", [])


def totals(run: Runner, src: str) -> TotalsRow:
    sql = (
        "SELECT count(*), coalesce(sum(e.net_minutes), 0), "
        "coalesce(sum(e.minutes_without_ai), 0), coalesce(sum(e.minutes_with_ai), 0), "
        "coalesce(sum(e.outcome = 'worked'), 0), coalesce(sum(e.outcome = 'partly'), 0), "
        "coalesce(sum(e.outcome = 'broke'), 0), "
        "coalesce(sum(CASE WHEN e.outcome = 'broke' THEN e.minutes_with_ai END), 0), "
        "coalesce(sum(CASE WHEN e.outcome = 'broke' THEN e.net_minutes END), 0), "
        "coalesce(sum(CASE WHEN e.net_minutes < 0 THEN e.net_minutes END), 0), "
        "min(e.occurred_at), max(e.occurred_at) "
        f"FROM {src}"
    )
    return TotalsRow(*run(sql, [])[0])


def median(run: Runner, src: str, count: int) -> float | None:
    """Middle value (mean of the two middle ones for an even count), read with LIMIT/OFFSET."""
    if count == 0:
        return None
    limit, offset = (1, count // 2) if count % 2 else (2, count // 2 - 1)
    sql = (f"SELECT avg(m) FROM (SELECT e.net_minutes AS m FROM {src} "
           "ORDER BY e.net_minutes LIMIT ? OFFSET ?)")
    value = run(sql, [limit, offset])[0][0]
    return None if value is None else float(value)


def weeks(run: Runner, src: str, first: str | None, last: str | None) -> list[WeekRow]:
    """One row per ISO week from `first` (or the first entry's week) to `last` (or the last
    entry's week), empty weeks as zeros, with a running total of net minutes."""
    week = WEEK_OF.format(col="e.occurred_at")
    sql = f"""
        WITH RECURSIVE
        agg AS (
            SELECT {week} AS wk, count(*) AS n, sum(e.net_minutes) AS net,
                   sum(e.outcome = 'worked') AS w, sum(e.outcome = 'partly') AS p,
                   sum(e.outcome = 'broke') AS b
            FROM {src} GROUP BY wk
        ),
        bounds AS (
            SELECT coalesce(?, min(wk)) AS lo, coalesce(?, max(wk)) AS hi FROM agg
            WHERE EXISTS (SELECT 1 FROM agg)
        ),
        span(wk) AS (
            SELECT lo FROM bounds
            UNION ALL
            SELECT date(span.wk, '+7 days') FROM span, bounds WHERE span.wk < bounds.hi
        )
        SELECT span.wk, coalesce(agg.n, 0), coalesce(agg.net, 0), coalesce(agg.w, 0),
               coalesce(agg.p, 0), coalesce(agg.b, 0),
               sum(coalesce(agg.net, 0)) OVER (ORDER BY span.wk ROWS UNBOUNDED PRECEDING)
        FROM span LEFT JOIN agg ON agg.wk = span.wk
        ORDER BY span.wk
    """
    return [WeekRow(*row) for row in run(sql, [first, last])]


def groups(run: Runner, src: str, column: str) -> list[GroupRow]:
    """Per tool or category, most entries first."""
    if column not in {"tool", "category"}:
        raise ValueError(column)
    sql = (
        f"SELECT min(e.{column}), count(*), sum(e.outcome = 'worked'), sum(e.net_minutes) "
        f"FROM {src} GROUP BY e.{column} COLLATE NOCASE "
        f"ORDER BY count(*) DESC, sum(e.net_minutes) DESC, min(e.{column}) COLLATE NOCASE"
    )
    return [GroupRow(*row) for row in run(sql, [])]


def failure_modes(run: Runner, src: str) -> list[FailureModeRow]:
    """Each mode with each tool it was logged with: modes by total, then tools by count."""
    sql = f"""
        SELECT mode, sum(n) OVER (PARTITION BY mode) AS total, tool, n FROM (
            SELECT j.value AS mode, min(e.tool) AS tool, count(*) AS n
            FROM {src}, json_each(e.failure_modes) j
            WHERE e.failure_modes IS NOT NULL
            GROUP BY j.value, e.tool COLLATE NOCASE
        )
        ORDER BY total DESC, mode, n DESC, tool COLLATE NOCASE
    """
    return [FailureModeRow(*row) for row in run(sql, [])]


def _highlights(run: Runner, src: str, condition: str, order: str,
                limit: int) -> list[Highlight]:
    """The top rows by `order` in the temp table, then their text from the journal by seq."""
    sql = (f"SELECT {HIGHLIGHT_COLS} FROM (SELECT e.seq FROM {src} WHERE {condition} "
           f"ORDER BY {order}, e.occurred_at DESC, e.seq DESC LIMIT ?) top "
           "JOIN entries e ON e.seq = top.seq "
           f"ORDER BY {order}, e.occurred_at DESC, e.seq DESC")
    return [Highlight(*row) for row in run(sql, [limit])]


def recent_lessons(run: Runner, src: str, limit: int) -> list[Highlight]:
    return _highlights(run, src, "e.has_lesson", "e.occurred_at DESC", limit)


def best_wins(run: Runner, src: str, limit: int) -> list[Highlight]:
    return _highlights(run, src, "e.outcome != 'broke' AND e.net_minutes > 0",
                       "e.net_minutes DESC", limit)


def costliest_failures(run: Runner, src: str, limit: int) -> list[Highlight]:
    return _highlights(run, src, "e.outcome = 'broke' OR e.net_minutes < 0",
                       f"{COST} DESC, e.net_minutes ASC", limit)
