"""One function makes the bytes: the preview shows them, the export writes them."""

from __future__ import annotations

import re

from journal.share.model import Summary
from journal.share.options import Format


def render(summary: Summary, fmt: Format) -> bytes:
    """The exact bytes of `summary` in `fmt` (UTF-8; deterministic for equal input)."""
    if fmt == "md":
        from journal.share.markdown import render_markdown
        return render_markdown(summary).encode("utf-8")
    if fmt == "html":
        from journal.share.html_page import render_html
        return render_html(summary).encode("utf-8")
    if fmt == "json":
        from journal.share.json_csv import render_json
        return render_json(summary).encode("utf-8")
    if fmt == "csv":
        from journal.share.json_csv import render_csv
        return render_csv(summary).encode("utf-8")
    raise ValueError(f"unknown format {fmt!r}")


def label_pattern(labels: tuple[str, ...]) -> re.Pattern[str] | None:
    """A regex matching any replacement label, longest first, not inside a longer word or
    number ("Person 1" must not match the start of "Person 12")."""
    if not labels:
        return None
    parts = []
    for label in sorted(set(labels), key=lambda s: (-len(s), s)):
        tail = r"(?![0-9A-Za-z])" if label[-1:].isalnum() else ""
        parts.append(re.escape(label) + tail)
    return re.compile("|".join(parts))


def label_spans(summary: Summary, text: str) -> list[tuple[int, int, str]]:
    """(start, end, label) of every replacement label in rendered `text` (for highlighting)."""
    rx = label_pattern(summary.report.labels())
    return [] if rx is None else [(m.start(), m.end(), m.group()) for m in rx.finditer(text)]


# -- small formatting helpers shared by the renderers --------------------------------------
def signed(minutes: int) -> str:
    return f"+{minutes}" if minutes > 0 else str(minutes)


def hours(minutes: int) -> str:
    value = minutes / 60
    return f"{value:+.1f} h" if minutes else "0.0 h"


def percent(rate: float | None) -> str:
    return "–" if rate is None else f"{rate * 100:.0f}%"


def median(value: float | None) -> str:
    if value is None:
        return "–"
    text = f"{value:+.1f}".rstrip("0").rstrip(".") if value % 1 else signed(int(value))
    return f"{text} min"


def range_text(summary: Summary) -> str:
    if summary.since is None and summary.until is None:
        return "no entries"
    return f"{summary.since or '…'} to {summary.until or '…'}"


def include_text(summary: Summary) -> str:
    return "all entries" if summary.include == "all" else "entries marked for sharing"


def plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s" if not word.endswith("y") else \
        f"{n} {word[:-1]}ies"
