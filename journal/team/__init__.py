"""Team reports: combine the JSON summaries colleagues exported into one report, offline.

    loaded, skipped = load_all([folder])          # validated, capped, cross-checked
    report = combine(loaded, skipped, k=3)        # deduped, aggregated, k-folded
    data = render_team(report, "html")            # md | html | json bytes
"""

from journal.team.combine import check_k, combine, dedupe
from journal.team.load import MAX_BYTES, MAX_FILES, gather, load_all, load_file
from journal.team.model import (
    MIN_CONTRIBUTORS,
    OTHER,
    TEAM_SCHEMA,
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
from journal.team.render import TEAM_FORMATS, TeamFormat, default_team_file_name, render_team
from journal.team.stats_view import team_stats


def build_team_report(paths: list[str], *, k: int = MIN_CONTRIBUTORS) -> TeamReport:
    """Read, validate and combine the summaries in `paths` (files or folders)."""
    check_k(k)
    loaded, skipped = load_all(paths)
    return combine(loaded, skipped, k=k)


__all__ = [
    "MAX_BYTES",
    "MAX_FILES",
    "MIN_CONTRIBUTORS",
    "OTHER",
    "TEAM_FORMATS",
    "TEAM_SCHEMA",
    "LoadedSummary",
    "ModeTool",
    "SharedEntry",
    "Skipped",
    "TeamFormat",
    "TeamGroup",
    "TeamMode",
    "TeamNote",
    "TeamPrompt",
    "TeamReport",
    "TeamWeek",
    "build_team_report",
    "check_k",
    "combine",
    "dedupe",
    "default_team_file_name",
    "gather",
    "load_all",
    "load_file",
    "render_team",
    "team_stats",
]
