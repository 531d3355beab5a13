"""Overlap resolution: one winner per region, never overlapping output spans."""

from __future__ import annotations

from bisect import bisect_left, insort
from collections.abc import Iterable

from journal.redact.model import PRIORITY, STRUCTURED, Hit


def _rank(hit: Hit) -> tuple[int, int, int]:
    return (PRIORITY.get(hit.category, 99), hit.start - hit.end, hit.start)


def resolve(hits: Iterable[Hit]) -> list[Hit]:
    """Pick non-overlapping hits by priority, then length.

    A lower-priority structured hit that overlaps accepted ones (a URL around a key, an
    email inside a path) is not dropped: its region is merged into one span labelled with
    the stronger category, so no part of the URL or path survives.
    """
    accepted: list[Hit] = []  # sorted by start
    starts: list[int] = []
    for hit in sorted(hits, key=_rank):
        if hit.end <= hit.start:
            continue
        i = bisect_left(starts, hit.start)
        lo = i - 1 if i > 0 and accepted[i - 1].end > hit.start else i
        hi = i
        while hi < len(accepted) and accepted[hi].start < hit.end:
            hi += 1
        if lo == hi:
            accepted.insert(i, hit)
            starts.insert(i, hit.start)
            continue
        if hit.category not in STRUCTURED:
            continue
        group = accepted[lo:hi]
        strongest = min(group, key=_rank)
        merged = Hit(
            min(hit.start, group[0].start),
            max(hit.end, group[-1].end),
            strongest.category,
            strongest.uncertain and hit.uncertain,
            strongest.key,
        )
        del accepted[lo:hi]
        del starts[lo:hi]
        j = bisect_left(starts, merged.start)
        accepted.insert(j, merged)
        insort(starts, merged.start)
    return accepted
