"""`offscript team` figures on the corpus, checked against sums worked out by hand.

The corpus (tests/team/make_corpus.py) has 18 entries from six contributors a-e and one /1
file without an id. Hand sums over the 18 combined entries (n: by hand → with AI = net):
 a: 1 60→20=+40, 2 30→25=+5, 3 20→45=-25, 4 90→30=+60, 5 40→15=+25     (240, 135, +105)
 b: 6 45→15=+30, 7 15→30=-15, 8 30→50=-20                               (90, 95, -5)
 c: 9 120→40=+80, 10 60→50=+10, 11 25→40=-15                            (205, 130, +75)
 d: 12 50→20=+30, 13 30→30=0, 14 20→10=+10                              (100, 60, +40)
 e: 15 30→10=+20, 16 10→35=-25                                          (40, 45, -5)
 v1: 17 25→10=+15, 18 20→30=-10                                         (45, 40, +5)
 totals: by hand 720, with AI 505, net +215; worked 1 4 5 6 9 12 14 15 17 = 9, partly 2 10 13
 = 3, broke 3 7 8 11 16 18 = 6 (their AI minutes 45+30+50+40+35+30 = 230; their net and the
 other negatives: -25-15-20-15-25-10 = -110). Sorted nets: -25 -25 -20 -15 -15 -10 0 5 10 | 10
 15 20 25 30 30 40 60 80 → median 10.
"""

from __future__ import annotations

import json
import re

from journal.team import OTHER, TeamReport, build_team_report, render_team
from team.conftest import FIXTURES

USED = ("a-feb.json", "a-jan.json", "b.json", "c.json", "d.json", "e-hostile.json",
        "legacy-v1.json")


def test_exact_team_totals(corpus_report: TeamReport) -> None:
    r = corpus_report
    t = r.totals
    assert (r.files_read, r.combined, len(r.skipped)) == (14, 7, 7)
    assert (r.contributors, r.unidentified) == (6, 1)
    assert (r.since, r.until) == ("2026-01-05", "2026-02-06")
    assert (t.entries, t.minutes_without_ai, t.minutes_with_ai, t.net_minutes) == (18, 720, 505, 215)
    assert (t.worked, t.partly, t.broke) == (9, 3, 6)
    assert t.win_rate == 0.5
    assert t.median_net_minutes == 10.0
    assert (t.broke_minutes_lost, t.negative_net_minutes) == (230, -110)


def test_team_totals_equal_the_sum_of_the_inputs(corpus_report: TeamReport) -> None:
    docs = [json.loads((FIXTURES / name).read_text("utf-8")) for name in USED]
    t = corpus_report.totals
    for key in ("entries", "net_minutes", "minutes_without_ai", "minutes_with_ai",
                "broke_minutes_lost", "negative_net_minutes"):
        assert getattr(t, key) == sum(d["totals"][key] for d in docs), key
    for outcome in ("worked", "partly", "broke"):
        assert getattr(t, outcome) == sum(d["outcomes"][outcome] for d in docs), outcome
    # and every breakdown adds back up to the totals
    for groups in (corpus_report.tools, corpus_report.categories):
        assert sum(g.entries for g in groups) == t.entries
        assert sum(g.net_minutes for g in groups) == t.net_minutes
    assert sum(w.entries for w in corpus_report.weeks) == t.entries
    assert corpus_report.weeks[-1].cumulative_net_minutes == t.net_minutes


def test_weekly_trend_with_contributors(corpus_report: TeamReport) -> None:
    assert [(w.week, w.contributors, w.entries, w.net_minutes, w.cumulative_net_minutes)
            for w in corpus_report.weeks] == [
        ("2026-W02", 3, 4, 105, 105),  # 1 2 6 12: a b d
        ("2026-W03", 4, 4, 60, 165),  # 3 7 9 15: a b c e
        ("2026-W04", 3, 3, -5, 160),  # 8 13 17: b d v1
        ("2026-W05", 4, 4, -15, 145),  # 10 14 16 18: c d e v1
        ("2026-W06", 2, 3, 70, 215),  # 4 5 11: a c
    ]


def test_small_cells_fold_into_other(corpus_report: TeamReport) -> None:
    tools = {g.name: g for g in corpus_report.tools}
    assert list(tools) == ["Claude", "ChatGPT", OTHER]
    # Claude ("claude" of b is the same tool): 1 3 4 6 8 9 11 16 from a b c e
    assert (tools["Claude"].entries, tools["Claude"].contributors, tools["Claude"].worked,
            tools["Claude"].broke, tools["Claude"].net_minutes) == (8, 4, 4, 4, 125)
    assert (tools["ChatGPT"].entries, tools["ChatGPT"].contributors,
            tools["ChatGPT"].net_minutes) == (7, 4, 60)
    # Copilot (c, d) and the hostile tool name (e) have fewer than 3 contributors each
    other = tools[OTHER]
    assert (other.entries, other.contributors, other.net_minutes, other.folded) == (3, 3, 30, 2)
    categories = {g.name: (g.entries, g.contributors, g.folded) for g in corpus_report.categories}
    assert categories == {"coding": (8, 4, 0), "writing": (7, 4, 0), OTHER: (3, 3, 2)}
    modes = {m.mode: m for m in corpus_report.failure_modes}
    assert (modes["hallucination"].entries, modes["hallucination"].contributors) == (4, 4)
    assert [(x.tool, x.entries) for x in modes["hallucination"].tools] == [("Claude", 4)]
    # wrong_format (b, d) and tool_error (v1) fold; their ChatGPT cell has 2 contributors
    assert (modes[OTHER].entries, modes[OTHER].contributors, modes[OTHER].folded) == (3, 3, 2)
    assert [(x.tool, x.entries) for x in modes[OTHER].tools] == [(OTHER, 3)]


def test_raising_k_folds_more() -> None:
    r = build_team_report([str(FIXTURES)], k=5)
    assert [g.name for g in r.tools] == [OTHER]
    assert r.tools[0].entries == 18 and r.tools[0].folded == 4  # Claude ChatGPT Copilot <script>
    assert r.totals.net_minutes == 215


def test_lessons_and_prompts(corpus_report: TeamReport) -> None:
    notes = corpus_report.notes
    assert len(notes) == 13  # entries 1 2 3 4 6 7 8 9 11 15 16 17 18; d shares totals only
    assert {(n.tool, n.category) for n in notes} == {("Claude", "coding"),
                                                     ("ChatGPT", "writing"), (OTHER, OTHER)}
    assert [p.prompt for p in corpus_report.prompts] == [
        "Rewrite this paragraph for a non-technical reader.",  # 5
        "Explain this stack trace step by step.",  # 9
        "Write tests for parse_date covering leap years.",  # 4; 11 broke: left out
    ]


def test_no_contributor_id_in_any_output(corpus_report: TeamReport) -> None:
    for fmt in ("md", "html", "json"):
        text = render_team(corpus_report, fmt).decode("utf-8")  # type: ignore[arg-type]
        for c in "abcde":
            assert c * 32 not in text
        for name in USED:  # combined files are counted, not named (copy-of-b.json is skipped)
            assert not re.search(r"(?<![\w-])" + re.escape(name), text), (fmt, name)
