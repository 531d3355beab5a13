"""One function makes a team report's bytes, in md, html or json; and the words they share."""

from __future__ import annotations

from typing import Literal, get_args

from journal.format import plural
from journal.share.json_csv import neutralize
from journal.team.model import OTHER, TeamGroup, TeamReport

TeamFormat = Literal["md", "html", "json"]
TEAM_FORMATS: tuple[TeamFormat, ...] = get_args(TeamFormat)


def render_team(report: TeamReport, fmt: TeamFormat) -> bytes:
    """The exact bytes of `report` in `fmt` (UTF-8; deterministic for equal input)."""
    if fmt == "md":
        from journal.team.render_md import render_team_markdown
        return render_team_markdown(report).encode("utf-8")
    if fmt == "html":
        from journal.team.render_html import render_team_html
        return render_team_html(report).encode("utf-8")
    if fmt == "json":
        from journal.team.render_json import render_team_json
        return render_team_json(report).encode("utf-8")
    raise ValueError(f"unknown format {fmt!r}")


def default_team_file_name(fmt: TeamFormat, day: str) -> str:
    return f"offscript-team-{day}.{fmt}"


def cell_name(name: str) -> str:
    """A tool or category name in a table: never a spreadsheet formula when pasted."""
    return neutralize(name)


def group_name(g: TeamGroup) -> str:
    return cell_name(g.name) + (f" ({plural(g.folded, 'name')} folded)" if g.folded else "")


def period_text(r: TeamReport) -> str:
    if r.since is None and r.until is None:
        return "no entries"
    return f"{r.since or '…'} to {r.until or '…'}"


def sources_line(r: TeamReport) -> str:
    return (f"Read {plural(r.files_read, 'file')}: {r.combined} combined, "
            f"{len(r.skipped)} skipped.")


def fold_note(r: TeamReport) -> str:
    return (f"A tool, category or failure mode that fewer than {r.k} contributors logged is "
            f'counted under "{OTHER}", so no one can be singled out. Lessons, what broke and '
            "prompts are listed without who wrote them or when.")


def unidentified_note(r: TeamReport) -> str | None:
    if not r.unidentified:
        return None
    verb = "carries" if r.unidentified == 1 else "carry"
    return (f"{plural(r.unidentified, 'summary')} in the older format (offscript.summary/1) "
            f"{verb} no contributor id; each counts as a contributor of its own.")


def footer_notes(r: TeamReport) -> list[str]:
    """The closing notes every report format ends with: folding, old files, where text came from."""
    notes = [fold_note(r)]
    if (extra := unidentified_note(r)) is not None:
        notes.append(extra)
    notes.append("Lessons and prompts are quoted as each contributor exported them "
                 "(redacted on their side).")
    return notes

