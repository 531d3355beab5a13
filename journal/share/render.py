"""One function makes the bytes: the preview shows them, the export writes them."""

from __future__ import annotations

from collections.abc import Callable

from journal.share.html_page import render_html
from journal.share.json_csv import render_csv, render_json
from journal.share.markdown import render_markdown
from journal.share.model import Summary
from journal.share.options import Format
from journal.share.text import label_spans

__all__ = ["RENDERERS", "label_spans", "render"]

# The renderers import nothing from here, so there is no import cycle.
RENDERERS: dict[str, Callable[[Summary], str]] = {
    "md": render_markdown,
    "html": render_html,
    "json": render_json,
    "csv": render_csv,
}


def render(summary: Summary, fmt: Format) -> bytes:
    """The exact bytes of `summary` in `fmt` (UTF-8; deterministic for equal input)."""
    try:
        renderer = RENDERERS[fmt]
    except KeyError:
        raise ValueError(f"unknown format {fmt!r}") from None
    return renderer(summary).encode("utf-8")
