"""HTML: one self-contained page. Every value is escaped; no scripts, links or remote files,
and a Content-Security-Policy that would block them anyway."""

from __future__ import annotations

import base64
import hashlib
from html import escape

from journal.format import counted, hours, in_words, in_words_list, percent, plural, signed
from journal.share.model import EntryRow, GroupRow, Summary
from journal.share.svg import outcome_bar, weekly_bars
from journal.share.text import filter_words, include_text, median, range_text

STYLE = """
body{font-family:system-ui,sans-serif;color:#222;background:#fff;margin:0}
main{max-width:780px;margin:0 auto;padding:24px}
h1{font-size:1.5em;margin:0 0 4px}h2{font-size:1.15em;margin:28px 0 8px}
h3{font-size:1em;margin:20px 0 4px}.meta{color:#555;margin:0 0 8px}
table{border-collapse:collapse;width:100%}th,td{padding:4px 8px;border-bottom:1px solid #ddd;
text-align:left;vertical-align:top}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
pre{white-space:pre-wrap;word-break:break-word;background:#f5f6f7;padding:8px;border-radius:4px}
ul{padding-left:20px}footer{margin-top:32px;color:#555;font-size:.9em}svg{max-width:100%;height:auto}
"""
_HASH = base64.b64encode(hashlib.sha256(STYLE.encode("utf-8")).digest()).decode("ascii")
CSP = (f"default-src 'none'; style-src 'sha256-{_HASH}'; img-src 'none'; font-src 'none'; "
       "connect-src 'none'; base-uri 'none'; form-action 'none'")


def _e(value: object) -> str:
    return escape(str(value), quote=True)


def _table(header: list[str], numeric: str, rows: list[list[str]]) -> list[str]:
    """Header and cells are given raw and escaped here; `numeric` marks right-aligned columns."""
    cls = [' class="n"' if c == "r" else "" for c in numeric]
    out = ["<table>", "<tr>" + "".join(f"<th{c}>{_e(h)}</th>" for c, h in zip(cls, header,
                                                                             strict=True))
           + "</tr>"]
    out += ["<tr>" + "".join(f"<td{c}>{_e(v)}</td>" for c, v in zip(cls, row, strict=True))
            + "</tr>" for row in rows]
    return [*out, "</table>"]


def _groups(title: str, label: str, groups: tuple[GroupRow, ...]) -> list[str]:
    if not groups:
        return []
    rows = [[g.name + (f" ({plural(g.folded, 'small group')})" if g.folded else ""),
             str(g.entries), str(g.worked), str(g.partly), str(g.broke), signed(g.net_minutes)]
            for g in groups]
    return [f"<h2>{_e(title)}</h2>",
            *_table([label, "entries", "worked", "partly", "broke", "net min"], "lrrrrr", rows)]


def _facts(e: EntryRow) -> str:
    tool = e.tool + (f" ({e.tool_version})" if e.tool_version else "")
    parts = [e.date, tool, *([e.category] if e.category else []), e.outcome]
    if e.iterations:
        parts.append(plural(e.iterations, "try"))
    parts.append(f"{e.minutes_without_ai} → {e.minutes_with_ai} min ({signed(e.net_minutes)})")
    return _e(" · ".join(parts))


def _lessons(s: Summary) -> list[str]:
    rows = [e for e in s.entries if e.lesson or e.what_broke]
    if not rows:
        return []
    out = ["<h2>Lessons and what broke</h2>", "<ul>"]
    for e in rows:
        inner = "".join(f"<li>{_e(k)}: {_e(v)}</li>"
                        for k, v in (("What broke", e.what_broke), ("Lesson", e.lesson)) if v)
        out.append(f"<li>{_facts(e)}<ul>{inner}</ul></li>")
    return [*out, "</ul>"]


def _entries(s: Summary) -> list[str]:
    if not s.entries:
        return []
    out = ["<h2>Entries</h2>"]
    for e in s.entries:
        out += [f"<h3>{_e(e.ref)}. {_e(e.title or '')}</h3>", "<ul>", f"<li>{_facts(e)}</li>"]
        if e.failure_modes:
            out.append(f"<li>Failure modes: {_e(in_words_list(e.failure_modes))}</li>")
        if e.tags:
            out.append(f"<li>Tags: {_e(', '.join(e.tags))}</li>")
        for label, value in (("What broke", e.what_broke), ("Lesson", e.lesson)):
            if value:
                out.append(f"<li>{_e(label)}: {_e(value)}</li>")
        out.append("</ul>")
        if e.prompt:
            out.append(f"<pre>{_e(e.prompt)}</pre>")
    return out


def render_html(s: Summary) -> str:
    t = s.totals
    out = [
        "<!DOCTYPE html>", '<html lang="en">', "<head>", '<meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{_e(CSP)}">',
        '<meta name="referrer" content="no-referrer">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        "<title>AI experiments: summary</title>", f"<style>{STYLE}</style>", "</head>",
        "<body>", "<main>", "<h1>AI experiments: summary</h1>",
        f'<p class="meta">{_e(range_text(s))} · {_e(plural(t.entries, "entry"))} '
        f"({_e(include_text(s))}) · detail: {_e(s.detail)}</p>",
    ]
    if s.filters:
        out.append('<p class="meta">Filtered by '
                   + _e(", ".join("{} = {}".format(*filter_words(k, v)) for k, v in s.filters))
                   + "</p>")
    out += ["<h2>Totals</h2>", *_table(["measure", "value"], "lr", [
        ["entries", str(t.entries)],
        ["net time saved", f"{hours(t.net_minutes)} ({signed(t.net_minutes)} min)"],
        ["minutes by hand (estimated)", str(t.minutes_without_ai)],
        ["minutes with AI", str(t.minutes_with_ai)],
        ["median net per entry", median(t.median_net_minutes)],
        ["win rate (worked / all)", percent(t.win_rate)],
        ["minutes lost to broken attempts", str(t.broke_minutes_lost)],
        ["minutes lost where AI was slower", str(abs(t.negative_net_minutes))],
    ])]
    if t.entries:
        out += ["<h2>Outcomes</h2>", outcome_bar(t)]
    if s.weeks:
        out += ["<h2>Weekly net time saved</h2>", weekly_bars(s.weeks),
                *_table(["week", "entries", "net min", "cumulative min"], "lrrr", [
                    [w.week, str(w.entries), signed(w.net_minutes),
                     signed(w.cumulative_net_minutes)] for w in s.weeks])]
    out += _groups("By tool", "tool", s.tools)
    out += _groups("By category", "category", s.categories)
    if s.failure_modes:
        out += ["<h2>Failure modes</h2>", *_table(["failure mode", "entries"], "lr", [
            [in_words(m.mode), str(m.entries)] for m in s.failure_modes])]
    if s.detail == "lessons":
        out += _lessons(s)
    elif s.detail == "full":
        out += _entries(s)
    foot = []
    if s.fold_small_groups:
        foot.append('Tools and categories with fewer than 3 entries are counted under "other".')
    counts = ", ".join(counted(n, c) for c, n in s.report.counts)
    foot.append(f"Redacted before sharing: {counts}." if counts else "Nothing needed redacting.")
    out += ["<footer>", *(f"<p>{_e(line)}</p>" for line in foot), "</footer>",
            "</main>", "</body>", "</html>"]
    return "\n".join(out) + "\n"
