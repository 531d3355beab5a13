"""Building a summary: select entries, take totals from journal.stats, redact every free text.

Two steps so the desktop app can keep the database on its own thread: `collect` reads the
journal (SQL, quick), `summarize` redacts and assembles (pure Python, the slow part).
"""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date, datetime

from journal.api import Journal
from journal.entries import FAILURE_MODES, Entry
from journal.errors import StorageError
from journal.query import EntryFilter
from journal.redact import CATEGORIES, RedactionPolicy, Redactor
from journal.share.contributor import contributor_id, created_now
from journal.share.lists import load_policy
from journal.share.model import (
    EntryRow,
    GroupRow,
    ModeRow,
    RedactionReport,
    ReportItem,
    Summary,
    TotalsRow,
    WeekRow,
)
from journal.share.options import MIN_GROUP, OTHER, SCHEMA, ShareOptions
from journal.stats import Stats

NO_CATEGORY = "uncategorized"
Progress = Callable[[int, int], None]  # (entries done, entries in all)


class Cancelled(Exception):
    """summarize() was asked to stop (the choices changed); nothing was produced."""
_RETRIES = 3


@dataclass(frozen=True)
class Snapshot:
    """Everything read from the journal for one summary."""

    options: ShareOptions
    policy: RedactionPolicy
    stats: Stats
    entries: tuple[Entry, ...]
    contributor: str = ""
    created: str = ""
    # Every non-trashed entry of the journal, exported or not: names are learnt from all of
    # their fields, so a lessons-only export hides whom a prompt names, as full detail does.
    context: tuple[Entry, ...] = ()


def collect(journal: Journal, opts: ShareOptions) -> Snapshot:
    """Read the entries and their stats under one filter, and the redaction policy."""
    flt = opts.entry_filter
    policy = load_policy(journal, linkable=opts.linkable)
    contributor, created = contributor_id(journal), created_now()
    for _ in range(_RETRIES):  # an edit between the two reads: read both again
        stats = journal.stats(flt)
        count = stats.totals.entries
        entries = tuple(journal.list(flt, limit=max(count, 1), sort="occurred_at",
                                     descending=False)) if count else ()
        if _consistent(stats, entries):
            return Snapshot(opts, policy, stats, entries, contributor, created,
                            _context(journal, flt, entries))
    raise StorageError("The journal kept changing while the summary was built; try again.")


def _context(journal: Journal, flt: EntryFilter, entries: tuple[Entry, ...]) -> tuple[Entry, ...]:
    everything = EntryFilter(trashed=False)
    if flt == everything:
        return entries
    count = journal.stats(everything).totals.entries
    return tuple(journal.list(everything, limit=max(count, 1))) if count else ()


def entry_texts(entry: Entry) -> list[str]:
    """Every free-text field of an entry, whatever an export shows of it."""
    texts = [entry.title, entry.tool, entry.tool_version, entry.category, entry.prompt,
             entry.what_broke, entry.lesson, *entry.tags]
    return [t for t in texts if t]


def _consistent(stats: Stats, entries: tuple[Entry, ...]) -> bool:
    t = stats.totals
    return (t.entries == len(entries)
            and t.net_minutes == sum(e.net_minutes for e in entries)
            and t.minutes_without_ai == sum(e.minutes_without_ai for e in entries)
            and t.minutes_with_ai == sum(e.minutes_with_ai for e in entries))


def build_summary(journal: Journal, opts: ShareOptions) -> Summary:
    """The summary `opts` describes: plain data plus the redaction report."""
    return summarize(collect(journal, opts))


class _Scrubber:
    """One Redactor for the whole summary (labels stay consistent) that records the report."""

    def __init__(self, policy: RedactionPolicy) -> None:
        self.redactor = Redactor(policy)
        self.items: list[ReportItem] = []

    def __call__(self, text: str | None, where: str) -> str | None:
        if text is None:
            return None
        out = self.redactor.redact(text)
        self.items.extend(ReportItem(where, r.original, r.replacement, r.category, r.uncertain)
                          for r in out.replacements)
        return out.text

    def must(self, text: str, where: str) -> str:
        out = self(text, where)
        assert out is not None
        return out

    def report(self) -> RedactionReport:
        counts = self.redactor.counts
        return RedactionReport(
            counts=tuple((c, counts[c]) for c in CATEGORIES if counts.get(c)),
            items=tuple(self.items))


def summarize(snap: Snapshot, *, cancelled: Callable[[], bool] | None = None,
              progress: Progress | None = None) -> Summary:
    """Redact and assemble. `cancelled` is polled between entries (raises Cancelled);
    `progress` hears how far it got, every 100 entries."""
    opts, stats, entries = snap.options, snap.stats, snap.entries
    if cancelled is not None and cancelled():
        raise Cancelled
    scrub = _Scrubber(snap.policy)
    for n, e in enumerate(snap.context or entries, start=1):
        if n % 100 == 0 and cancelled is not None and cancelled():
            raise Cancelled
        scrub.redactor.learn(entry_texts(e))
    fold = opts.fold_small_groups
    tools, tool_of = _groups(entries, lambda e: e.tool, fold, scrub, "tool")
    categories, category_of = _groups(entries, lambda e: e.category or NO_CATEGORY, fold, scrub,
                                      "category")
    filters = _filters(opts, scrub)
    built: list[EntryRow] = []
    for n, e in enumerate(entries, start=1):
        if n % 100 == 1:
            if cancelled is not None and cancelled():
                raise Cancelled
            if progress is not None:
                progress(n - 1, len(entries))
        built.append(_entry_row(n, e, opts=opts, policy=snap.policy, scrub=scrub,
                                tool_of=tool_of, category_of=category_of))
    rows = tuple(built)
    t = stats.totals
    totals = TotalsRow(
        entries=t.entries, net_minutes=t.net_minutes, minutes_without_ai=t.minutes_without_ai,
        minutes_with_ai=t.minutes_with_ai, median_net_minutes=t.median_net_minutes,
        win_rate=None if t.win_rate is None else round(t.win_rate, 4),
        worked=stats.outcomes.worked, partly=stats.outcomes.partly, broke=stats.outcomes.broke,
        broke_minutes_lost=t.broke_minutes_lost, negative_net_minutes=t.negative_net_minutes)
    weeks = tuple(WeekRow(w.label, w.start.isoformat(), w.entries, w.net_minutes,
                          w.cumulative_net_minutes) for w in stats.weeks)
    modes = tuple(sorted((ModeRow(m.mode, m.count) for m in stats.failure_modes),
                         key=lambda m: (-m.entries, FAILURE_MODES.index(m.mode)
                                        if m.mode in FAILURE_MODES else len(FAILURE_MODES))))
    flt = opts.flt
    since = _day(flt.since) or (rows[0].date if rows else None)
    until = _day(flt.until) or (rows[-1].date if rows else None)
    return Summary(
        schema=SCHEMA, detail=opts.detail, include=opts.include, since=since, until=until,
        filters=filters, fold_small_groups=fold, linkable=opts.linkable, totals=totals,
        weeks=weeks, tools=tools, categories=categories, failure_modes=modes, entries=rows,
        report=scrub.report(), contributor=snap.contributor, created=snap.created)


def _day(value: date | datetime | None) -> str | None:
    if value is None:
        return None
    return (value.date() if isinstance(value, datetime) else value).isoformat()


def _filters(opts: ShareOptions, scrub: _Scrubber) -> tuple[tuple[str, str], ...]:
    flt = opts.flt
    out: list[tuple[str, str]] = []
    if flt.outcome:
        out.append(("outcome", flt.outcome))
    if flt.failure_mode:
        out.append(("failure_mode", flt.failure_mode))
    for name, value in (("tool", flt.tool), ("category", flt.category)):
        if value:
            out.append((name, scrub.must(value, f"filter {name}")))
    if opts.shows("full"):  # tags and search words are text: only at full detail
        if flt.tag:
            out.append(("tag", scrub.must(flt.tag, "filter tag")))
        if flt.query.strip():
            out.append(("search", scrub.must(flt.query.strip(), "filter search")))
    return tuple(out)


def _nocase(name: str) -> str:
    """SQLite's NOCASE: ASCII letters only, as journal.stats groups them."""
    return name.translate(_ASCII_LOWER)


_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def _groups(entries: Iterable[Entry], key: Callable[[Entry], str], fold: bool, scrub: _Scrubber,
            what: str) -> tuple[tuple[GroupRow, ...], dict[str, str]]:
    """Per tool or category, small groups folded into "other"; and raw name -> shown name."""
    raw: dict[str, list[Entry]] = {}
    for e in entries:
        raw.setdefault(_nocase(key(e)), []).append(e)
    display = {k: min(key(e) for e in es) for k, es in raw.items()}
    merged: dict[str, list[Entry]] = {}
    folded: dict[str, int] = {}
    shown: dict[str, str] = {}
    order = sorted(raw, key=lambda k: (-len(raw[k]), -_net(raw[k]), display[k].casefold(), k))
    for k in order:
        small = fold and len(raw[k]) < MIN_GROUP
        name = OTHER if small else scrub.must(display[k], what)
        if _nocase(name) == OTHER:
            name = OTHER
        shown[k] = name
        merged.setdefault(name, []).extend(raw[k])
        folded[name] = folded.get(name, 0) + (1 if small else 0)
    rows = [GroupRow(name, len(es), _count(es, "worked"), _count(es, "partly"),
                     _count(es, "broke"), _net(es), folded[name]) for name, es in merged.items()]
    rows.sort(key=lambda g: (g.name == OTHER, -g.entries, -g.net_minutes, g.name.casefold()))
    return tuple(rows), shown


def _net(entries: list[Entry]) -> int:
    return sum(e.net_minutes for e in entries)


def _count(entries: list[Entry], outcome: str) -> int:
    return sum(e.outcome == outcome for e in entries)


def _ref(n: int, entry: Entry, policy: RedactionPolicy) -> str:
    if policy.linkable_key is None:
        return str(n)
    digest = hmac.new(policy.linkable_key, f"entry\x00{entry.id}".encode(), hashlib.sha256)
    return "E-" + digest.hexdigest()[:10]


def _entry_row(n: int, e: Entry, *, opts: ShareOptions, policy: RedactionPolicy,
               scrub: _Scrubber, tool_of: dict[str, str], category_of: dict[str, str]) -> EntryRow:
    ref = _ref(n, e, policy)
    row = EntryRow(
        ref=ref, date=e.occurred_at.date().isoformat(), tool=tool_of[_nocase(e.tool)],
        category=None if e.category is None else category_of[_nocase(e.category)],
        outcome=e.outcome, iterations=e.iterations, minutes_without_ai=e.minutes_without_ai,
        minutes_with_ai=e.minutes_with_ai, net_minutes=e.net_minutes,
        failure_modes=tuple(e.failure_modes))
    if not opts.shows("lessons"):
        return row
    where = f"entry {ref}"
    full = opts.shows("full")
    return EntryRow(
        **{**row.__dict__,
           "title": scrub(e.title, f"{where} title") if full else None,
           "tool_version": scrub(e.tool_version, f"{where} tool version") if full else None,
           "tags": tuple(scrub.must(t, f"{where} tag") for t in e.tags) if full else None,
           "prompt": scrub(e.prompt, f"{where} prompt") if full else None,
           "what_broke": scrub(e.what_broke, f"{where} what broke"),
           "lesson": scrub(e.lesson, f"{where} lesson")})
