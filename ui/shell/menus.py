"""The main window's menu bar (File, Edit, View, Help). It owns its actions and emits a request
signal for each; the window connects the requests to what it does (as novelWriter's main menu),
so this module never imports the window."""

from __future__ import annotations

from PySide6.QtCore import QUrl, Signal, SignalInstance
from PySide6.QtGui import QAction, QActionGroup, QDesktopServices, QKeySequence
from PySide6.QtWidgets import QMenu, QMenuBar, QWidget

from journal.paths import log_dir

APPEARANCES = (("system", "Follow the system"), ("light", "Light"), ("dark", "Dark"))


class MenuBar(QMenuBar):
    new_entry_requested = Signal()
    quick_log_requested = Signal()
    share_requested = Signal()
    chat_drafts_requested = Signal()
    restore_requested = Signal()
    security_requested = Signal()
    close_requested = Signal()
    quit_requested = Signal()
    save_requested = Signal()
    cancel_requested = Signal()
    trash_requested = Signal()
    undo_requested = Signal()
    find_requested = Signal()
    page_requested = Signal(int)
    appearance_requested = Signal(str)
    reminder_requested = Signal()
    close_to_tray_changed = Signal(bool)
    about_requested = Signal()

    def __init__(self, pages: list[str], *, appearance: str, close_to_tray: bool | None,
                 parent: QWidget | None = None) -> None:
        """`close_to_tray` None: no tray on this desktop, so no menu item for it."""
        super().__init__(parent)
        # Added to the window too, so their shortcuts work even when the menu bar is hidden.
        self.shortcut_actions: list[QAction] = []
        self._file_menu()
        self._edit_menu()
        self._view_menu(pages, appearance, close_to_tray)
        help_menu = self.addMenu("&Help")
        self._action(help_menu, "Open &log folder", None).triggered.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(log_dir()))))
        self._action(help_menu, "&About Offscript", self.about_requested)

    def _file_menu(self) -> None:
        menu = self.addMenu("&File")
        self.new_action = self._action(menu, "&New entry", self.new_entry_requested, "Ctrl+N")
        self._action(menu, "&Quick log…", self.quick_log_requested, "Ctrl+Shift+L")
        self.share_action = self._action(menu, "S&hare…", self.share_requested, "Ctrl+Shift+S")
        self._action(menu, "&Draft entries from a chat export…", self.chat_drafts_requested)
        menu.addSeparator()
        self.restore_action = self._action(menu, "&Restore from backup…", self.restore_requested)
        self.security_action = self._action(menu, "Securi&ty…", self.security_requested)
        menu.addSeparator()
        self._action(menu, "&Close window", self.close_requested, "Ctrl+W")
        self._action(menu, "&Quit", self.quit_requested, QKeySequence.StandardKey.Quit)

    def _edit_menu(self) -> None:
        menu = self.addMenu("&Edit")
        self.save_action = self._action(menu, "&Save", self.save_requested, "Ctrl+S")
        self.cancel_action = self._action(menu, "&Cancel changes", self.cancel_requested, "Esc")
        self.trash_action = self._action(menu, "Move to &Trash", self.trash_requested, "Del")
        self.undo_action = self._action(menu, "&Undo move to Trash", self.undo_requested,
                                        "Ctrl+Z")
        menu.addSeparator()
        self._action(menu, "&Find…", self.find_requested, "Ctrl+F")

    def _view_menu(self, pages: list[str], appearance: str, close_to_tray: bool | None) -> None:
        menu = self.addMenu("&View")
        for i, name in enumerate(pages):
            self._action(menu, name, None, f"Ctrl+{i + 1}").triggered.connect(
                lambda _=False, i=i: self.page_requested.emit(i))
        menu.addSeparator()
        looks = menu.addMenu("&Appearance")
        group = QActionGroup(self)
        for mode, text in APPEARANCES:
            action = QAction(text, self, checkable=True)
            action.setChecked(appearance == mode)
            action.triggered.connect(lambda _=False, m=mode: self.appearance_requested.emit(m))
            group.addAction(action)
            looks.addAction(action)
        self._action(menu, "Daily &reminder…", self.reminder_requested)
        if close_to_tray is not None:
            tray = QAction("Keep running in the tray when closed", self, checkable=True)
            tray.setChecked(close_to_tray)
            tray.toggled.connect(self.close_to_tray_changed)
            menu.addAction(tray)

    def set_editing_enabled(self, on: bool) -> None:
        """Save, Cancel, Trash and Undo act on the Journal page only."""
        for action in (self.save_action, self.cancel_action, self.trash_action, self.undo_action):
            action.setEnabled(on)

    def _action(self, menu: QMenu, text: str, request: SignalInstance | None,
                shortcut: str | QKeySequence.StandardKey | None = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        if request is not None:
            action.triggered.connect(lambda _=False, r=request: r.emit())
        menu.addAction(action)
        self.shortcut_actions.append(action)
        return action
