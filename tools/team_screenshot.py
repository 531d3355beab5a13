"""The Team page for `make screenshots`: six demo journals export JSON summaries through the
real Share pipeline into one folder (plus a damaged file), and the page combines them."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from journal import Journal
from journal.share import ShareOptions, build_summary, render
from tools.dashboard_screenshots import demo_entries
from ui.infra.settings import AppSettings
from ui.team import TeamView

CONTRIBUTORS = 6


def write_team_folder(folder: Path) -> Path:
    """`folder`/inbox with one lessons-detail summary per demo journal."""
    inbox = folder / "inbox"
    inbox.mkdir(parents=True)
    opts = ShareOptions(detail="lessons", include="all", fmt="json", fold_small_groups=False)
    for n in range(CONTRIBUTORS):
        journal, _ = Journal.create(folder / f"journal-{n}")
        try:
            entries = demo_entries(weeks=10 + n % 3, seed=11 + n)
            if n == 2:  # one person tried a tool nobody else did: it folds into "other"
                entries = [replace(e, tool="Cursor") if i % 5 == 0 else e
                           for i, e in enumerate(entries)]
            journal.add_many(entries)
            (inbox / f"summary-{n + 1}.json").write_bytes(render(build_summary(journal, opts),
                                                                 "json"))
        finally:
            journal.close()
    (inbox / "from-chat.json").write_text('{"schema": "offscript.summary/2", "tot', "utf-8")
    return inbox


def build_team(folder: Path) -> TeamView:
    inbox = write_team_folder(folder)
    view = TeamView(AppSettings(folder / "settings.json"))
    view.open_folder(inbox)
    view.wait()
    return view
