"""The words the share renderers have in common: replacement labels, ranges, medians.

Numbers and plurals come from journal.format; this module knows a Summary, not a format.
"""

from __future__ import annotations

import re

from journal.format import DASH, in_words, signed_number
from journal.share.model import Summary


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


def median(value: float | None) -> str:
    """The median net minutes per entry: +2.5 min, \u22123 min, or a dash."""
    return DASH if value is None else f"{signed_number(value)} min"


def range_text(summary: Summary) -> str:
    if summary.since is None and summary.until is None:
        return "no entries"
    return f"{summary.since or '…'} to {summary.until or '…'}"


def include_text(summary: Summary) -> str:
    return "all entries" if summary.include == "all" else "entries marked for sharing"


def filter_words(name: str, value: str) -> tuple[str, str]:
    """A filter as people read it: ("failure_mode", "too_generic") → ("failure mode",
    "too generic"). Only vocabulary values are relabelled; free text stays as written."""
    return in_words(name), in_words(value) if name in ("outcome", "failure_mode") else value
