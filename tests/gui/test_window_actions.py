"""Main-window wiring: Dashboard and Share are always there; Restore from backup reloads every
view; the daily backup runs after start and never crashes the app."""

from __future__ import annotations

import gc
import threading
import weakref
from pathlib import Path
from typing import Any

import pytest
import shiboken6
from PySide6.QtCore import QEvent, Qt
from PySide6.QtWidgets import QApplication

from journal import Entry, Journal, StorageError
from journal.backup import KEEP_SETTING, Backups, create_backup, list_backups
from tools import screenshots
from ui.backups import daily_backup
from ui.backups.restore_dialog import RestoreDialog
from ui.dashboard import DashboardView
from ui.infra.settings import AppSettings
from ui.share.dialog import ShareDialog
from ui.shell.main_window import MainWindow


@pytest.fixture
def window(journal: Journal, qtbot, settings: AppSettings) -> MainWindow:
    win = MainWindow(journal, settings)
    qtbot.addWidget(win)
    win.show()
    return win


def _add(journal: Journal, title: str, **extra: Any) -> Entry:
    return journal.add({"title": title, "tool": "ChatGPT", "outcome": "worked",
                        "minutes_without_ai": 30, "minutes_with_ai": 10, **extra})


def _titles(window: MainWindow) -> list[str]:
    model = window.journal_page.model
    return [model.entry(row).title for row in range(model.rowCount())]


def test_dashboard_page_and_screenshot_builders_always_present(window: MainWindow) -> None:
    assert isinstance(window.dashboard, DashboardView)
    assert [name for name, _page in window.pages][-2:] == ["Dashboard", "Team"]
    names = [name for name, _builder, _size in screenshots.SHOTS]
    assert {"dashboard-light", "dashboard-dark", "share-preview"} <= set(names)


def test_share_from_menu_shortcut_and_sidebar(window: MainWindow, journal: Journal, qtbot,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    opened: list[ShareDialog] = []

    def fake_exec(dialog: ShareDialog) -> int:
        opened.append(dialog)
        return 0

    monkeypatch.setattr(ShareDialog, "exec", fake_exec)
    assert window.menus.share_action.shortcut().toString() == "Ctrl+Shift+S"
    qtbot.keyClick(window, Qt.Key.Key_S,
                   Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    window.share_button.click()
    window.menus.share_action.trigger()
    assert len(opened) == 3
    assert all(d.journal is journal and d.parent() is window for d in opened)
    for dialog in opened:
        dialog.wait()


def test_restore_from_backup_reloads_every_view(window: MainWindow, journal: Journal,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    _add(journal, "Kept from before", prompt="the old prompt")
    backup = create_backup(journal, "manual")
    later = _add(journal, "Added after the backup", tool="Claude", tags=["later"],
                 prompt="a newer prompt")
    gone = _add(journal, "Trashed after the backup")
    journal.trash(gone.id)
    window.journal_page.reload()
    for page in (window.prompts, window.trash, window.dashboard):  # built before the restore
        window.show_page(page)
    assert window.prompts.model.rowCount() == 2 and window.trash.model.total == 1
    window.show_page(window.journal_page)
    window.journal_page.select_entry(later.id)
    assert window.journal_page.editor.entry.id == later.id
    assert sorted(_titles(window)) == ["Added after the backup", "Kept from before"]

    def restore_in_dialog(dialog: RestoreDialog) -> int:
        assert dialog.journal is journal and dialog.parent() is window
        row = [b.path for b in dialog.backups].index(backup)
        dialog.table.selectRow(row)
        assert dialog.restore_selected()  # alert_log answers "Restore"
        return 0

    monkeypatch.setattr(RestoreDialog, "exec", restore_in_dialog)
    window.menus.restore_action.trigger()

    assert _titles(window) == ["Kept from before"]
    assert window.journal_page.editor.entry is None  # the open entry no longer exists
    assert window.journal_page.filter_bar.tool.findData("Claude") == -1
    assert window.prompts.model.rowCount() == 1
    assert window.trash.model.total == 0
    assert window.dashboard.stats.totals.entries == 1
    assert "Backup restored: 1 entry" in window.statusBar().currentMessage()


def test_restore_waits_for_unsaved_edits(window: MainWindow, journal: Journal, alert_log,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    window.new_entry()
    window.journal_page.editor.title.setText("half typed")
    alert_log.answers = [2]  # Keep editing
    monkeypatch.setattr(RestoreDialog, "exec",
                        lambda _d: pytest.fail("must not open over unsaved edits"))
    window.open_backups()
    assert window.journal_page.editor.title.text() == "half typed"


def test_security_action_in_file_menu(window: MainWindow) -> None:
    file_menu = window.menuBar().actions()[0].menu()
    texts = [a.text() for a in file_menu.actions()]
    assert {"S&hare…", "&Restore from backup…", "Securi&ty…"} <= set(texts)


@pytest.mark.parametrize("action", ["share_action", "restore_action", "security_action"])
def test_closed_dialogs_are_freed(window: MainWindow, monkeypatch: pytest.MonkeyPatch,
                                  action: str) -> None:
    from PySide6.QtWidgets import QDialog

    opened: list[weakref.ref[QDialog]] = []

    def fake_exec(dialog: QDialog) -> int:
        opened.append(weakref.ref(dialog))
        dialog.done(0)
        return 0

    monkeypatch.setattr(QDialog, "exec", fake_exec)
    getattr(window.menus, action).trigger()
    QApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    gc.collect()
    assert len(opened) == 1
    assert opened[0]() is None or not shiboken6.isValid(opened[0]())
    assert window.findChildren(QDialog) == []


# -- daily backup -------------------------------------------------------------------------------
def test_daily_backup_after_start_uses_the_keep_setting(window: MainWindow, journal: Journal,
                                                        qtbot) -> None:
    _add(journal, "Something worth keeping")
    journal.set_setting(KEEP_SETTING, "2")
    for _ in range(3):
        create_backup(journal, "manual")
    backup = daily_backup.DailyBackup(journal, window)
    with qtbot.waitSignal(backup.finished, timeout=10_000) as result:
        backup.schedule(delay_ms=10)
    folder = journal.folder / "backups"
    assert result.args[0] is not None and result.args[0].parent == folder
    assert [b.label for b in list_backups(folder)].count("daily") == 1
    assert len(list_backups(folder)) == 2  # rotated down to backup.keep
    with qtbot.waitSignal(backup.finished) as again:
        backup.start()
    assert again.args == [None]  # once a day
    assert "failed" not in window.statusBar().currentMessage()  # success is only logged


def test_daily_backup_runs_off_the_gui_thread(window: MainWindow, journal: Journal, qtbot,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    threads: list[object] = []

    def record(*_a: Any, **_k: Any) -> None:
        threads.append(threading.current_thread())

    monkeypatch.setattr(Backups, "maybe_daily", record)
    backup = daily_backup.DailyBackup(journal, window)
    with qtbot.waitSignal(backup.finished):
        backup.start()
    assert threads and threads[0] is not threading.main_thread()


def test_daily_backup_failure_is_a_status_bar_warning(window: MainWindow, qtbot,
                                                      monkeypatch: pytest.MonkeyPatch,
                                                      caplog: pytest.LogCaptureFixture,
                                                      alert_log) -> None:
    def broken(*_a: Any, **_k: Any) -> Path:
        raise StorageError("Could not write a backup: disk full")

    monkeypatch.setattr(Backups, "maybe_daily", broken)
    backup = daily_backup.DailyBackup(window.journal, window)
    with qtbot.waitSignal(backup.finished) as result:
        backup.start()
    assert result.args == [None]
    assert "Daily backup failed: Could not write a backup: disk full" in \
        window.statusBar().currentMessage()
    assert alert_log.shown == []  # no modal box
    assert "Daily backup failed" in caplog.text


def test_daily_backup_unexpected_error_never_raises(window: MainWindow, journal: Journal, qtbot,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    def boom(*_a: Any, **_k: Any) -> Path:
        raise OSError("boom")

    monkeypatch.setattr(Backups, "maybe_daily", boom)
    backup = daily_backup.DailyBackup(journal, window)
    with qtbot.waitSignal(backup.finished):
        backup.start()
    backup.wait()
    assert "boom" in window.statusBar().currentMessage()


def test_backups_dialog_sets_how_many_to_keep(journal: Journal, qtbot) -> None:
    dialog = RestoreDialog(journal)
    qtbot.addWidget(dialog)
    assert dialog.keep.value() == 10
    dialog.keep.setValue(4)
    assert journal.get_setting(KEEP_SETTING) == "4"
    assert RestoreDialog(journal).keep.value() == 4


def test_backups_dialog_is_not_mostly_empty_space(journal: Journal, qtbot) -> None:
    """Its height follows the backups; a taller window keeps the contents together (the
    space goes above the buttons, not between intro, list and the keep row)."""
    journal.backups.create("manual")
    journal.backups.create("daily")
    dialog = RestoreDialog(journal)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    rows = dialog.table.verticalHeader().defaultSectionSize() * 2
    assert dialog.table.height() <= rows + dialog.table.horizontalHeader().height() + 8
    natural = dialog.height()
    assert natural <= dialog.sizeHint().height() + 4
    spacing = dialog.layout().spacing()
    for height in (natural, natural + 200):
        dialog.resize(dialog.width(), height)
        qtbot.wait(10)
        intro = dialog.layout().itemAt(0).widget()
        gap_above = dialog.table.y() - intro.geometry().bottom()
        gap_below = dialog.keep.geometry().top() - dialog.table.geometry().bottom()
        assert gap_above <= spacing + 2 and gap_below <= spacing + 8, (height, gap_above,
                                                                     gap_below)
