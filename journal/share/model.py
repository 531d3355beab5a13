"""The summary as plain data: what a renderer may print, and nothing else.

Every string in a Summary has been through the redactor or comes from a fixed vocabulary
(outcomes, failure modes, ISO dates and week labels). The redaction report is kept apart: it
holds the originals, for the preview, and no renderer reads it.
"""

from __future__ import annotations

from dataclasses import dataclass

from journal.share.options import Detail, Include


@dataclass(frozen=True)
class TotalsRow:
    entries: int
    net_minutes: int
    minutes_without_ai: int
    minutes_with_ai: int
    median_net_minutes: float | None
    win_rate: float | None
    worked: int
    partly: int
    broke: int
    broke_minutes_lost: int
    negative_net_minutes: int

    @property
    def hours_saved(self) -> float:
        return round(self.net_minutes / 60, 2)


@dataclass(frozen=True)
class GroupRow:
    """A tool or category (redacted); `folded` counts the small groups merged into it."""

    name: str
    entries: int
    worked: int
    partly: int
    broke: int
    net_minutes: int
    folded: int = 0


@dataclass(frozen=True)
class WeekRow:
    week: str  # ISO week label, 2026-W03
    start: str  # its Monday
    entries: int
    net_minutes: int
    cumulative_net_minutes: int


@dataclass(frozen=True)
class ModeRow:
    mode: str
    entries: int


@dataclass(frozen=True)
class EntryRow:
    """One entry as shared. Text fields are None when the detail level leaves them out."""

    ref: str
    date: str
    tool: str
    category: str | None
    outcome: str
    iterations: int | None
    minutes_without_ai: int
    minutes_with_ai: int
    net_minutes: int
    failure_modes: tuple[str, ...]
    what_broke: str | None = None  # lessons and full
    lesson: str | None = None
    title: str | None = None  # full only
    tool_version: str | None = None
    tags: tuple[str, ...] | None = None
    prompt: str | None = None


@dataclass(frozen=True)
class ReportItem:
    """One replacement: where it was made, the original (never rendered) and its label."""

    where: str
    original: str
    replacement: str
    category: str
    uncertain: bool


@dataclass(frozen=True)
class RedactionReport:
    counts: tuple[tuple[str, int], ...]  # by category, CATEGORIES order, zero counts left out
    items: tuple[ReportItem, ...]

    @property
    def total(self) -> int:
        return sum(n for _, n in self.counts)

    def labels(self) -> tuple[str, ...]:
        """Distinct replacement strings, longest first (for finding them in output)."""
        return tuple(sorted({i.replacement for i in self.items}, key=lambda s: (-len(s), s)))


@dataclass(frozen=True)
class Summary:
    schema: str
    detail: Detail
    include: Include
    since: str | None  # the range as days: the filter's bounds, else first/last entry
    until: str | None
    filters: tuple[tuple[str, str], ...]  # (name, redacted value)
    fold_small_groups: bool
    linkable: bool
    totals: TotalsRow
    weeks: tuple[WeekRow, ...]
    tools: tuple[GroupRow, ...]
    categories: tuple[GroupRow, ...]
    failure_modes: tuple[ModeRow, ...]
    entries: tuple[EntryRow, ...]
    report: RedactionReport
    contributor: str = ""  # the journal's random contributor id (journal.share.contributor)
    created: str = ""  # when it was built, UTC ISO seconds: a team keeps the newest per period
