"""How entries look in a terminal: an aligned table, a detail view, or JSON."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any, TextIO

from journal.entries import Entry
from journal.format import in_words_list, signed


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def print_json(data: Any, out: TextIO) -> None:
    json.dump(data, out, indent=2, ensure_ascii=False)
    out.write("\n")


def print_table(entries: Sequence[Entry], out: TextIO) -> None:
    header = f"{'ID':8}  {'DATE':16}  {'OUTCOME':7}  {'NET':>6}  {'TOOL':14}  TITLE"
    print(header, file=out)
    for e in entries:
        print(f"{e.id[:8]:8}  {e.occurred_at.isoformat(sep=' ', timespec='minutes'):16}  "
              f"{e.outcome:7}  {signed(e.net_minutes):>6}  {_cut(e.tool, 14):14}  "
              f"{_cut(e.title, 60)}", file=out)


def print_entry(e: Entry, out: TextIO) -> None:
    net = e.net_minutes
    verdict = f"saved {net} min" if net > 0 else (f"lost {-net} min" if net < 0 else "no change")
    tool = e.tool + (f" {e.tool_version}" if e.tool_version else "")
    rows = [
        ("id", e.id),
        ("date", e.occurred_at.isoformat(sep=" ", timespec="minutes")),
        ("title", e.title),
        ("tool", tool),
        ("category", e.category or ""),
        ("outcome", e.outcome),
        ("minutes", f"{e.minutes_without_ai} by hand, {e.minutes_with_ai} with AI → {verdict}"),
        ("iterations", str(e.iterations or "")),
        ("failure modes", in_words_list(e.failure_modes)),
        ("what broke", e.what_broke or ""),
        ("lesson", e.lesson or ""),
        ("tags", ", ".join(e.tags)),
        ("shareable", "yes" if e.share else "no"),
    ]
    if e.trashed_at:
        rows.append(("trashed", e.trashed_at.isoformat(sep=" ", timespec="minutes")))
    for label, value in rows:
        if value:
            print(f"{label + ':':15} {value}", file=out)
    if e.prompt:
        print("prompt:", file=out)
        for line in e.prompt.splitlines():
            print(f"  {line}", file=out)
