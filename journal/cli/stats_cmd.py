"""`offscript stats`: the dashboard's numbers in a terminal (80 columns) or as JSON."""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from typing import TYPE_CHECKING, TextIO

from journal.cli.filters import add_filter_flags, filter_from_args
from journal.cli.output import print_json
from journal.format import hours, in_words, percent, plain_hours, signed, signed_number
from journal.stats import Group, Highlight, Stats

if TYPE_CHECKING:
    from journal.api import Journal

TREND_WEEKS = 8
BAR_WIDTH = 12


def add_parser(sub: argparse._SubParsersAction) -> None:  # type: ignore[type-arg]
    p = sub.add_parser(
        "stats", help="time saved, wins and failures at a glance",
        description="Totals, outcomes, tools, categories, failure modes, the weekly trend and "
        "the best wins beside the costliest failures, for the entries the filters select.")
    p.add_argument("--json", action="store_true", help="print the figures as JSON")
    p.add_argument("--query", "-q", metavar="TEXT", help="only entries matching this search")
    add_filter_flags(p)
    p.set_defaults(handler=run)


def run(args: argparse.Namespace, journal: Journal, out: TextIO) -> int:
    stats = journal.stats(filter_from_args(args))
    if getattr(args, "json", False):
        print_json(stats.to_dict(), out)
    else:
        print_stats(stats, out)
    return 0


def _pct(part: int, whole: int) -> str:
    return percent(part / whole if whole else None)


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def print_stats(stats: Stats, out: TextIO) -> None:
    t = stats.totals
    start, end = (stats.since or t.first or "")[:10], (stats.until or t.last or "")[:10]
    span = f"{start or '…'} to {end or '…'}" if start or end else "no entries"
    print(f"Offscript stats: {span}", file=out)
    if not t.entries:
        print("\nNo experiments match. Log one with 'offscript add', or widen the filters.",
              file=out)
        return
    median = t.median_net_minutes or 0
    rows = [
        ("experiments", f"{t.entries}"),
        ("net time saved", f"{hours(t.net_minutes)}  ({signed(t.net_minutes)} min; "
                           f"median {signed_number(median)} min per entry)"),
        ("win rate", f"{_pct(stats.outcomes.worked, t.entries)}  (worked / all)"),
        ("lost to failures", f"{plain_hours(t.broke_minutes_lost)}  ({t.broke_minutes_lost} min "
                             f"with AI on {t.broke_entries} broke; their net "
                             f"{signed(t.broke_net_minutes)} min)"),
        ("slower than by hand", f"{signed(t.negative_net_minutes)} min "
                                "(entries with negative net)"),
    ]
    _section("Totals", out)
    for label, value in rows:
        print(f"  {label:20} {value}", file=out)

    _section("By outcome", out)
    print(f"  {'OUTCOME':10} {'ENTRIES':>7} {'SHARE':>6}", file=out)
    for name in ("worked", "partly", "broke"):
        n = getattr(stats.outcomes, name)
        print(f"  {name:10} {n:7} {_pct(n, t.entries):>6}", file=out)

    _groups("Per tool", "TOOL", stats.tools, out)
    _groups("Per category", "CATEGORY", stats.categories, out)

    if stats.failure_modes:
        _section("Failure modes", out)
        print(f"  {'MODE':14} {'COUNT':>5}  TOOLS", file=out)
        for m in stats.failure_modes:
            tools = ", ".join(f"{tc.tool} {tc.count}" for tc in m.tools)
            print(f"  {in_words(m.mode):14} {m.count:5}  {_cut(tools, 55)}", file=out)

    _trend(stats, out)
    _highlights("Best wins", stats.best_wins, out, failure=False)
    _highlights("Costliest failures", stats.costliest_failures, out, failure=True)


def _section(title: str, out: TextIO) -> None:
    print(f"\n{title}", file=out)


def _groups(title: str, label: str, groups: Sequence[Group], out: TextIO) -> None:
    if not groups:
        return
    _section(title, out)
    print(f"  {label:24} {'ENTRIES':>7} {'WIN':>5} {'NET MIN':>8} {'NET H':>7}", file=out)
    for g in groups[:10]:
        print(f"  {_cut(g.name or '(none)', 24):24} {g.entries:7} {_pct(g.worked, g.entries):>5} "
              f"{signed(g.net_minutes):>8} {hours(g.net_minutes):>7}", file=out)
    if len(groups) > 10:
        print(f"  … and {len(groups) - 10} more", file=out)


def _trend(stats: Stats, out: TextIO) -> None:
    weeks = stats.weeks[-TREND_WEEKS:]
    if not weeks:
        return
    _section(f"Weekly trend (last {len(weeks)} weeks)", out)
    print(f"  {'WEEK':8} {'MONDAY':10} {'ENTRIES':>7} {'NET H':>7} {'TOTAL H':>8}  "
          f"{'W/P/B':8} TREND", file=out)
    scale = max((abs(w.net_minutes) for w in weeks), default=0) or 1
    for w in weeks:
        size = round(BAR_WIDTH * abs(w.net_minutes) / scale)
        bar = ("+" if w.net_minutes > 0 else "-") * size
        mix = f"{w.outcomes.worked}/{w.outcomes.partly}/{w.outcomes.broke}"
        print(f"  {w.label:8} {w.start.isoformat():10} {w.entries:7} "
              f"{hours(w.net_minutes):>7} {hours(w.cumulative_net_minutes):>8}  {mix:8} {bar}",
              file=out)


def _highlights(title: str, items: Sequence[Highlight], out: TextIO, *, failure: bool) -> None:
    if not items:
        return
    _section(title, out)
    print(f"  {'ID':8} {'DATE':10} {'NET':>5} {'TOOL':12} TITLE", file=out)
    for h in items:
        print(f"  {h.id[:8]:8} {h.occurred_at[:10]:10} {signed(h.net_minutes):>5} "
              f"{_cut(h.tool, 12):12} {_cut(h.title, 38)}", file=out)
        notes = [("broke", h.what_broke), ("lesson", h.lesson)] if failure else [
            ("lesson", h.lesson)]
        for label, text in notes:
            if text:
                print(f"  {'':8} {label}: {_cut(' '.join(text.split()), 66 - len(label))}",
                      file=out)
