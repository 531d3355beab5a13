"""Combining summaries into one team report: dedupe per contributor and period, aggregate with
the personal dashboard's definitions (journal.stats), fold cells under k contributors."""

from __future__ import annotations

import statistics
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from journal.share.model import TotalsRow
from journal.team.model import (
    MIN_CONTRIBUTORS,
    NO_CATEGORY,
    OTHER,
    LoadedSummary,
    ModeTool,
    SharedEntry,
    Skipped,
    TeamGroup,
    TeamMode,
    TeamNote,
    TeamPrompt,
    TeamReport,
    TeamWeek,
)

_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


@dataclass(frozen=True)
class _Row:
    """An entry with the (opaque) contributor it came from; never rendered."""

    who: str
    entry: SharedEntry
    detail: str


def check_k(k: int) -> int:
    """k may be raised for more privacy, never lowered below 3."""
    if k < MIN_CONTRIBUTORS:
        raise ValueError(f"k must be at least {MIN_CONTRIBUTORS} (got {k})")
    return k


def dedupe(loaded: Sequence[LoadedSummary]) -> tuple[list[LoadedSummary], list[Skipped]]:
    """Identical copies count once; per contributor, the newest summary of a period wins and
    older ones overlapping it are skipped (their entries would be counted twice)."""
    seen: set[str] = set()
    unique: list[LoadedSummary] = []
    skipped: list[Skipped] = []
    for s in loaded:
        if s.digest in seen:
            skipped.append(Skipped(s.file, "an identical copy of another file"))
            continue
        seen.add(s.digest)
        unique.append(s)
    kept: list[LoadedSummary] = []
    by_who: dict[str, list[LoadedSummary]] = {}
    for s in unique:
        by_who.setdefault(s.contributor or f"file:{s.digest}", []).append(s)
    for group in by_who.values():
        accepted: list[LoadedSummary] = []
        for s in sorted(group, key=lambda s: (s.created, s.file), reverse=True):
            newer = next((a for a in accepted if _overlaps(a, s)), None)
            if newer is None:
                accepted.append(s)
            elif (newer.since, newer.until) == (s.since, s.until):
                skipped.append(Skipped(s.file, "an older summary of the same contributor and "
                                               "period (the newest is kept)"))
            else:
                skipped.append(Skipped(s.file, "overlaps the period of a newer summary from "
                                               "the same contributor (counted once)"))
        kept += accepted
    kept.sort(key=lambda s: s.file)
    return kept, skipped


def _period(s: LoadedSummary) -> tuple[str, str] | None:
    if s.since is None and s.until is None:
        return None
    return (s.since or s.until or "", s.until or s.since or "")


def _overlaps(a: LoadedSummary, b: LoadedSummary) -> bool:
    pa, pb = _period(a), _period(b)
    if pa is None or pb is None:
        return pa is None and pb is None and a.since == b.since  # two empty summaries: same
    return pa[0] <= pb[1] and pb[0] <= pa[1]


def combine(loaded: Sequence[LoadedSummary], skipped: Iterable[Skipped] = (), *,
            k: int = MIN_CONTRIBUTORS) -> TeamReport:
    k = check_k(k)
    unread = list(skipped)
    used, dropped = dedupe(loaded)
    all_skipped = tuple(sorted([*unread, *dropped], key=lambda s: (s.file, s.reason)))
    rows = [_Row(s.contributor or f"file:{s.digest}", e, s.detail) for s in used for e in s.entries]
    tool_of = _fold_names([(r.who, r.entry.tool) for r in rows], k)
    cat_of = _fold_names([(r.who, r.entry.category or NO_CATEGORY) for r in rows], k)
    sinces = [s.since for s in used if s.since]
    untils = [s.until for s in used if s.until]
    return TeamReport(
        k=k, files_read=len(loaded) + len(unread),
        combined=len(used), skipped=all_skipped,
        contributors=len({s.contributor or f"file:{s.digest}" for s in used}),
        unidentified=sum(not s.contributor for s in used),
        since=min(sinces) if sinces else None, until=max(untils) if untils else None,
        totals=_totals([r.entry for r in rows]),
        broke_net_minutes=sum(r.entry.net_minutes for r in rows if r.entry.outcome == "broke"),
        weeks=_weeks(rows),
        tools=_groups(rows, lambda r: tool_of[_key(r.entry.tool)], tool_of),
        categories=_groups(rows, lambda r: cat_of[_key(r.entry.category or NO_CATEGORY)], cat_of),
        failure_modes=_modes(rows, lambda r: tool_of[_key(r.entry.tool)], k),
        notes=_notes(rows, tool_of, cat_of),
        prompts=_prompts(rows, tool_of, cat_of))


def _key(name: str) -> str:
    """Names match like the personal dashboard groups them (SQLite NOCASE), spaces trimmed."""
    return " ".join(name.split()).translate(_ASCII_LOWER)


def _fold_names(pairs: list[tuple[str, str]], k: int) -> dict[str, str]:
    """name key -> shown name: the key's first spelling, or "other" under k contributors."""
    who: dict[str, set[str]] = {}
    spellings: dict[str, set[str]] = {}
    for contributor, name in pairs:
        key = _key(name)
        who.setdefault(key, set()).add(contributor)
        spellings.setdefault(key, set()).add(" ".join(name.split()))
    return {key: OTHER if len(who[key]) < k or key == OTHER else min(spellings[key])
            for key in who}


def _totals(entries: list[SharedEntry]) -> TotalsRow:
    n = len(entries)
    worked = sum(e.outcome == "worked" for e in entries)
    return TotalsRow(
        entries=n, net_minutes=sum(e.net_minutes for e in entries),
        minutes_without_ai=sum(e.minutes_without_ai for e in entries),
        minutes_with_ai=sum(e.minutes_with_ai for e in entries),
        median_net_minutes=float(statistics.median(e.net_minutes for e in entries)) if n else None,
        win_rate=round(worked / n, 4) if n else None, worked=worked,
        partly=sum(e.outcome == "partly" for e in entries),
        broke=sum(e.outcome == "broke" for e in entries),
        broke_minutes_lost=sum(e.minutes_with_ai for e in entries if e.outcome == "broke"),
        negative_net_minutes=sum(e.net_minutes for e in entries if e.net_minutes < 0))


def _monday(day: str) -> date:
    d = date.fromisoformat(day)
    return d - timedelta(days=d.weekday())


def _weeks(rows: list[_Row]) -> tuple[TeamWeek, ...]:
    """ISO weeks from the first entry's to the last one's, empty weeks as zeros."""
    if not rows:
        return ()
    by_week: dict[date, list[_Row]] = {}
    for r in rows:
        by_week.setdefault(_monday(r.entry.date), []).append(r)
    monday, last = min(by_week), max(by_week)
    out: list[TeamWeek] = []
    cumulative = 0
    while monday <= last:
        week = by_week.get(monday, [])
        net = sum(r.entry.net_minutes for r in week)
        cumulative += net
        year, number, _ = monday.isocalendar()
        out.append(TeamWeek(
            week=f"{year}-W{number:02d}", start=monday.isoformat(), entries=len(week),
            net_minutes=net, cumulative_net_minutes=cumulative,
            contributors=len({r.who for r in week}),
            worked=sum(r.entry.outcome == "worked" for r in week),
            partly=sum(r.entry.outcome == "partly" for r in week),
            broke=sum(r.entry.outcome == "broke" for r in week)))
        monday += timedelta(days=7)
    return tuple(out)


def _groups(rows: list[_Row], shown: Callable[[_Row], str],
            names: dict[str, str]) -> tuple[TeamGroup, ...]:
    merged: dict[str, list[_Row]] = {}
    for r in rows:
        merged.setdefault(shown(r), []).append(r)
    folded = sum(1 for key, name in names.items() if name == OTHER and key != OTHER)
    out = [TeamGroup(
        name=name, entries=len(rs), worked=_count(rs, "worked"), partly=_count(rs, "partly"),
        broke=_count(rs, "broke"), net_minutes=sum(r.entry.net_minutes for r in rs),
        contributors=len({r.who for r in rs}), folded=folded if name == OTHER else 0)
        for name, rs in merged.items()]
    out.sort(key=lambda g: (g.name == OTHER, -g.entries, -g.net_minutes, g.name.casefold()))
    return tuple(out)


def _count(rows: list[_Row], outcome: str) -> int:
    return sum(r.entry.outcome == outcome for r in rows)


def _modes(rows: list[_Row], tool: Callable[[_Row], str], k: int) -> tuple[TeamMode, ...]:
    """Per failure mode, the tools it happened with; a mode, or a tool within a mode, backed by
    fewer than k contributors goes to "other"."""
    raw: dict[str, list[_Row]] = {}
    for r in rows:
        for mode in r.entry.failure_modes:
            raw.setdefault(mode, []).append(r)
    merged: dict[str, dict[int, _Row]] = {}
    folded: dict[str, int] = {}
    for mode, rs in raw.items():
        small = len({r.who for r in rs}) < k
        name = OTHER if small or mode == OTHER else mode
        merged.setdefault(name, {}).update({id(r): r for r in rs})  # an entry counts once
        folded[name] = folded.get(name, 0) + (1 if small and mode != OTHER else 0)
    out = []
    for mode, by_id in merged.items():
        rs = list(by_id.values())
        cells: dict[str, list[_Row]] = {}
        for r in rs:
            cells.setdefault(tool(r), []).append(r)
        tools: dict[str, list[_Row]] = {}
        for name, cell in cells.items():
            tools.setdefault(OTHER if len({r.who for r in cell}) < k else name, []).extend(cell)
        mode_tools = sorted((ModeTool(name, len(c), len({r.who for r in c}))
                             for name, c in tools.items()),
                            key=lambda t: (t.tool == OTHER, -t.entries, t.tool.casefold()))
        out.append(TeamMode(mode, len(rs), len({r.who for r in rs}), tuple(mode_tools),
                            folded.get(mode, 0)))
    out.sort(key=lambda m: (m.mode == OTHER, -m.entries, m.mode))
    return tuple(out)


def _sorted_key(tool: str, category: str) -> tuple[bool, str, bool, str]:
    return (tool == OTHER, tool.casefold(), category == OTHER, category.casefold())


def _notes(rows: list[_Row], tool_of: dict[str, str],
           cat_of: dict[str, str]) -> tuple[TeamNote, ...]:
    """Lessons and what broke, sorted by where they apply and then by text: no order that
    could hint at who wrote them."""
    notes = [TeamNote(tool_of[_key(r.entry.tool)], cat_of[_key(r.entry.category or NO_CATEGORY)],
                      r.entry.outcome, r.entry.what_broke, r.entry.lesson)
             for r in rows if r.detail in ("lessons", "full")
             and (r.entry.lesson or r.entry.what_broke)]
    notes.sort(key=lambda n: (*_sorted_key(n.tool, n.category), n.lesson or "",
                              n.what_broke or "", n.outcome))
    return tuple(notes)


def _prompts(rows: list[_Row], tool_of: dict[str, str],
             cat_of: dict[str, str]) -> tuple[TeamPrompt, ...]:
    """Prompts of entries that worked, from summaries shared at full detail only."""
    prompts = [TeamPrompt(tool_of[_key(r.entry.tool)],
                          cat_of[_key(r.entry.category or NO_CATEGORY)], r.entry.prompt)
               for r in rows if r.detail == "full" and r.entry.outcome == "worked"
               and r.entry.prompt]
    prompts.sort(key=lambda p: (*_sorted_key(p.tool, p.category), p.prompt))
    return tuple(prompts)
