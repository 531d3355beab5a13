"""The team report in Markdown, escaped like the personal summary (journal.share.markdown)."""

from __future__ import annotations

import re
from itertools import groupby

from journal.format import hours, in_words, percent, plural, signed
from journal.share.markdown import code_fence, escape_text
from journal.share.text import median
from journal.team.model import TeamGroup, TeamReport
from journal.team.text import (
    cell_name,
    footer_notes,
    group_name,
    period_text,
    sources_line,
)

# Renderers that turn bare web addresses into links (GFM) would link text from someone else's
# file; an escaped slash or dot keeps it as plain text.
_AUTOLINK = re.compile(r"(?i)(://|www\.)")


def esc(text: str) -> str:
    return _AUTOLINK.sub(lambda m: ":\\/\\/" if m.group(1) == "://" else m.group(1)[:3] + "\\.",
                         escape_text(text))


def _table(header: list[str], align: str, rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |",
             "|" + "|".join("---:" if a == "r" else "---" for a in align) + "|"]
    return [*lines, *("| " + " | ".join(row) + " |" for row in rows), ""]


def _groups(title: str, label: str, groups: tuple[TeamGroup, ...]) -> list[str]:
    if not groups:
        return []
    rows = [[esc(group_name(g)), str(g.contributors), str(g.entries), percent(g.win_rate),
             str(g.worked), str(g.partly), str(g.broke), hours(g.net_minutes)]
            for g in groups]
    return [f"## {title}", "", *_table(
        [label, "contributors", "entries", "win rate", "worked", "partly", "broke", "net hours"],
        "lrrrrrrr", rows)]


def _where(tool: str, category: str) -> str:
    return f"{esc(cell_name(tool))} · {esc(cell_name(category))}"


def _notes(r: TeamReport) -> list[str]:
    if not r.notes:
        return []
    out = ["## Lessons and what broke", ""]
    for (tool, category), notes in groupby(r.notes, key=lambda n: (n.tool, n.category)):
        out += [f"### {_where(tool, category)}", ""]
        for n in notes:
            if n.lesson:
                out.append(f"- Lesson ({n.outcome}): {esc(n.lesson)}")
            if n.what_broke:
                out.append(f"- What broke ({n.outcome}): {esc(n.what_broke)}")
        out.append("")
    return out


def _prompts(r: TeamReport) -> list[str]:
    if not r.prompts:
        return []
    out = ["## Prompts that worked", ""]
    for p in r.prompts:
        body = p.prompt.replace("\r\n", "\n").replace("\r", "\n").rstrip("\n")
        fence = code_fence(body)
        out += [f"{_where(p.tool, p.category)}:", "", fence + "text", body, fence, ""]
    return out


def render_team_markdown(r: TeamReport) -> str:
    t = r.totals
    out = ["# AI experiments: team report", "",
           f"{period_text(r)} · {plural(r.contributors, 'contributor')} · "
           f"{plural(t.entries, 'experiment')}", "", "## Sources", "", sources_line(r), ""]
    if r.skipped:
        out += _table(["skipped file", "why"], "ll",
                      [[esc(s.file), esc(s.reason)] for s in r.skipped])
    out += ["## Totals", "", *_table(["measure", "value"], "lr", [
        ["contributors", str(r.contributors)],
        ["experiments", str(t.entries)],
        ["net time saved (losses included)",
         f"{hours(t.net_minutes)} ({signed(t.net_minutes)} min)"],
        ["minutes by hand (estimated)", str(t.minutes_without_ai)],
        ["minutes with AI", str(t.minutes_with_ai)],
        ["median net per experiment", median(t.median_net_minutes)],
        ["win rate (worked / all)", percent(t.win_rate)],
        ["outcomes", f"{t.worked} worked · {t.partly} partly · {t.broke} broke"],
        ["minutes lost to broken attempts", str(t.broke_minutes_lost)],
        ["minutes lost where AI was slower", str(abs(t.negative_net_minutes))],
    ])]
    if r.weeks:
        out += ["## Weekly trend", "", *_table(
            ["week", "contributors", "entries", "net min", "cumulative min"], "lrrrr",
            [[w.week, str(w.contributors), str(w.entries), signed(w.net_minutes),
              signed(w.cumulative_net_minutes)] for w in r.weeks])]
    out += _groups("By tool", "tool", r.tools)
    out += _groups("By category", "category", r.categories)
    if r.failure_modes:
        out += ["## Failure modes by tool", "", *_table(
            ["failure mode", "contributors", "entries", "tools"], "lrrl",
            [[esc(in_words(m.mode)) + (f" ({plural(m.folded, 'mode')} folded)" if m.folded else ""),
              str(m.contributors), str(m.entries),
              ", ".join(f"{esc(cell_name(x.tool))} {x.entries}" for x in m.tools)]
             for m in r.failure_modes])]
    out += _notes(r)
    out += _prompts(r)
    return "\n".join([*out, "---", "", "\n\n".join(footer_notes(r))]) + "\n"
