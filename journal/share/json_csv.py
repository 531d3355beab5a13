"""JSON (versioned, fixed field names, for teams to combine) and CSV (one row per entry).

JSON is read by programs and keeps vocabulary codes ("too_generic"). The CSV is read by people in
a spreadsheet: failure modes appear in words ("too generic"), while numbers stay plain numbers
(ASCII minus) so the spreadsheet can add them up.
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from journal.format import in_words
from journal.share.model import EntryRow, GroupRow, Summary

# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
FORMULA_START = ("=", "+", "-", "@", "\t", "\r", "\n")

BASE_COLUMNS = ("ref", "date", "tool", "category", "outcome", "iterations",
                "minutes_without_ai", "minutes_with_ai", "net_minutes", "failure_modes")
LESSON_COLUMNS = ("what_broke", "lesson")
FULL_COLUMNS = ("title", "tool_version", "tags", "prompt")


def columns(detail: str) -> tuple[str, ...]:
    cols: tuple[str, ...] = BASE_COLUMNS
    if detail in ("lessons", "full"):
        cols += LESSON_COLUMNS
    if detail == "full":
        cols += FULL_COLUMNS
    return cols


def _entry(e: EntryRow, cols: tuple[str, ...]) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for col in cols:
        value = getattr(e, col)
        out[col] = list(value) if isinstance(value, tuple) else value
    return out


def _group(g: GroupRow) -> dict[str, Any]:
    return {"name": g.name, "entries": g.entries, "worked": g.worked, "partly": g.partly,
            "broke": g.broke, "net_minutes": g.net_minutes, "folded_groups": g.folded}


def summary_dict(s: Summary) -> dict[str, Any]:
    """The JSON document. Keys are fixed vocabulary; user text appears only as values."""
    t = s.totals
    cols = columns(s.detail)
    return {
        "schema": s.schema,
        "contributor": s.contributor,
        "created": s.created,
        "detail": s.detail,
        "include": s.include,
        "range": {"since": s.since, "until": s.until},
        "filters": [{"name": k, "value": v} for k, v in s.filters],
        "fold_small_groups": s.fold_small_groups,
        "linkable": s.linkable,
        "totals": {
            "entries": t.entries, "net_minutes": t.net_minutes, "hours_saved": t.hours_saved,
            "minutes_without_ai": t.minutes_without_ai, "minutes_with_ai": t.minutes_with_ai,
            "median_net_minutes": t.median_net_minutes, "win_rate": t.win_rate,
            "broke_minutes_lost": t.broke_minutes_lost,
            "negative_net_minutes": t.negative_net_minutes,
        },
        "outcomes": {"worked": t.worked, "partly": t.partly, "broke": t.broke},
        "weekly": [{"week": w.week, "start": w.start, "entries": w.entries,
                    "net_minutes": w.net_minutes,
                    "cumulative_net_minutes": w.cumulative_net_minutes} for w in s.weeks],
        "tools": [_group(g) for g in s.tools],
        "categories": [_group(g) for g in s.categories],
        "failure_modes": [{"mode": m.mode, "entries": m.entries} for m in s.failure_modes],
        "entries": [_entry(e, cols) for e in s.entries],
        "redactions": dict(s.report.counts),
    }


def render_json(s: Summary) -> str:
    return json.dumps(summary_dict(s), indent=2, ensure_ascii=False) + "\n"


def neutralize(cell: str) -> str:
    """Text cells that a spreadsheet would run as a formula get a leading apostrophe."""
    return "'" + cell if cell.startswith(FORMULA_START) else cell


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)  # numbers we computed: a minus sign here is a number, not a formula
    if isinstance(value, tuple):
        return neutralize(";".join(value))
    return neutralize(str(value))


def _words(col: str, value: Any) -> Any:
    return tuple(in_words(m) for m in value) if col == "failure_modes" else value


def render_csv(s: Summary) -> str:
    cols = columns(s.detail)
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n", quoting=csv.QUOTE_MINIMAL)
    writer.writerow(cols)
    for e in s.entries:
        writer.writerow([_cell(_words(c, getattr(e, c))) for c in cols])
    return buf.getvalue()
