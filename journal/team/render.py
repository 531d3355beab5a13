"""One function makes a team report's bytes, in md, html or json."""

from __future__ import annotations

from collections.abc import Callable
from typing import Literal, get_args

from journal.team.model import TeamReport
from journal.team.render_html import render_team_html
from journal.team.render_json import render_team_json
from journal.team.render_md import render_team_markdown

TeamFormat = Literal["md", "html", "json"]
TEAM_FORMATS: tuple[TeamFormat, ...] = get_args(TeamFormat)

# The renderers import nothing from here (their shared words are in journal.team.text).
RENDERERS: dict[str, Callable[[TeamReport], str]] = {
    "md": render_team_markdown,
    "html": render_team_html,
    "json": render_team_json,
}


def render_team(report: TeamReport, fmt: TeamFormat) -> bytes:
    """The exact bytes of `report` in `fmt` (UTF-8; deterministic for equal input)."""
    try:
        renderer = RENDERERS[fmt]
    except KeyError:
        raise ValueError(f"unknown format {fmt!r}") from None
    return renderer(report).encode("utf-8")


def default_team_file_name(fmt: TeamFormat, day: str) -> str:
    return f"offscript-team-{day}.{fmt}"
