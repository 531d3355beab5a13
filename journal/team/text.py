"""The words every team report format shares: names in cells, the period, sources, notes."""

from __future__ import annotations

from journal.format import plural
from journal.share.json_csv import neutralize
from journal.team.model import OTHER, TeamGroup, TeamReport


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

