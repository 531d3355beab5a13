"""Inline SVG charts for the HTML summary: numbers in, markup out (no scripts, no styles)."""

from __future__ import annotations

from html import escape

from journal.format import plural, signed
from journal.share.model import TotalsRow, WeekRow

GAIN, LOSS, PARTLY, AXIS, INK = "#2e7d4f", "#b3402f", "#c99a2e", "#9aa3ad", "#39424b"
_FONT = 'font-family="system-ui, sans-serif" font-size="11"'


def weekly_bars(weeks: tuple[WeekRow, ...], width: int = 720, height: int = 200) -> str:
    """Net minutes saved per week: bars up for time saved, down for time lost."""
    if not weeks:
        return ""
    left, right, top, bottom = 52, 8, 10.0, 26
    plot_w, plot_h = width - left - right, height - top - bottom
    high = max(0, *(w.net_minutes for w in weeks))
    low = max(0, *(-w.net_minutes for w in weeks))
    span = (high + low) or 1
    zero = top + plot_h * high / span
    step = plot_w / len(weeks)
    bar = max(step * 0.7, 1.0)
    every = max(1, -(-len(weeks) // 10))  # at most ~10 week labels
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}" role="img" '
             f'aria-label="Net minutes saved per week">']
    for value, y in ((high, top), (-low, top + plot_h)):
        if value:
            parts.append(f'<text x="{left - 6}" y="{y + 4:.1f}" text-anchor="end" {_FONT} '
                         f'fill="{INK}">{escape(signed(value))}</text>')
    parts.append(f'<text x="{left - 6}" y="{zero + 4:.1f}" text-anchor="end" {_FONT} '
                 f'fill="{INK}">0</text>')
    for i, w in enumerate(weeks):
        x = left + i * step + (step - bar) / 2
        h = plot_h * abs(w.net_minutes) / span
        y = zero - h if w.net_minutes >= 0 else zero
        colour = GAIN if w.net_minutes >= 0 else LOSS
        tip = f"{w.week}: {signed(w.net_minutes)} min, {plural(w.entries, 'entry')}"
        parts.append(f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{h:.1f}" '
                     f'fill="{colour}"><title>{escape(tip)}</title></rect>')
        if i % every == 0:
            parts.append(f'<text x="{x + bar / 2:.1f}" y="{height - 8}" text-anchor="middle" '
                         f'{_FONT} fill="{INK}">{escape(w.week)}</text>')
    parts.append(f'<line x1="{left}" y1="{zero:.1f}" x2="{width - right}" y2="{zero:.1f}" '
                 f'stroke="{AXIS}" stroke-width="1"/>')
    parts.append("</svg>")
    return "".join(parts)


def outcome_bar(t: TotalsRow, width: int = 720, height: int = 40) -> str:
    """One stacked bar: worked, partly, broke."""
    if not t.entries:
        return ""
    parts = [f'<svg xmlns="http://www.w3.org/2000/svg" width="{width}" height="{height}" '
             f'viewBox="0 0 {width} {height}" role="img" aria-label="Outcome mix">']
    x = 0.0
    for i, (label, n, colour) in enumerate((("worked", t.worked, GAIN),
                                             ("partly", t.partly, PARTLY),
                                             ("broke", t.broke, LOSS))):
        w = width * n / t.entries
        if n:
            parts.append(f'<rect x="{x:.1f}" y="0" width="{w:.1f}" height="20" fill="{colour}">'
                         f'<title>{escape(f"{label}: {n}")}</title></rect>')
        x += w
        parts.append(f'<rect x="{i * 130}" y="26" width="10" height="10" fill="{colour}"/>'
                     f'<text x="{i * 130 + 14}" y="35" {_FONT} fill="{INK}">'
                     f'{escape(f"{label} {n}")}</text>')
    parts.append("</svg>")
    return "".join(parts)
