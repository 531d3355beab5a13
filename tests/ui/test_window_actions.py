"""Main-window wiring: Dashboard and Share are always there, Restore from backup reloads."""

from __future__ import annotations

import pytest

from journal import Journal
from ui import screenshots
from ui.dashboard import DashboardView
from ui.main_window import MainWindow
from ui.settings import AppSettings


@pytest.fixture
def window(journal: Journal, qtbot, settings: AppSettings) -> MainWindow:
    win = MainWindow(journal, settings)
    qtbot.addWidget(win)
    win.show()
    return win


def test_dashboard_page_and_screenshot_builders_always_present(window: MainWindow) -> None:
    assert isinstance(window.dashboard, DashboardView)
    assert [name for name, _page in window.pages][-1] == "Dashboard"
    names = [name for name, _builder, _size in screenshots.SHOTS]
    assert {"dashboard-light", "dashboard-dark", "share-preview"} <= set(names)
