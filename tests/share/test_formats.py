"""Hostile text in every field: HTML stays inert, CSV cells can't run formulas, Markdown can't
grow links or raw HTML."""

from __future__ import annotations

import csv
import io
import json
import re

import pytest

from journal import Journal
from journal.entries import Entry
from journal.share import FORMATS, ShareOptions, build_summary, render
from journal.share.html_page import CSP

PAYLOADS = ("<script>alert(1)</script>", "\"quoted\" 'single'", "=cmd|' /C calc'!A0",
            "@SUM(1)", "+1", "-1", "\tTAB", "\rCR", "[x](javascript:alert(1))",
            "<img src=x onerror=alert(1)>")
TEXT_FIELDS = ("title", "tool", "tool_version", "category", "prompt", "what_broke", "lesson")


@pytest.fixture
def hostile(journal: Journal) -> Journal:
    for n, payload in enumerate(PAYLOADS * 3):  # three of each tool, so none is folded away
        data = {f: payload for f in TEXT_FIELDS}
        tag = payload.replace(";", "").strip()[:40] or "t"
        journal.add(Entry.from_dict({
            **data, "title": payload.strip() or "x", "tool": payload.strip() or "x",
            "occurred_at": f"2026-03-{1 + n % 28:02d}T10:00", "outcome": "worked",
            "minutes_without_ai": 10, "minutes_with_ai": 5, "tags": [tag], "share": True}))
    return journal


def _full(journal: Journal, fmt: str) -> bytes:
    return render(build_summary(journal, ShareOptions(detail="full", include="all")), fmt)


def test_html_escapes_every_value_and_loads_nothing(hostile: Journal) -> None:
    page = _full(hostile, "html").decode()
    tags = set(re.findall(r"<([a-zA-Z][a-zA-Z0-9]*)", page))
    assert tags <= {"html", "head", "meta", "title", "style", "body", "main", "h1", "h2", "h3",
                    "p", "table", "tr", "th", "td", "ul", "li", "pre", "svg", "rect", "text",
                    "line", "footer"}, tags
    assert "&lt;script&gt;" in page and "&quot;quoted&quot;" in page
    assert not re.search(r"<[^>]*\s(src|href|on[a-z]+)=", page)
    for banned in ("@import", "url(", "https://", "http://example"):
        assert banned not in page, banned
    assert page.count("http://") == page.count('xmlns="http://www.w3.org/2000/svg"')
    assert f'<meta http-equiv="Content-Security-Policy" content="{CSP.replace(chr(39), "&#x27;")}">' in page
    assert "default-src 'none'" in CSP and "unsafe" not in CSP
    assert "<svg" in page and "<rect" in page  # weekly bars inline


def test_html_style_hash_matches_the_csp() -> None:
    import base64
    import hashlib

    from journal.share.html_page import STYLE
    digest = base64.b64encode(hashlib.sha256(STYLE.encode()).digest()).decode()
    assert f"'sha256-{digest}'" in CSP


def test_csv_cells_cannot_start_a_formula(hostile: Journal) -> None:
    text = _full(hostile, "csv").decode()
    rows = list(csv.reader(io.StringIO(text)))
    header, body = rows[0], rows[1:]
    numeric = {"ref", "iterations", "minutes_without_ai", "minutes_with_ai", "net_minutes"}
    assert body
    for row in body:
        for name, cell in zip(header, row, strict=True):
            if name not in numeric:
                assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), (name, cell)
    cells = {c for row in body for c in row}
    assert "'=cmd|' /C calc'!A0" in cells and "'+1" in cells
    assert any(c.startswith("'@") for c in cells)
    assert "'-1" in cells


@pytest.mark.parametrize("cell", ["=1+1", "+1", "-1", "@SUM(1)", "\tx", "\rx", "\nx"])
def test_neutralize_prefixes_formula_starts(cell: str) -> None:
    # Entry text is trimmed on input, so a leading tab or CR can't reach a cell; the rule
    # still covers them.
    from journal.share.json_csv import neutralize
    assert neutralize(cell) == "'" + cell
    assert neutralize("plain") == "plain" and neutralize("a=b") == "a=b"


def test_json_round_trips_payloads_as_values(hostile: Journal) -> None:
    doc = json.loads(_full(hostile, "json"))
    titles = {e["title"] for e in doc["entries"]}
    assert "<script>alert(1)</script>" in titles and "=cmd|' /C calc'!A0" in titles


def test_markdown_cannot_grow_html_or_links(hostile: Journal) -> None:
    text = _full(hostile, "md").decode()
    outside_code = re.sub(r"```.*?```", "", text, flags=re.S)
    assert not re.search(r"(?<!\\)<", outside_code)  # every < outside code is escaped
    assert not re.search(r"(?<!\\)\]\(javascript:", outside_code)
    assert r"\<script\>" in outside_code
    for line in outside_code.splitlines():  # a cell's | can't add a column
        if line.startswith("| ") and "=cmd" in line:
            assert r"\|" in line


@pytest.mark.parametrize("fmt", FORMATS)
def test_output_carries_no_paths_users_or_versions(share_journal: Journal, fmt: str,
                                                   tmp_path: object) -> None:
    import getpass
    import socket

    from journal import __version__
    data = _full(share_journal, fmt).decode()
    assert str(share_journal.folder) not in data and "/home/" not in data
    assert socket.gethostname() not in data
    assert "jdoe" not in data and getpass.getuser() not in data.replace("root cause", "")
    assert f"offscript {__version__}" not in data.lower() and "name=\"generator" not in data
