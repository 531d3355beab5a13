"""The main window's menus and shortcuts (File, Edit, View, Help)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QUrl
from PySide6.QtGui import QAction, QActionGroup, QDesktopServices, QKeySequence

from journal.paths import log_dir

if TYPE_CHECKING:
    from ui.shell.main_window import MainWindow


def _action(window: MainWindow, menu: Any, text: str, slot: Callable[..., Any],
            shortcut: str | QKeySequence.StandardKey | None = None) -> QAction:
    action = QAction(text, window)
    if shortcut is not None:
        action.setShortcut(QKeySequence(shortcut))
    action.triggered.connect(slot)
    menu.addAction(action)
    window.addAction(action)  # shortcuts work even when the menu bar is hidden
    return action


def build_menus(window: MainWindow) -> None:
    """File, Edit, View and Help menus; each action also works as a window shortcut."""
    bar = window.menuBar()
    page = window.journal_page
    file_menu = bar.addMenu("&File")
    window.new_action = _action(window, file_menu, "&New entry", window.new_entry, "Ctrl+N")
    window.quick_action = _action(window, file_menu, "&Quick log…", window.open_quick_log,
                                  "Ctrl+Shift+L")
    window.share_action = _action(window, file_menu, "S&hare…", window.open_share, "Ctrl+Shift+S")
    window.chat_drafts_action = _action(window, file_menu, "&Draft entries from a chat export…",
                                        window.open_chat_drafts)
    file_menu.addSeparator()
    window.restore_action = _action(window, file_menu, "&Restore from backup…", window.open_backups)
    window.security_action = _action(window, file_menu, "Securi&ty…", window.open_security)
    file_menu.addSeparator()
    _action(window, file_menu, "&Close window", window.close, "Ctrl+W")
    _action(window, file_menu, "&Quit", window.quit_requested.emit, QKeySequence.StandardKey.Quit)

    edit = bar.addMenu("&Edit")
    window.save_action = _action(window, edit, "&Save", window.save, "Ctrl+S")
    window.cancel_action = _action(window, edit, "&Cancel changes", window.cancel, "Esc")
    window.trash_action = _action(window, edit, "Move to &Trash", page.trash_current, "Del")
    window.undo_action = _action(window, edit, "&Undo move to Trash", page.undo_trash, "Ctrl+Z")
    edit.addSeparator()
    window.find_action = _action(window, edit, "&Find…", window.find, "Ctrl+F")

    view = bar.addMenu("&View")
    for i, (name, _page) in enumerate(window.pages):
        _action(window, view, name, lambda _=False, i=i: window.sidebar.setCurrentRow(i),
                f"Ctrl+{i + 1}")
    view.addSeparator()
    appearance = view.addMenu("&Appearance")
    group = QActionGroup(window)
    for mode in ("system", "light", "dark"):
        action = QAction("Follow the system" if mode == "system" else mode.title(), window,
                         checkable=True)
        action.setChecked(window.settings.get("appearance") == mode)
        action.triggered.connect(lambda _=False, m=mode: window.set_appearance(m))
        group.addAction(action)
        appearance.addAction(action)
    _action(window, view, "Daily &reminder…", window.open_reminder)
    if window.tray_available:
        tray = QAction("Keep running in the tray when closed", window, checkable=True)
        tray.setChecked(window.settings.get("close_to_tray"))
        tray.toggled.connect(lambda on: window.settings.set("close_to_tray", on))
        view.addAction(tray)

    help_menu = bar.addMenu("&Help")
    _action(window, help_menu, "Open &log folder", lambda: QDesktopServices.openUrl(
        QUrl.fromLocalFile(str(log_dir()))))
    _action(window, help_menu, "&About Offscript", window.about)
