"""Filters and full-text queries, turned into one SQL WHERE clause shared by lists and stats."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date, datetime, time

from journal.errors import QueryError

SORTABLE = {
    "occurred_at": "e.occurred_at",
    "title": "e.title COLLATE NOCASE",
    "tool": "e.tool COLLATE NOCASE",
    "outcome": "e.outcome",
    "net_minutes": "e.net_minutes",
    "minutes_without_ai": "e.minutes_without_ai",
    "minutes_with_ai": "e.minutes_with_ai",
    "tags": "e.tags",
    "category": "e.category",
    "updated_at": "e.updated_at",
    "trashed_at": "e.trashed_at",
}


@dataclass(frozen=True)
class EntryFilter:
    """What the user narrowed the journal to. Empty fields mean 'any'."""

    query: str = ""
    since: date | datetime | None = None
    until: date | datetime | None = None  # a date includes that whole day
    tool: str | None = None
    outcome: str | None = None
    failure_mode: str | None = None
    tag: str | None = None
    category: str | None = None
    shared_only: bool = False
    has_prompt: bool = False
    trashed: bool = False
    prefix_last: bool = False  # as-you-type: the last word matches as a prefix

    def but(self, **changes: object) -> EntryFilter:
        return replace(self, **changes)  # type: ignore[arg-type]


_TOKEN = re.compile(r'"[^"]*"|\S+')
_OPERATORS = {"AND", "OR", "NOT"}
_WORD = re.compile(r"\w+", re.UNICODE)


def to_fts(query: str, *, prefix_last: bool = False) -> str:
    """Translate what a person types into a safe FTS5 expression.

    Plain words match as words (punctuation like "gpt-4o" becomes a phrase), "quoted text" is
    a phrase, word* is a prefix, and AND/OR/NOT are operators. Anything FTS5 would choke on
    raises QueryError with a message that says what to fix.
    """
    if query.count('"') % 2:
        raise QueryError('Search has an unmatched quote (") — close the phrase or remove it.')
    parts: list[str] = []
    tokens = _TOKEN.findall(query)
    for index, token in enumerate(tokens):
        last = index == len(tokens) - 1
        if token in _OPERATORS:
            if not parts or last or parts[-1] in _OPERATORS:
                raise QueryError(f"Search operator {token} needs a word on both sides.")
            parts.append(token)
            continue
        if token.startswith('"'):
            words = _WORD.findall(token)
            if words:
                parts.append('"' + " ".join(words) + '"')
            continue
        prefix = token.endswith("*") or (prefix_last and last)
        words = _WORD.findall(token)
        if not words:
            continue
        phrase = '"' + " ".join(words) + '"'
        parts.append(phrase + ("*" if prefix else ""))
    while parts and parts[-1] in _OPERATORS:
        parts.pop()
    return " ".join(parts)


def _day_bound(value: date | datetime, end: bool) -> str:
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    moment = datetime.combine(value, time.max if end else time.min).replace(microsecond=0)
    return moment.isoformat(timespec="seconds")


def where_clause(flt: EntryFilter, alias: str = "e") -> tuple[str, list[object]]:
    """SQL condition over table alias `alias` plus its parameters."""
    # The trash is a sliver of a journal; without the hint SQLite (no ANALYZE statistics yet)
    # scans and decrypts every row to find it: 2-4 s for the Trash page at 100k entries.
    conds: list[str] = [f"unlikely({alias}.trashed_at IS NOT NULL)" if flt.trashed
                        else f"{alias}.trashed_at IS NULL"]
    params: list[object] = []
    if flt.query.strip():
        fts = to_fts(flt.query, prefix_last=flt.prefix_last)
        if fts:
            conds.append(f"{alias}.seq IN (SELECT rowid FROM entries_fts WHERE entries_fts MATCH ?)")
            params.append(fts)
    if flt.since is not None:
        conds.append(f"{alias}.occurred_at >= ?")
        params.append(_day_bound(flt.since, end=False))
    if flt.until is not None:
        conds.append(f"{alias}.occurred_at <= ?")
        params.append(_day_bound(flt.until, end=True))
    if flt.tool:
        conds.append(f"{alias}.tool = ? COLLATE NOCASE")
        params.append(flt.tool)
    if flt.outcome:
        conds.append(f"{alias}.outcome = ?")
        params.append(flt.outcome)
    if flt.category:
        conds.append(f"{alias}.category = ? COLLATE NOCASE")
        params.append(flt.category)
    if flt.failure_mode:
        conds.append(f"EXISTS (SELECT 1 FROM json_each({alias}.failure_modes) WHERE value = ?)")
        params.append(flt.failure_mode)
    if flt.tag:
        conds.append(f"EXISTS (SELECT 1 FROM json_each({alias}.tags) WHERE value = ?)")
        params.append(flt.tag.strip().lower())
    if flt.shared_only:
        conds.append(f"{alias}.share = 1")
    if flt.has_prompt:
        conds.append(f"coalesce({alias}.prompt, '') != ''")
    return " AND ".join(conds), params


# Sort keys with an index of their own (schema v2 and v11) that orders like SORTABLE's SQL.
INDEXED_SORTS = frozenset({"title", "tool", "outcome", "net_minutes", "tags"})


def page_where(flt: EntryFilter, sort: str) -> tuple[str, list[object]]:
    """where_clause(flt) for a page in `sort` order.

    Listing every live entry by title, tool, outcome, net or tags, SQLite (no ANALYZE
    statistics) picked entries_live for `trashed_at IS NULL`, then sorted every live entry:
    0.6-0.9 s at 100k entries. The unary plus keeps that term off every index, so the planner
    walks the sort key's own index and stops after the page: 1-4 ms. Same rows, same order (the
    ORDER BY is unchanged). Any other filter keeps its plan: it may be far more selective."""
    if sort in INDEXED_SORTS and flt.but(query=flt.query.strip(), prefix_last=False) == EntryFilter():
        return "+e.trashed_at IS NULL", []
    return where_clause(flt)


def search_only(flt: EntryFilter) -> str:
    """The FTS5 expression of a filter that is a search of the live entries and nothing else,
    else "" (callers then use where_clause)."""
    if flt.but(query="", prefix_last=False) != EntryFilter():
        return ""
    return to_fts(flt.query, prefix_last=flt.prefix_last) if flt.query.strip() else ""


def order_clause(sort: str = "occurred_at", descending: bool = True) -> str:
    if sort not in SORTABLE:
        raise QueryError(f"Cannot sort by {sort!r}; use one of {', '.join(SORTABLE)}.")
    direction = "DESC" if descending else "ASC"
    return f"{SORTABLE[sort]} {direction}, e.seq {direction}"
