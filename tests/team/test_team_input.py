"""Bad and hostile input: reported by name and reason, the rest still combined; escaped output."""

from __future__ import annotations

import json
import re
from html import escape
from pathlib import Path

import pytest

from journal.team import MAX_BYTES, TeamReport, build_team_report, render_team
from team.conftest import FIXTURES, write
from team.make_corpus import summary


def test_malformed_files_are_reported_and_skipped(corpus_report: TeamReport) -> None:
    reasons = {s.file: s.reason for s in corpus_report.skipped}
    assert set(reasons) == {"a-jan-old.json", "bad-schema.json", "broken.json",
                            "c-overlap-old.json", "copy-of-b.json", "not-adding-up.json",
                            "unknown-schema.json"}
    assert reasons["broken.json"].startswith("not valid JSON")
    assert "entries/0/minutes_with_ai" in reasons["bad-schema.json"]
    assert "net minutes says 9999" in reasons["not-adding-up.json"]
    assert "offscript.summary/9" in reasons["unknown-schema.json"]
    assert reasons["copy-of-b.json"] == "an identical copy of another file"
    assert "newest is kept" in reasons["a-jan-old.json"]
    assert "overlaps" in reasons["c-overlap-old.json"]


def test_size_cap_and_strict_json(tmp_path: Path) -> None:
    good = summary(2, "a", "2026-01-20T10:00:00Z", "lessons", "2026-01-05", "2026-01-16", [1, 2])
    write(tmp_path, "good.json", good)
    (tmp_path / "huge.json").write_bytes(b" " * (MAX_BYTES + 1))
    (tmp_path / "dupkey.json").write_text('{"schema": "offscript.summary/2", "schema": 1}')
    (tmp_path / "nan.json").write_text(json.dumps(good).replace('"net_minutes": 40', '"net_minutes": NaN'))
    (tmp_path / "deep.json").write_text("[" * 100_000 + "]" * 100_000)
    (tmp_path / "latin1.json").write_bytes('{"tool": "caf\xe9"}'.encode("latin-1"))
    (tmp_path / "array.json").write_text("[]")
    v2_without_id = dict(good)
    del v2_without_id["contributor"]
    write(tmp_path, "no-id.json", v2_without_id)
    extra = dict(good, url="http://evil.example/steal")
    write(tmp_path, "extra.json", extra)
    r = build_team_report([str(tmp_path)])
    reasons = {s.file: s.reason for s in r.skipped}
    assert r.combined == 1 and r.totals.entries == 2
    assert reasons["huge.json"] == "larger than 5 MB"
    assert "appears twice" in reasons["dupkey.json"]
    assert "NaN" in reasons["nan.json"]
    assert reasons["deep.json"] == "nested too deeply"
    assert reasons["latin1.json"] == "not UTF-8 text"
    assert "no schema field" in reasons["array.json"]
    assert "contributor" in reasons["no-id.json"]
    assert "url" in reasons["extra.json"]  # unknown fields are refused, never followed


def test_symlinks_in_a_folder_are_not_followed(tmp_path: Path) -> None:
    target = tmp_path / "elsewhere.json"
    write(tmp_path, "elsewhere.json", summary(2, "a", "2026-01-20T10:00:00Z", "lessons",
                                               "2026-01-05", "2026-01-16", [1]))
    folder = tmp_path / "inbox"
    folder.mkdir()
    (folder / "link.json").symlink_to(target)
    r = build_team_report([str(folder), str(tmp_path / "missing.json")])
    assert {(s.file, s.reason.split(";")[0]) for s in r.skipped} == {
        ("link.json", "a symbolic link"), ("missing.json", "no such file or folder")}
    assert r.combined == 0


def test_k_cannot_be_lowered() -> None:
    with pytest.raises(ValueError, match="at least 3"):
        build_team_report([str(FIXTURES)], k=2)


def _hostile_team(tmp_path: Path) -> TeamReport:
    """Three contributors who all use the hostile tool name, so it is shown, not folded."""
    for who in "abc":
        doc = summary(2, who, "2026-01-29T00:00:00Z", "full", "2026-01-15", "2026-01-28", [15, 16])
        doc["entries"][1]["prompt"] = "```\n</pre><script>alert(2)</script>\n```"
        doc["entries"][1]["outcome"] = "worked"
        doc["outcomes"] = {"worked": 2, "partly": 0, "broke": 0}
        doc["totals"]["broke_minutes_lost"] = 0
        doc["entries"][0]["category"] = "=cmd|' /C calc'!A0"
        write(tmp_path, f"{who}.json", doc)
    (tmp_path / "<img src=x onerror=alert(3)>.json").write_text("{}")
    return build_team_report([str(tmp_path)])


def _markup(html: str) -> tuple[set[str], set[str]]:
    """Every tag and attribute name the page really has (what a browser would build)."""
    from html.parser import HTMLParser

    found: tuple[set[str], set[str]] = (set(), set())

    class Collect(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            found[0].add(tag)
            found[1].update(name for name, _ in attrs)

    Collect().feed(html)
    return found


def test_hostile_payloads_are_escaped_in_html(tmp_path: Path) -> None:
    r = _hostile_team(tmp_path)
    assert r.combined == 3 and "<script>alert(1)</script>" in [g.name for g in r.tools]
    html = render_team(r, "html").decode("utf-8")
    assert "<script" not in html.lower() and "<img" not in html.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(3)&gt;.json" in html  # the skipped file's name
    tags, attrs = _markup(html)
    assert tags <= {"html", "head", "meta", "title", "style", "body", "main", "h1", "h2", "h3",
                    "p", "table", "tr", "th", "td", "ul", "li", "pre", "footer", "svg", "rect",
                    "text", "line"}
    assert not {a for a in attrs if a in ("href", "src") or a.startswith("on")}
    from journal.share.html_page import CSP
    assert f'content="{escape(CSP)}"' in html  # the personal export's CSP
    assert "&#x27;=cmd|&#x27; /C calc&#x27;!A0" in html  # a category cell cannot be a formula


def test_hostile_payloads_are_escaped_in_markdown(tmp_path: Path) -> None:
    r = _hostile_team(tmp_path)
    md = render_team(r, "md").decode("utf-8")
    outside_code = re.sub(r"(?ms)^(`{3,})text\n.*?^\1$", "", md)
    assert "<" not in outside_code.replace("\\<", "")  # no raw HTML anywhere
    assert "](" not in outside_code.replace("\\](", "")  # no link syntax
    assert "http://" not in outside_code  # no bare address for a renderer to link
    assert "\\<script\\>alert(1)\\</script\\>" in md
    assert "'=cmd" in md
    fence = re.search(r"(?m)^(`{3,})text$", md)
    assert fence is not None and len(fence.group(1)) == 4  # longer than the prompt's ```


def test_real_export_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A summary written by `offscript export --format json` validates and counts."""
    from share.corpus import ENTRIES, make_journal

    from journal.cli import main

    journal = make_journal(tmp_path / "j", passphrase="team test passphrase")
    journal.close()
    monkeypatch.setenv("OFFSCRIPT_PASSPHRASE", "team test passphrase")
    code = main(["--journal", str(tmp_path / "j"), "export", "--format", "json",
                 "--detail", "full", "--include", "all", "-o", str(tmp_path / "mine.json")])
    assert code == 0
    doc = json.loads((tmp_path / "mine.json").read_text("utf-8"))
    assert doc["schema"] == "offscript.summary/2" and re.fullmatch(r"[0-9a-f]{32}", doc["contributor"])
    r = build_team_report([str(tmp_path / "mine.json")])
    assert r.skipped == () and r.combined == 1 and r.totals.entries == len(ENTRIES)
    assert r.totals.net_minutes == doc["totals"]["net_minutes"]


def test_corpus_hostile_file_is_escaped_in_every_format(corpus_report: TeamReport) -> None:
    """e-hostile.json's tool name folds into "other"; its lessons still appear, as text."""
    md = render_team(corpus_report, "md").decode("utf-8")
    html = render_team(corpus_report, "html").decode("utf-8")
    assert not re.search(r"(?<!\\)<", md)  # every < in the Markdown is escaped
    assert not re.search(r"(?<!\\)\]\(", md)  # and no ]( can start a link
    assert "\\[click\\](javascript:alert(1)) \\<img src=x onerror=alert(1)\\>" in md
    assert "<script" not in html.lower() and "<img" not in html.lower()
    assert "&lt;script&gt;document.location=&#x27;http://evil.example&#x27;&lt;/script&gt;" in html
    doc = json.loads(render_team(corpus_report, "json"))
    assert '=HYPERLINK("http://evil.example/x","click")' in [n["lesson"] for n in doc["lessons"]]
