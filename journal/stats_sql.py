"""The SQL behind journal.stats: every aggregate is computed by SQLite, never over rows in Python.

Each function takes the WHERE clause built by journal.query.where_clause (alias ``e``), so the
dashboard, the CLI and share summaries count exactly what a search with the same filter lists.
"""

from __future__ import annotations

from typing import Any, Protocol

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


def totals(run: Runner, where: str, params: list[object]) -> tuple[Any, ...]:
    sql = (
        "SELECT count(*), coalesce(sum(e.net_minutes), 0), "
        "coalesce(sum(e.minutes_without_ai), 0), coalesce(sum(e.minutes_with_ai), 0), "
        "coalesce(sum(e.outcome = 'worked'), 0), coalesce(sum(e.outcome = 'partly'), 0), "
        "coalesce(sum(e.outcome = 'broke'), 0), "
        "coalesce(sum(CASE WHEN e.outcome = 'broke' THEN e.minutes_with_ai END), 0), "
        "coalesce(sum(CASE WHEN e.outcome = 'broke' THEN e.net_minutes END), 0), "
        "coalesce(sum(CASE WHEN e.net_minutes < 0 THEN e.net_minutes END), 0), "
        "min(e.occurred_at), max(e.occurred_at) "
        f"FROM entries e WHERE {where}"
    )
    return run(sql, params)[0]


def median(run: Runner, where: str, params: list[object], count: int) -> float | None:
    """Middle value (mean of the two middle ones for an even count), read with LIMIT/OFFSET."""
    if count == 0:
        return None
    limit, offset = (1, count // 2) if count % 2 else (2, count // 2 - 1)
    sql = (f"SELECT avg(m) FROM (SELECT e.net_minutes AS m FROM entries e WHERE {where} "
           "ORDER BY e.net_minutes LIMIT ? OFFSET ?)")
    value = run(sql, [*params, limit, offset])[0][0]
    return None if value is None else float(value)


def weeks(run: Runner, where: str, params: list[object],
          first: str | None, last: str | None) -> list[tuple[Any, ...]]:
    """One row per ISO week from `first` (or the first entry's week) to `last` (or the last
    entry's week), empty weeks as zeros, with a running total of net minutes.

    Rows: (monday, entries, net, worked, partly, broke, cumulative net).
    """
    week = WEEK_OF.format(col="e.occurred_at")
    sql = f"""
        WITH RECURSIVE
        agg AS (
            SELECT {week} AS wk, count(*) AS n, sum(e.net_minutes) AS net,
                   sum(e.outcome = 'worked') AS w, sum(e.outcome = 'partly') AS p,
                   sum(e.outcome = 'broke') AS b
            FROM entries e WHERE {where} GROUP BY wk
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
    return run(sql, [*params, first, last])


def groups(run: Runner, where: str, params: list[object], column: str) -> list[tuple[Any, ...]]:
    """Per tool or category: (name, entries, worked, net minutes), most entries first."""
    if column not in {"tool", "category"}:
        raise ValueError(column)
    sql = (
        f"SELECT min(e.{column}), count(*), sum(e.outcome = 'worked'), sum(e.net_minutes) "
        f"FROM entries e WHERE {where} GROUP BY e.{column} COLLATE NOCASE "
        f"ORDER BY count(*) DESC, sum(e.net_minutes) DESC, min(e.{column}) COLLATE NOCASE"
    )
    return run(sql, params)


def failure_modes(run: Runner, where: str, params: list[object]) -> list[tuple[Any, ...]]:
    """(mode, mode total, tool, count with that tool), modes by total then tools by count."""
    sql = f"""
        SELECT mode, sum(n) OVER (PARTITION BY mode) AS total, tool, n FROM (
            SELECT j.value AS mode, min(e.tool) AS tool, count(*) AS n
            FROM entries e, json_each(e.failure_modes) j
            WHERE {where}
            GROUP BY j.value, e.tool COLLATE NOCASE
        )
        ORDER BY total DESC, mode, n DESC, tool COLLATE NOCASE
    """
    return run(sql, params)


def recent_lessons(run: Runner, where: str, params: list[object],
                   limit: int) -> list[tuple[Any, ...]]:
    sql = (f"SELECT {HIGHLIGHT_COLS} FROM entries e WHERE {where} "
           "AND coalesce(e.lesson, '') != '' ORDER BY e.occurred_at DESC, e.seq DESC LIMIT ?")
    return run(sql, [*params, limit])


def best_wins(run: Runner, where: str, params: list[object], limit: int) -> list[tuple[Any, ...]]:
    sql = (f"SELECT {HIGHLIGHT_COLS} FROM entries e WHERE {where} "
           "AND e.outcome != 'broke' AND e.net_minutes > 0 "
           "ORDER BY e.net_minutes DESC, e.occurred_at DESC, e.seq DESC LIMIT ?")
    return run(sql, [*params, limit])


def costliest_failures(run: Runner, where: str, params: list[object],
                       limit: int) -> list[tuple[Any, ...]]:
    sql = (f"SELECT {HIGHLIGHT_COLS} FROM entries e WHERE {where} "
           "AND (e.outcome = 'broke' OR e.net_minutes < 0) "
           "ORDER BY cost DESC, e.net_minutes ASC, e.occurred_at DESC, e.seq DESC LIMIT ?")
    return run(sql, [*params, limit])
