"""The team report as plain data: what a renderer may print. Nothing in it names a contributor;
lessons and prompts carry only their (k-folded) tool and category."""

from __future__ import annotations

from dataclasses import dataclass

from journal.share.model import TotalsRow

TEAM_SCHEMA = "offscript.team/1"
MIN_CONTRIBUTORS = 3  # k: a tool/category/failure-mode cell needs this many contributors
OTHER = "other"
NO_CATEGORY = "uncategorized"


@dataclass(frozen=True)
class Skipped:
    """A file that was not combined: its name (never its folder) and why, in plain words."""

    file: str
    reason: str


@dataclass(frozen=True)
class SharedEntry:
    """One entry of a summary, as that summary exported it (text already redacted there)."""

    date: str
    tool: str
    category: str | None
    outcome: str
    minutes_without_ai: int
    minutes_with_ai: int
    net_minutes: int
    failure_modes: tuple[str, ...]
    what_broke: str | None = None
    lesson: str | None = None
    prompt: str | None = None


@dataclass(frozen=True)
class LoadedSummary:
    """A file that passed validation. `contributor` is "" for /1 files (no id to dedupe by)."""

    file: str
    digest: str  # sha256 of the bytes: identical copies count once
    schema: str
    contributor: str
    created: str
    detail: str
    since: str | None
    until: str | None
    totals: TotalsRow
    entries: tuple[SharedEntry, ...]


@dataclass(frozen=True)
class TeamGroup:
    """A tool or category. `folded` counts the names merged into "other" (k rule)."""

    name: str
    entries: int
    worked: int
    partly: int
    broke: int
    net_minutes: int
    contributors: int
    folded: int = 0

    @property
    def win_rate(self) -> float:
        return self.worked / self.entries if self.entries else 0.0


@dataclass(frozen=True)
class TeamWeek:
    week: str  # ISO week label
    start: str  # its Monday
    entries: int
    net_minutes: int
    cumulative_net_minutes: int
    contributors: int  # contributors with at least one entry that week
    worked: int
    partly: int
    broke: int


@dataclass(frozen=True)
class ModeTool:
    tool: str
    entries: int
    contributors: int


@dataclass(frozen=True)
class TeamMode:
    mode: str
    entries: int
    contributors: int
    tools: tuple[ModeTool, ...]
    folded: int = 0


@dataclass(frozen=True)
class TeamNote:
    """A lesson and/or what broke, without date or contributor: only where it applies."""

    tool: str
    category: str
    outcome: str
    what_broke: str | None
    lesson: str | None


@dataclass(frozen=True)
class TeamPrompt:
    tool: str
    category: str
    prompt: str


@dataclass(frozen=True)
class TeamReport:
    k: int
    files_read: int  # every file looked at, combined or not
    combined: int  # summaries that count
    skipped: tuple[Skipped, ...]
    contributors: int
    unidentified: int  # /1 summaries: no contributor id, each counted as its own contributor
    since: str | None
    until: str | None
    totals: TotalsRow
    broke_net_minutes: int
    weeks: tuple[TeamWeek, ...]
    tools: tuple[TeamGroup, ...]
    categories: tuple[TeamGroup, ...]
    failure_modes: tuple[TeamMode, ...]
    notes: tuple[TeamNote, ...]
    prompts: tuple[TeamPrompt, ...]
