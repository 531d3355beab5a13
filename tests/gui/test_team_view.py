"""The Team page on the synthetic corpus: cards, charts, lessons filter, exports, the folder
remembered, and a lazy page in the main window (Ctrl+5)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from team.conftest import FIXTURES

from journal import Journal
from journal.team import OTHER
from ui.infra.settings import AppSettings
from ui.team import TeamView
from ui.team.lessons_model import LESSON, TOOL

pytestmark = pytest.mark.usefixtures("qapp")


@pytest.fixture
def inbox(tmp_path: Path) -> Path:
    folder = tmp_path / "inbox"
    shutil.copytree(FIXTURES, folder)
    return folder


def test_team_page_shows_the_corpus(qtbot, settings: AppSettings, inbox: Path) -> None:
    view = TeamView(settings)
    qtbot.addWidget(view)
    assert view.report is None and not view.export_button.isEnabled()
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.open_folder(inbox)
    assert settings.get("team_folder") == str(inbox)
    assert AppSettings(settings.path).get("team_folder") == str(inbox)  # saved to disk
    r = view.report
    assert r is not None and (r.contributors, r.totals.entries, r.totals.net_minutes) == (6, 18, 215)
    assert view.contributors_card.value.text() == "6"
    assert view.contributors_card.change.text().endswith("summaries combined")  # its own note
    assert view.kpis.cards["hours"].value.text() == "+3.6 h"
    assert view.kpis.cards["entries"].value.text() == "18"
    assert view.kpis.cards["win_rate"].value.text() == "50%"
    assert "broken.json: not valid JSON" in view.sources.text()
    assert "14 files: 7 combined, 7 skipped" in view.sources.text()
    for chart in (*view.charts, view.contributors):
        assert not chart.is_empty(), chart.chart.title()
    assert [view.contributors.counts.at(i) for i in range(5)] == [3, 4, 3, 4, 2]

    model, proxy = view.lessons_model, view.lessons_proxy
    assert model.rowCount() == 13 and proxy.rowCount() == 13
    view.tool_filter.setCurrentText("ChatGPT")
    assert proxy.rowCount() == 4
    assert {proxy.index(i, TOOL).data() for i in range(proxy.rowCount())} == {"ChatGPT"}
    view.tool_filter.setCurrentText(OTHER)
    view.category_filter.setCurrentText(OTHER)
    assert proxy.rowCount() == 1  # the hostile contributor's tool and category both folded
    lesson = proxy.index(0, LESSON).data(Qt.ItemDataRole.ToolTipRole)
    assert lesson == '=HYPERLINK("http://evil.example/x","click")'  # plain text in a cell
    view.tool_filter.setCurrentText("Any")
    view.category_filter.setCurrentText("Any")
    assert proxy.rowCount() == 13


def test_team_page_exports(qtbot, settings: AppSettings, inbox: Path, tmp_path: Path) -> None:
    view = TeamView(settings)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.open_folder(inbox)
    for fmt in ("md", "html", "json"):
        target = tmp_path / f"team.{fmt}"
        view.export(target, fmt)  # type: ignore[arg-type]
        assert target.stat().st_size > 500
    assert "&lt;script&gt;" in (tmp_path / "team.html").read_text("utf-8")
    view.resize(1200, 900)
    png = tmp_path / "team.png"
    assert view.export_png(png)
    image = QImage(str(png))
    assert image.width() > 600 and image.height() > 600


def test_new_files_are_picked_up_and_a_missing_folder_is_said(
        qtbot, settings: AppSettings, inbox: Path) -> None:
    view = TeamView(settings)
    qtbot.addWidget(view)
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.open_folder(inbox)
    (inbox / "a-feb.json").unlink()
    with qtbot.waitSignal(view.loaded, timeout=10_000):
        view.refresh()
    assert view.report is not None and view.report.totals.entries == 16
    shutil.rmtree(inbox)
    view.refresh()
    assert view.report is None and "Folder not found" in view.folder_label.text()


def test_a_stale_read_is_dropped(qtbot, settings: AppSettings, inbox: Path,
                                  tmp_path: Path) -> None:
    """Switching folders while one is read shows only the newer folder's report."""
    other = tmp_path / "other"
    other.mkdir()
    shutil.copy(inbox / "b.json", other / "b.json")
    view = TeamView(settings)
    qtbot.addWidget(view)
    shown: list[int] = []
    view.loaded.connect(lambda: shown.append(view.report.combined if view.report else -1))
    view.open_folder(inbox)
    view.open_folder(other)
    view.wait()
    assert shown == [1]  # the first folder's read finished too, and was not shown


def test_team_page_is_lazy_and_on_ctrl_5(qtbot, journal: Journal, settings: AppSettings,
                                         inbox: Path) -> None:
    from ui.shell import main_window as mw

    settings.set("team_folder", str(inbox))
    window = mw.MainWindow(journal, settings)
    qtbot.addWidget(window)
    window.show()
    assert not window.stack.is_built(mw.TEAM)
    menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    team = next(a for a in menu.actions() if a.text() == "Team")
    assert team.shortcut().toString() == "Ctrl+5"
    team.trigger()
    assert window.stack.currentIndex() == mw.TEAM
    qtbot.waitUntil(lambda: window.team.report is not None, timeout=10_000)
    assert window.team.report is not None and window.team.report.contributors == 6
