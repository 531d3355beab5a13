"""The filter flags shared by list, search, stats and export."""

from __future__ import annotations

import argparse
from datetime import date

from journal.entries import FAILURE_MODES, OUTCOMES
from journal.query import EntryFilter


def _date(text: str) -> date:
    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2026-11-20") from None


def add_filter_flags(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("filters")
    group.add_argument("--since", type=_date, metavar="DATE", help="from this day (YYYY-MM-DD)")
    group.add_argument("--until", type=_date, metavar="DATE", help="up to and including this day")
    group.add_argument("--tool", help="only this tool (case-insensitive)")
    group.add_argument("--outcome", choices=OUTCOMES)
    group.add_argument("--mode", choices=FAILURE_MODES, metavar="MODE",
                       help=f"failure mode: {', '.join(FAILURE_MODES)}")
    group.add_argument("--tag", help="only entries with this tag")
    group.add_argument("--category", help="only this category")


def filter_from_args(args: argparse.Namespace) -> EntryFilter:
    return EntryFilter(
        query=getattr(args, "query", None) or "",
        since=getattr(args, "since", None),
        until=getattr(args, "until", None),
        tool=getattr(args, "tool", None),
        outcome=getattr(args, "outcome", None),
        failure_mode=getattr(args, "mode", None),
        tag=getattr(args, "tag", None),
        category=getattr(args, "category", None),
        trashed=bool(getattr(args, "trashed", False)),
    )
