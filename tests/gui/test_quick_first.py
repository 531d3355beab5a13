"""`offscript quick` shows the quick log alone first; the main window is built after its first
paint and takes the quick log over (saving refreshes the Journal page; closing it quits)."""

from __future__ import annotations

from typing import Any

import pytest
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from journal import EntryFilter, Journal
from ui import app as ui_app
from ui.entries.quick_log import QuickLog
from ui.infra.settings import AppSettings
from ui.shell.single_instance import SingleInstance


def _windows(qapp: QApplication, kind: str) -> list[Any]:
    return [w for w in qapp.topLevelWidgets() if type(w).__name__ == kind]


def test_quick_log_shown_before_the_main_window_is_built(
        journal: Journal, qapp: QApplication, settings: AppSettings,
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("ui.shell.tray.tray_available", lambda: False)  # closing it quits
    instance = SingleInstance(f"offscript-test-quick-{id(journal)}")
    instance.listen()
    seen: dict[str, Any] = {}

    def first_turn() -> None:  # the first event-loop turn after run() showed the quick log
        seen["quick"] = [w for w in _windows(qapp, "QuickLog") if w.isVisible()]
        seen["main"] = _windows(qapp, "MainWindow")

    def once_built() -> None:
        mains = _windows(qapp, "MainWindow")
        if not mains:
            QTimer.singleShot(20, once_built)
            return
        window = mains[0]
        quick: QuickLog = seen["quick"][0]
        seen["adopted"] = window.quick_log is quick
        seen["main_visible"] = window.isVisible()
        quick.title.setText("Logged from the quick window")
        quick.tool.setText("Claude")
        quick.outcome.set_value("worked")
        quick.save()  # accepted: finished → the main window is hidden and there is no tray
        seen["listed"] = window.journal_page.model.total

    QTimer.singleShot(0, first_turn)
    QTimer.singleShot(0, once_built)
    QTimer.singleShot(15000, qapp.quit)  # a safety net: the test fails below, not hangs
    try:
        code = ui_app.run(qapp, journal, settings, instance, quick=True)
    finally:
        qapp.setQuitOnLastWindowClosed(True)
        instance.close()
        for window in _windows(qapp, "MainWindow"):
            window.deleteLater()
    assert code == 0
    assert len(seen["quick"]) == 1 and seen["main"] == []
    assert seen["adopted"] and not seen["main_visible"]
    assert seen["listed"] == 1
    assert journal.count(EntryFilter()) == 1
