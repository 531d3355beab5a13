"""Regenerate tests/team/fixtures/, the synthetic team corpus (six contributors, fourteen files):

    .venv/bin/python tests/team/make_corpus.py

Each summary is what `offscript export --format json --no-fold` would write for the entries
listed here; the expected team figures in test_team_totals.py are worked out by hand from the
same table (see the comments there), not from this script.
"""

from __future__ import annotations

import json
import statistics
from datetime import date, timedelta
from pathlib import Path
from typing import Any

FIXTURES = Path(__file__).resolve().parent / "fixtures"
IDS = {c: c * 32 for c in "abcde"}  # contributor ids: 32 hex digits each

# (n, date, tool, category, outcome, by hand, with AI, failure modes, lesson, what broke, prompt)
E: dict[int, tuple[Any, ...]] = {
    1: ("2026-01-05", "Claude", "coding", "worked", 60, 20, [], "Give it the failing test first.",
        None, None),
    2: ("2026-01-07", "ChatGPT", "writing", "partly", 30, 25, [], None, "Tone too formal.", None),
    3: ("2026-01-14", "Claude", "coding", "broke", 20, 45, ["hallucination"],
        "Check imports against the docs.", "Invented an API.", None),
    4: ("2026-02-02", "Claude", "coding", "worked", 90, 30, [], "Ask for edge cases explicitly.",
        None, "Write tests for parse_date covering leap years."),
    5: ("2026-02-06", "ChatGPT", "writing", "worked", 40, 15, [], None, None,
        "Rewrite this paragraph for a non-technical reader."),
    6: ("2026-01-06", "claude", "coding", "worked", 45, 15, [], "Small diffs review faster.",
        None, None),
    7: ("2026-01-13", "ChatGPT", "writing", "broke", 15, 30, ["wrong_format"], None,
        "Lost the table layout.", None),
    8: ("2026-01-20", "Claude", "coding", "broke", 30, 50, ["hallucination"], None,
        "Made up a config flag.", None),
    9: ("2026-01-12", "Claude", "coding", "worked", 120, 40, [], "Paste the whole trace.", None,
        "Explain this stack trace step by step."),
    10: ("2026-01-27", "Copilot", "research", "partly", 60, 50, [], None, None, None),
    11: ("2026-02-03", "Claude", "coding", "broke", 25, 40, ["hallucination"], None,
         "Wrong library version.", "Pin the library version in the answer."),
    12: ("2026-01-08", "ChatGPT", "writing", "worked", 50, 20, [], None, None, None),
    13: ("2026-01-22", "Copilot", None, "partly", 30, 30, ["wrong_format"], None, None, None),
    14: ("2026-01-29", "ChatGPT", "writing", "worked", 20, 10, [], None, None, None),
    15: ("2026-01-15", "<script>alert(1)</script>", None, "worked", 30, 10, [],
         '=HYPERLINK("http://evil.example/x","click")',
         "[click](javascript:alert(1)) <img src=x onerror=alert(1)>", None),
    16: ("2026-01-28", "Claude", "coding", "broke", 10, 35, ["hallucination"],
         "<script>document.location='http://evil.example'</script>", "| broken | table |", None),
    17: ("2026-01-19", "ChatGPT", "writing", "worked", 25, 10, [],
         "Give it an example of the format.", None, None),
    18: ("2026-01-26", "ChatGPT", "writing", "broke", 20, 30, ["tool_error"], None,
         "Timed out on a long document.", None),
}

# file -> (schema version, contributor, created, detail, since, until, entry numbers)
FILES: dict[str, tuple[int, str | None, str, str, str, str, list[int]]] = {
    "a-jan.json": (2, "a", "2026-01-20T10:00:00Z", "lessons", "2026-01-05", "2026-01-16",
                   [1, 2, 3]),
    "a-jan-old.json": (2, "a", "2026-01-16T18:00:00Z", "lessons", "2026-01-05", "2026-01-16",
                       [1, 2]),
    "a-feb.json": (2, "a", "2026-02-10T09:00:00Z", "full", "2026-02-02", "2026-02-06", [4, 5]),
    "b.json": (2, "b", "2026-01-21T08:00:00Z", "lessons", "2026-01-06", "2026-01-20", [6, 7, 8]),
    "c.json": (2, "c", "2026-02-04T12:00:00Z", "full", "2026-01-12", "2026-02-03", [9, 10, 11]),
    "c-overlap-old.json": (2, "c", "2026-01-28T12:00:00Z", "full", "2026-01-12", "2026-01-27",
                           [9, 10]),
    "d.json": (2, "d", "2026-01-30T07:00:00Z", "totals", "2026-01-08", "2026-01-29",
               [12, 13, 14]),
    "e-hostile.json": (2, "e", "2026-01-29T00:00:00Z", "lessons", "2026-01-15", "2026-01-28",
                       [15, 16]),
    "legacy-v1.json": (1, None, "", "lessons", "2026-01-19", "2026-01-26", [17, 18]),
}


def _entry(n: int, detail: str) -> dict[str, Any]:
    day, tool, cat, outcome, by_hand, with_ai, modes, lesson, broke, prompt = E[n]
    out: dict[str, Any] = {
        "ref": str(n), "date": day, "tool": tool, "category": cat, "outcome": outcome,
        "iterations": None, "minutes_without_ai": by_hand, "minutes_with_ai": with_ai,
        "net_minutes": by_hand - with_ai, "failure_modes": modes}
    if detail in ("lessons", "full"):
        out |= {"what_broke": broke, "lesson": lesson}
    if detail == "full":
        out |= {"title": f"Experiment {n}", "tool_version": None, "tags": [], "prompt": prompt}
    return out


def _group(name: str, es: list[dict[str, Any]]) -> dict[str, Any]:
    return {"name": name, "entries": len(es),
            **{o: sum(e["outcome"] == o for e in es) for o in ("worked", "partly", "broke")},
            "net_minutes": sum(e["net_minutes"] for e in es), "folded_groups": 0}


def _groups(entries: list[dict[str, Any]], key: str) -> list[dict[str, Any]]:
    by: dict[str, list[dict[str, Any]]] = {}
    for e in entries:
        by.setdefault(e[key] or "uncategorized", []).append(e)
    return [_group(name, es) for name, es in by.items()]


def _weeks(entries: list[dict[str, Any]]) -> list[dict[str, Any]]:
    def monday(day: str) -> date:
        d = date.fromisoformat(day)
        return d - timedelta(days=d.weekday())
    mondays = sorted({monday(e["date"]) for e in entries})
    out, cumulative, m = [], 0, mondays[0]
    while m <= mondays[-1]:
        week = [e for e in entries if monday(e["date"]) == m]
        net = sum(e["net_minutes"] for e in week)
        cumulative += net
        year, number, _ = m.isocalendar()
        out.append({"week": f"{year}-W{number:02d}", "start": m.isoformat(),
                    "entries": len(week), "net_minutes": net, "cumulative_net_minutes": cumulative})
        m += timedelta(days=7)
    return out


def summary(version: int, who: str | None, created: str, detail: str, since: str, until: str,  # noqa: PLR0917
            numbers: list[int]) -> dict[str, Any]:
    entries = [_entry(n, detail) for n in numbers]
    nets = [e["net_minutes"] for e in entries]
    worked = sum(e["outcome"] == "worked" for e in entries)
    doc: dict[str, Any] = {"schema": f"offscript.summary/{version}"}
    if version == 2:
        doc |= {"contributor": IDS[who or ""], "created": created}
    modes: dict[str, int] = {}
    for e in entries:
        for m in e["failure_modes"]:
            modes[m] = modes.get(m, 0) + 1
    return doc | {
        "detail": detail, "include": "all", "range": {"since": since, "until": until},
        "filters": [], "fold_small_groups": False, "linkable": False,
        "totals": {
            "entries": len(entries), "net_minutes": sum(nets),
            "hours_saved": round(sum(nets) / 60, 2),
            "minutes_without_ai": sum(e["minutes_without_ai"] for e in entries),
            "minutes_with_ai": sum(e["minutes_with_ai"] for e in entries),
            "median_net_minutes": float(statistics.median(nets)),
            "win_rate": round(worked / len(entries), 4),
            "broke_minutes_lost": sum(e["minutes_with_ai"] for e in entries
                                      if e["outcome"] == "broke"),
            "negative_net_minutes": sum(n for n in nets if n < 0)},
        "outcomes": {o: sum(e["outcome"] == o for e in entries)
                     for o in ("worked", "partly", "broke")},
        "weekly": _weeks(entries),
        "tools": _groups(entries, "tool"), "categories": _groups(entries, "category"),
        "failure_modes": [{"mode": m, "entries": n} for m, n in modes.items()],
        "entries": entries, "redactions": {}}


def _dump(doc: Any) -> str:
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


def main() -> None:
    FIXTURES.mkdir(exist_ok=True)
    for old in FIXTURES.iterdir():
        old.unlink()
    for name, spec in FILES.items():
        (FIXTURES / name).write_text(_dump(summary(*spec)), encoding="utf-8")
    (FIXTURES / "copy-of-b.json").write_bytes((FIXTURES / "b.json").read_bytes())
    (FIXTURES / "broken.json").write_text('{"schema": "offscript.summary/2", "detail": ',
                                          encoding="utf-8")
    bad = summary(*FILES["d.json"])
    bad["contributor"] = "f" * 32
    bad["entries"][0]["minutes_with_ai"] = -5
    bad["entries"][0]["net_minutes"] = 55
    (FIXTURES / "bad-schema.json").write_text(_dump(bad), encoding="utf-8")
    inflated = summary(*FILES["b.json"])
    inflated["contributor"] = "9" * 32
    inflated["totals"]["net_minutes"] = 9999
    (FIXTURES / "not-adding-up.json").write_text(_dump(inflated), encoding="utf-8")
    future = summary(*FILES["d.json"])
    future["schema"] = "offscript.summary/9"
    (FIXTURES / "unknown-schema.json").write_text(_dump(future), encoding="utf-8")
    (FIXTURES / "README.txt").write_text(
        "Synthetic team corpus; regenerate with tests/team/make_corpus.py. Not JSON: ignored.\n",
        encoding="utf-8")
    for path in sorted(FIXTURES.iterdir()):
        print(f"wrote fixtures/{path.name} ({path.stat().st_size} bytes)")


if __name__ == "__main__":
    main()
