"""The team report as JSON: fixed keys; names and lessons only as values."""

from __future__ import annotations

import json
from typing import Any

from journal.team.model import TEAM_SCHEMA, TeamGroup, TeamReport


def _group(g: TeamGroup) -> dict[str, Any]:
    return {"name": g.name, "entries": g.entries, "worked": g.worked, "partly": g.partly,
            "broke": g.broke, "net_minutes": g.net_minutes, "hours_saved": round(g.net_minutes / 60, 2),
            "win_rate": round(g.win_rate, 4), "contributors": g.contributors,
            "folded_names": g.folded}


def team_dict(r: TeamReport) -> dict[str, Any]:
    t = r.totals
    return {
        "schema": TEAM_SCHEMA,
        "k": r.k,
        "sources": {"files_read": r.files_read, "combined": r.combined,
                    "skipped": [{"file": s.file, "reason": s.reason} for s in r.skipped]},
        "range": {"since": r.since, "until": r.until},
        "contributors": r.contributors,
        "contributors_without_id": r.unidentified,
        "totals": {
            "entries": t.entries, "net_minutes": t.net_minutes, "hours_saved": t.hours_saved,
            "minutes_without_ai": t.minutes_without_ai, "minutes_with_ai": t.minutes_with_ai,
            "median_net_minutes": t.median_net_minutes, "win_rate": t.win_rate,
            "broke_minutes_lost": t.broke_minutes_lost,
            "negative_net_minutes": t.negative_net_minutes,
        },
        "outcomes": {"worked": t.worked, "partly": t.partly, "broke": t.broke},
        "weekly": [{"week": w.week, "start": w.start, "contributors": w.contributors,
                    "entries": w.entries, "net_minutes": w.net_minutes,
                    "cumulative_net_minutes": w.cumulative_net_minutes,
                    "worked": w.worked, "partly": w.partly, "broke": w.broke} for w in r.weeks],
        "tools": [_group(g) for g in r.tools],
        "categories": [_group(g) for g in r.categories],
        "failure_modes": [{"mode": m.mode, "entries": m.entries, "contributors": m.contributors,
                           "folded_modes": m.folded,
                           "tools": [{"tool": x.tool, "entries": x.entries,
                                      "contributors": x.contributors} for x in m.tools]}
                          for m in r.failure_modes],
        "lessons": [{"tool": n.tool, "category": n.category, "outcome": n.outcome,
                     "what_broke": n.what_broke, "lesson": n.lesson} for n in r.notes],
        "prompts_that_worked": [{"tool": p.tool, "category": p.category, "prompt": p.prompt}
                                for p in r.prompts],
    }


def render_team_json(r: TeamReport) -> str:
    return json.dumps(team_dict(r), indent=2, ensure_ascii=False) + "\n"
