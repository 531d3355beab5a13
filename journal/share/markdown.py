"""Markdown: renders in chat and wikis. Text is escaped so it can't become HTML or a link."""

from __future__ import annotations

import re

from journal.format import counted, hours, in_words, in_words_list, percent, plural, signed
from journal.share.model import EntryRow, GroupRow, Summary
from journal.share.text import filter_words, include_text, label_pattern, median, range_text

# Characters that could open raw HTML, a link or image, or break a table cell. Emphasis
# characters (* _ `) are left alone: they only change looks, and words like snake_case stay
# searchable.
_SPECIAL = re.compile(r"([\\<>\[\]|])")


class _Escaper:
    """Escapes free text but leaves replacement labels ("[email]") as they are."""

    def __init__(self, summary: Summary) -> None:
        self._labels = label_pattern(summary.report.labels())

    def __call__(self, text: str) -> str:
        flat = " ".join(text.split())
        if self._labels is None:
            return _SPECIAL.sub(r"\\\1", flat)
        out: list[str] = []
        pos = 0
        for m in self._labels.finditer(flat):
            out.append(_SPECIAL.sub(r"\\\1", flat[pos:m.start()]))
            out.append(m.group())
            pos = m.end()
        out.append(_SPECIAL.sub(r"\\\1", flat[pos:]))
        return "".join(out)


def _fence(text: str) -> str:
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    return "`" * max(3, longest + 1)


def _table(header: list[str], align: str, rows: list[list[str]]) -> list[str]:
    lines = ["| " + " | ".join(header) + " |",
             "|" + "|".join("---:" if a == "r" else "---" for a in align) + "|"]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return [*lines, ""]


def _groups(title: str, label: str, groups: tuple[GroupRow, ...], esc: _Escaper) -> list[str]:
    if not groups:
        return []
    rows = []
    for g in groups:
        name = esc(g.name) + (f" ({plural(g.folded, 'small group')})" if g.folded else "")
        rows.append([name, str(g.entries), str(g.worked), str(g.partly), str(g.broke),
                     signed(g.net_minutes)])
    return [f"## {title}", "",
            *_table([label, "entries", "worked", "partly", "broke", "net min"], "lrrrrr", rows)]


def _facts(e: EntryRow, esc: _Escaper) -> str:
    tool = esc(e.tool) + (f" ({esc(e.tool_version)})" if e.tool_version else "")
    parts = [tool]
    if e.category:
        parts.append(esc(e.category))
    parts.append(e.outcome)
    if e.iterations:
        parts.append(plural(e.iterations, "try"))
    parts.append(f"{e.minutes_without_ai} → {e.minutes_with_ai} min ({signed(e.net_minutes)})")
    return " · ".join(parts)


def _lessons(summary: Summary, esc: _Escaper) -> list[str]:
    rows = [e for e in summary.entries if e.lesson or e.what_broke]
    if not rows:
        return []
    out = ["## Lessons and what broke", ""]
    for e in rows:
        out.append(f"- {e.date} · {_facts(e, esc)}")
        if e.what_broke:
            out.append(f"  - What broke: {esc(e.what_broke)}")
        if e.lesson:
            out.append(f"  - Lesson: {esc(e.lesson)}")
    return [*out, ""]


def _entries(summary: Summary, esc: _Escaper) -> list[str]:
    if not summary.entries:
        return []
    out = ["## Entries", ""]
    for e in summary.entries:
        out += [f"### {e.ref}. {esc(e.title or '')}", "", f"- {e.date} · {_facts(e, esc)}"]
        if e.failure_modes:
            out.append(f"- Failure modes: {in_words_list(e.failure_modes)}")
        if e.tags:
            out.append(f"- Tags: {', '.join(esc(t) for t in e.tags)}")
        if e.what_broke:
            out.append(f"- What broke: {esc(e.what_broke)}")
        if e.lesson:
            out.append(f"- Lesson: {esc(e.lesson)}")
        out.append("")
        if e.prompt:
            body = e.prompt.replace("\r\n", "\n").replace("\r", "\n")
            fence = _fence(body)
            out += ["Prompt:", "", fence, body.rstrip("\n"), fence, ""]
    return out


def render_markdown(s: Summary) -> str:
    esc = _Escaper(s)
    t = s.totals
    out = ["# AI experiments: summary", "",
           f"{range_text(s)} · {plural(t.entries, 'entry')} ({include_text(s)}) · "
           f"detail: {s.detail}", ""]
    if s.filters:
        pairs = (filter_words(k, v) for k, v in s.filters)
        out += ["Filtered by " + ", ".join(f"{k} = {esc(v)}" for k, v in pairs), ""]
    out += ["## Totals", ""]
    out += _table(["measure", "value"], "lr", [
        ["entries", str(t.entries)],
        ["net time saved", f"{hours(t.net_minutes)} ({signed(t.net_minutes)} min)"],
        ["minutes by hand (estimated)", str(t.minutes_without_ai)],
        ["minutes with AI", str(t.minutes_with_ai)],
        ["median net per entry", median(t.median_net_minutes)],
        ["win rate (worked / all)", percent(t.win_rate)],
        ["outcomes", f"{t.worked} worked · {t.partly} partly · {t.broke} broke"],
        ["minutes lost to broken attempts", str(t.broke_minutes_lost)],
        ["minutes lost where AI was slower", str(abs(t.negative_net_minutes))],
    ])
    if s.weeks:
        out += ["## Weekly trend", ""]
        out += _table(["week", "entries", "net min", "cumulative min"], "lrrr", [
            [w.week, str(w.entries), signed(w.net_minutes), signed(w.cumulative_net_minutes)]
            for w in s.weeks])
    out += _groups("By tool", "tool", s.tools, esc)
    out += _groups("By category", "category", s.categories, esc)
    if s.failure_modes:
        out += ["## Failure modes", ""]
        out += _table(["failure mode", "entries"], "lr",
                      [[in_words(m.mode), str(m.entries)] for m in s.failure_modes])
    if s.detail == "lessons":
        out += _lessons(s, esc)
    elif s.detail == "full":
        out += _entries(s, esc)
    note = ["---", ""]
    if s.fold_small_groups:
        note.append("Tools and categories with fewer than 3 entries are counted under "
                    "\"other\".")
    counts = ", ".join(counted(n, c) for c, n in s.report.counts)
    note.append(f"Redacted before sharing: {counts}." if counts else
                "Nothing needed redacting.")
    return "\n".join([*out, *note]) + "\n"


def escape_text(text: str) -> str:
    """Free text on one line with nothing that could open HTML, a link or a table cell
    (for renderers outside this module, e.g. the team report)."""
    return _SPECIAL.sub(r"\\\1", " ".join(text.split()))


def code_fence(text: str) -> str:
    """A fence longer than any run of backticks in `text`."""
    return _fence(text)
