"""Stats at 100k entries: compute_stats vs. the raw SQL it issues, on the same connection.

    .venv/bin/python bench/stats_bench.py      (or `run()` from a `make bench` runner)

Builds a seeded 100,000-entry journal in a temp dir (one add_many transaction), then for each
scenario times compute_stats (median of 5) and the exact statements it sent to SQLite, captured
by wrapping the store's runner, re-run directly with execute().fetchall() (median of 5). The ratio is
the cost of everything around the SQL; the goal is <= 1.5x.
"""

from __future__ import annotations

import random
import secrets
import statistics
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from journal import Entry, EntryFilter, Journal
from journal.entries import FAILURE_MODES, SUGGESTED_CATEGORIES
from journal.stats import compute_stats

ENTRIES = 100_000
REPEATS = 5
SEED = 20260101
END = date(2026, 6, 30)
TOOLS = ("Claude", "ChatGPT", "Copilot", "Gemini", "Perplexity", "Cursor", "Llama", "Mistral")
WORDS = ("parser", "summary", "regex", "email", "report", "migration", "notes", "query",
         "contract", "tests", "slides", "invoice", "refactor", "translation", "citations")


def entries(n: int = ENTRIES, seed: int = SEED) -> list[Entry]:
    rng = random.Random(seed)
    start = datetime.combine(END - timedelta(days=730), datetime.min.time())
    out = []
    for i in range(n):
        outcome = rng.choices(("worked", "partly", "broke"), (55, 28, 17))[0]
        by_hand = rng.randint(5, 180)
        with_ai = rng.randint(1, 240) if outcome == "broke" else rng.randint(1, by_hand + 30)
        out.append(Entry(
            title=f"{rng.choice(WORDS)} {rng.choice(WORDS)} #{i}", tool=rng.choice(TOOLS),
            outcome=outcome, minutes_without_ai=by_hand, minutes_with_ai=with_ai,
            occurred_at=start + timedelta(seconds=rng.randint(0, 730 * 86400)),
            category=rng.choice((*SUGGESTED_CATEGORIES, None)),
            failure_modes=rng.sample(FAILURE_MODES, rng.randint(1, 2))
            if outcome != "worked" else [],
            what_broke=f"{rng.choice(WORDS)} went wrong" if outcome == "broke" else None,
            lesson=f"next time, {rng.choice(WORDS)} first" if rng.random() < 0.3 else None,
            tags=rng.sample(WORDS, rng.randint(0, 2))))
    return out


SCENARIOS: tuple[tuple[str, EntryFilter], ...] = (
    ("all entries", EntryFilter()),
    ("last 13 weeks", EntryFilter(since=END - timedelta(days=90), until=END)),
    ("last 12 months, tool=Claude", EntryFilter(since=END - timedelta(days=364), until=END,
                                                tool="Claude")),
    ("search 'regex', outcome=broke", EntryFilter(query="regex", outcome="broke")),
)


def _median_ms(fn: Any) -> float:
    times = []
    for _ in range(REPEATS):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def _measure(journal: Journal, name: str, flt: EntryFilter) -> dict[str, Any]:
    store = journal.store
    statements: list[tuple[str, list[object]]] = []
    real_run = store.fetch

    def capture(sql: str, params: list[object]) -> list[tuple[Any, ...]]:
        statements.append((sql, list(params)))
        return real_run(sql, params)

    store.fetch = capture  # type: ignore[method-assign]  # record exactly what stats sends
    try:
        stats = compute_stats(store, flt)  # also warms the page cache
    finally:
        del store.fetch

    def raw() -> None:
        for sql, params in statements:
            store.conn.execute(sql, params).fetchall()

    api_ms = _median_ms(lambda: compute_stats(store, flt))
    sql_ms = _median_ms(raw)
    return {"scenario": name, "entries": stats.totals.entries, "statements": len(statements),
            "compute_stats_ms": round(api_ms, 1), "raw_sql_ms": round(sql_ms, 1),
            "ratio": round(api_ms / sql_ms, 2)}


def run(n: int = ENTRIES) -> list[dict[str, Any]]:
    """Build the journal, time every scenario, return one row per scenario."""
    with tempfile.TemporaryDirectory() as tmp:
        journal, _recovery = Journal.create(Path(tmp) / "bench",
                                            passphrase=secrets.token_urlsafe())
        try:
            start = time.perf_counter()
            journal.add_many(entries(n))
            build_s = time.perf_counter() - start
            rows = [_measure(journal, name, flt) for name, flt in SCENARIOS]
            for row in rows:
                row["build_s"] = round(build_s, 1)
            return rows
        finally:
            journal.close()


def table(rows: list[dict[str, Any]]) -> str:
    lines = ["| scenario | entries | statements | compute_stats (ms) | raw SQL (ms) | ratio |",
             "|---|---:|---:|---:|---:|---:|"]
    lines += [f"| {r['scenario']} | {r['entries']:,} | {r['statements']} | "
              f"{r['compute_stats_ms']} | {r['raw_sql_ms']} | {r['ratio']}x |" for r in rows]
    return "\n".join(lines)


if __name__ == "__main__":
    result = run(int(sys.argv[1]) if len(sys.argv) > 1 else ENTRIES)
    print(f"Stats benchmark: {ENTRIES:,} seeded entries, median of {REPEATS} runs "
          f"(journal built in {result[0]['build_s']} s)\n")
    print(table(result))
