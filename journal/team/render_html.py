"""The team report as one self-contained HTML page: the personal summary's style, CSP and
escaping (journal.share.html_page); no scripts, links or remote files."""

from __future__ import annotations

from html import escape
from itertools import groupby

from journal.format import hours, in_words, percent, plural, signed
from journal.share.html_page import CSP, STYLE
from journal.share.model import WeekRow
from journal.share.svg import outcome_bar, weekly_bars
from journal.share.text import median
from journal.team.model import TeamGroup, TeamReport
from journal.team.text import (
    cell_name,
    footer_notes,
    group_name,
    period_text,
    sources_line,
)


def _e(value: object) -> str:
    return escape(str(value), quote=True)


def _table(header: list[str], numeric: str, rows: list[list[str]]) -> list[str]:
    cls = [' class="n"' if c == "r" else "" for c in numeric]
    out = ["<table>", "<tr>" + "".join(f"<th{c}>{_e(h)}</th>"
                                      for c, h in zip(cls, header, strict=True)) + "</tr>"]
    out += ["<tr>" + "".join(f"<td{c}>{_e(v)}</td>" for c, v in zip(cls, row, strict=True))
            + "</tr>" for row in rows]
    return [*out, "</table>"]


def _groups(title: str, label: str, groups: tuple[TeamGroup, ...]) -> list[str]:
    if not groups:
        return []
    rows = [[group_name(g), str(g.contributors), str(g.entries), percent(g.win_rate),
             str(g.worked), str(g.partly), str(g.broke), hours(g.net_minutes)]
            for g in groups]
    return [f"<h2>{_e(title)}</h2>", *_table(
        [label, "contributors", "entries", "win rate", "worked", "partly", "broke", "net hours"],
        "lrrrrrrr", rows)]


def _notes(r: TeamReport) -> list[str]:
    if not r.notes:
        return []
    out = ["<h2>Lessons and what broke</h2>"]
    for (tool, category), notes in groupby(r.notes, key=lambda n: (n.tool, n.category)):
        out += [f"<h3>{_e(cell_name(tool))} · {_e(cell_name(category))}</h3>", "<ul>"]
        for n in notes:
            for label, text in (("Lesson", n.lesson), ("What broke", n.what_broke)):
                if text:
                    out.append(f"<li>{_e(label)} ({_e(n.outcome)}): {_e(text)}</li>")
        out.append("</ul>")
    return out


def _prompts(r: TeamReport) -> list[str]:
    if not r.prompts:
        return []
    out = ["<h2>Prompts that worked</h2>"]
    for p in r.prompts:
        out += [f"<h3>{_e(cell_name(p.tool))} · {_e(cell_name(p.category))}</h3>",
                f"<pre>{_e(p.prompt)}</pre>"]
    return out


def render_team_html(r: TeamReport) -> str:
    t = r.totals
    out = [
        "<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{_e(CSP)}">',
        '<meta name="referrer" content="no-referrer">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<title>AI experiments: team report</title>", f"<style>{STYLE}</style>", "</head>",
        "<body>", "<main>", "<h1>AI experiments: team report</h1>",
        f'<p class="meta">{_e(period_text(r))} · {_e(plural(r.contributors, "contributor"))} · '
        f'{_e(plural(t.entries, "experiment"))}</p>',
        "<h2>Sources</h2>", f"<p>{_e(sources_line(r))}</p>",
    ]
    if r.skipped:
        out += _table(["skipped file", "why"], "ll", [[s.file, s.reason] for s in r.skipped])
    out += ["<h2>Totals</h2>", *_table(["measure", "value"], "lr", [
        ["contributors", str(r.contributors)],
        ["experiments", str(t.entries)],
        ["net time saved (losses included)",
         f"{hours(t.net_minutes)} ({signed(t.net_minutes)} min)"],
        ["minutes by hand (estimated)", str(t.minutes_without_ai)],
        ["minutes with AI", str(t.minutes_with_ai)],
        ["median net per experiment", median(t.median_net_minutes)],
        ["win rate (worked / all)", percent(t.win_rate)],
        ["minutes lost to broken attempts", str(t.broke_minutes_lost)],
        ["minutes lost where AI was slower", str(abs(t.negative_net_minutes))],
    ])]
    if t.entries:
        out += ["<h2>Outcomes</h2>", outcome_bar(t)]
    if r.weeks:
        weeks = tuple(WeekRow(w.week, w.start, w.entries, w.net_minutes,
                              w.cumulative_net_minutes) for w in r.weeks)
        out += ["<h2>Weekly net time saved</h2>", weekly_bars(weeks), *_table(
            ["week", "contributors", "entries", "net min", "cumulative min"], "lrrrr",
            [[w.week, str(w.contributors), str(w.entries), signed(w.net_minutes),
              signed(w.cumulative_net_minutes)] for w in r.weeks])]
    out += _groups("By tool", "tool", r.tools)
    out += _groups("By category", "category", r.categories)
    if r.failure_modes:
        out += ["<h2>Failure modes by tool</h2>", *_table(
            ["failure mode", "contributors", "entries", "tools"], "lrrl",
            [[in_words(m.mode) + (f" ({plural(m.folded, 'mode')} folded)" if m.folded else ""),
              str(m.contributors), str(m.entries),
              ", ".join(f"{cell_name(x.tool)} {x.entries}" for x in m.tools)]
             for m in r.failure_modes])]
    out += _notes(r)
    out += _prompts(r)
    out += ["<footer>", *(f"<p>{_e(line)}</p>" for line in footer_notes(r)), "</footer>",
            "</main>", "</body>", "</html>"]
    return "\n".join(out) + "\n"
