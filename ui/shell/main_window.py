"""The main window: a sidebar of pages (Journal, Prompts that worked, Trash, Dashboard, Team),
menus and shortcuts. Built from objects handed in by ui.app; creates no journal itself."""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, cast

from PySide6.QtCore import QByteArray, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QPaintEvent, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QListWidget,
    QMainWindow,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

import journal
from journal import Journal, OffscriptError
from ui.entries.journal_page import JournalPage
from ui.entries.prompts_view import PromptsView
from ui.entries.quick_log import QuickLog
from ui.entries.trash_view import TrashView
from ui.infra import alerts, theme
from ui.infra.modal import run_modal
from ui.infra.resources import app_icon
from ui.infra.screen_fit import fitted
from ui.infra.settings import AppSettings
from ui.shell.lazy_stack import LazyStack
from ui.shell.live_refresh import LiveRefresh
from ui.shell.menus import MenuBar

if TYPE_CHECKING:  # imported when first used: QtCharts, the redaction lexicons, phonenumbers
    from ui.dashboard import DashboardView
    from ui.team import TeamView

log = logging.getLogger("offscript.ui")

JOURNAL, PROMPTS, TRASH, DASHBOARD, TEAM = range(5)
CHOICES_FALLBACK_MS = 1000


DEFAULT_SIZE = QSize(1280, 800)  # a first start; later starts restore the size left


class MainWindow(QMainWindow):
    quit_requested = Signal()

    def __init__(self, journal_: Journal, settings: AppSettings, *,
                 tray_available: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.journal = journal_
        self.settings = settings
        self.tray_available = tray_available
        self.quick_log: QuickLog | None = None
        self.setWindowTitle("Offscript[*]")  # [*] shows while the editor has unsaved changes
        self.setWindowIcon(app_icon())
        self.resize(fitted(DEFAULT_SIZE))

        self.journal_page = JournalPage(journal_)
        # Only the Journal page is built now; the others query the whole journal, so they are
        # built when first opened (or first asked for), see LazyStack.
        self.pages: list[tuple[str, Callable[[], QWidget]]] = [
            ("Journal", lambda: self.journal_page), ("Prompts that worked", self._make_prompts),
            ("Trash", self._make_trash), ("Dashboard", self._make_dashboard),
            ("Team", self._make_team)]
        self._choices_loaded = False
        self.sidebar = QListWidget()
        self.sidebar.setAccessibleName("Pages")
        width = self.sidebar.fontMetrics().horizontalAdvance("Prompts that worked") + 34
        self.sidebar.setFixedWidth(width)
        self.sidebar.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.sidebar.setStyleSheet("QListWidget::item { padding: 7px 8px; }")
        self.share_button = QPushButton("S&hare…")
        self.share_button.setToolTip("Preview and export an anonymized summary (Ctrl+Shift+S)")
        self.share_button.setFixedWidth(width)
        self.share_button.clicked.connect(self.open_share)
        self.stack = LazyStack()
        for name, factory in self.pages:
            self.sidebar.addItem(name)
            self.stack.add_page(factory)
        self.stack.page(JOURNAL)
        side = QVBoxLayout()
        side.addWidget(self.sidebar, 1)
        side.addWidget(self.share_button)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(6, 6, 6, 0)
        layout.addLayout(side)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.journal_page.changed.connect(self._journal_changed)
        self.journal_page.dirty_changed.connect(self._update_title)
        self.menus = MenuBar(
            [name for name, _factory in self.pages], appearance=settings.get("appearance"),
            close_to_tray=settings.get("close_to_tray") if tray_available else None, parent=self)
        self.setMenuBar(self.menus)
        self.addActions(self.menus.shortcut_actions)
        self._connect_menus()
        self.sidebar.currentRowChanged.connect(self._page_changed)
        self.sidebar.setCurrentRow(0)
        self._restore_geometry()
        self.live = LiveRefresh(journal_, self.refresh_from_disk, self)
        self.statusBar().showMessage(f"Journal: {journal_.folder}", 6000)

    def _connect_menus(self) -> None:
        menus, page = self.menus, self.journal_page
        menus.new_entry_requested.connect(self.new_entry)
        menus.quick_log_requested.connect(self.open_quick_log)
        menus.share_requested.connect(self.open_share)
        menus.chat_drafts_requested.connect(self.open_chat_drafts)
        menus.restore_requested.connect(self.open_backups)
        menus.security_requested.connect(self.open_security)
        menus.close_requested.connect(self.close)
        menus.quit_requested.connect(self.quit_requested)
        menus.save_requested.connect(self.save)
        menus.cancel_requested.connect(self.cancel)
        menus.trash_requested.connect(page.trash_current)
        menus.undo_requested.connect(page.undo_trash)
        menus.find_requested.connect(self.find)
        menus.page_requested.connect(self.sidebar.setCurrentRow)
        menus.appearance_requested.connect(self.set_appearance)
        menus.reminder_requested.connect(self.open_reminder)
        menus.close_to_tray_changed.connect(lambda on: self.settings.set("close_to_tray", on))
        menus.about_requested.connect(self.about)

    # -- pages, built on first use ----------------------------------------------------------
    def _make_prompts(self) -> QWidget:
        page = PromptsView(self.journal)
        page.open_entry.connect(self.show_entry)
        page.copied.connect(
            lambda _: self.statusBar().showMessage("Prompt copied to the clipboard", 4000))
        return page

    def _make_trash(self) -> QWidget:
        page = TrashView(self.journal)
        page.changed.connect(self.journal_page.reload)
        return page

    def _make_dashboard(self) -> QWidget:
        from ui.dashboard import DashboardView  # QtCharts loads here, not at start-up

        page = DashboardView(self.journal, self)
        page.open_entry.connect(self.show_entry)
        return page

    def _make_team(self) -> QWidget:
        from ui.team import TeamView  # reads only the folder of shared summaries, on first use

        return TeamView(self.settings, self)

    @property
    def team(self) -> TeamView:
        return cast("TeamView", self.stack.page(TEAM))

    @property
    def prompts(self) -> PromptsView:
        return cast(PromptsView, self.stack.page(PROMPTS))

    @property
    def trash(self) -> TrashView:
        return cast(TrashView, self.stack.page(TRASH))

    @property
    def dashboard(self) -> DashboardView:
        return cast("DashboardView", self.stack.page(DASHBOARD))

    def _refresh_built(self, *indices: int) -> None:
        """Refresh the given pages that exist; the others will read fresh data when built."""
        for index in indices:
            if self.stack.is_built(index):
                self.stack.page(index).refresh()  # type: ignore[attr-defined]

    # Completers, filter lists and the samples bar wait until the window is on screen: a
    # zero timer posted from the first paint runs after that paint is flushed (one posted from
    # show() would run before it). The fallback covers a platform that never sends a paint.
    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._choices_loaded:
            QTimer.singleShot(CHOICES_FALLBACK_MS, self._load_choices)

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        if not self._choices_loaded:
            QTimer.singleShot(0, self._load_choices)

    def _load_choices(self) -> None:
        if not self._choices_loaded:
            self._choices_loaded = True
            self.journal_page.load_choices(in_background=True)

    # -- behaviour -------------------------------------------------------------------------
    def _page_changed(self, row: int) -> None:
        fresh = not self.stack.is_built(row)
        page = self.stack.show_index(row)
        if not fresh and hasattr(page, "refresh") and page is not self.journal_page:
            page.refresh()  # a page just built has read the journal already
        self.menus.set_editing_enabled(page is self.journal_page)

    def _journal_changed(self) -> None:
        if self.stack.currentIndex() == DASHBOARD:  # hidden pages refresh when shown
            self._refresh_built(DASHBOARD)

    def refresh_from_disk(self) -> None:
        """Entries added or changed by another process (CLI, quick log): show them now."""
        self.journal_page.refresh_from_disk()  # emits changed → a shown dashboard refreshes
        current = self.stack.currentIndex()
        if current in (PROMPTS, TRASH):
            self._refresh_built(current)

    def _update_title(self, dirty: bool) -> None:
        self.setWindowModified(dirty)

    def show_page(self, widget: QWidget) -> None:
        self.sidebar.setCurrentRow(self.stack.indexOf(widget))

    def show_entry(self, entry_id: str) -> None:
        self.show_page(self.journal_page)
        self.journal_page.open_entry(entry_id)

    def new_entry(self, values: dict[str, Any] | None = None) -> None:
        self.show_page(self.journal_page)
        self.journal_page.new_entry(values or None)

    def save(self) -> None:
        if self.journal_page.save() is not None:
            self.statusBar().showMessage("Saved", 3000)

    def cancel(self) -> None:
        self.journal_page.cancel()

    def find(self) -> None:
        self.show_page(self.journal_page)
        self.journal_page.focus_search()

    def open_quick_log(self) -> QuickLog:
        if self.quick_log is None:
            self.adopt_quick_log(QuickLog(self.journal, self))
        assert self.quick_log is not None
        self.quick_log.show()
        self.quick_log.raise_()
        self.quick_log.activateWindow()
        return self.quick_log

    def adopt_quick_log(self, quick_log: QuickLog) -> None:
        """Take over a quick log: one this window opens, or the one `offscript quick` showed
        before this window was built."""
        self.quick_log = quick_log
        quick_log.saved.connect(
            lambda _e: self.journal_page.reload(check_samples=False, choices_in_background=True))
        quick_log.saved.connect(
            lambda e: self.statusBar().showMessage(f"Logged “{e.title}”", 4000))
        quick_log.more_requested.connect(self._more_from_quick_log)
        quick_log.finished.connect(self._quick_log_closed)

    def _quick_log_closed(self) -> None:
        if self.quick_log is not None:
            self.quick_log.deleteLater()
            self.quick_log = None

    def _more_from_quick_log(self, values: dict[str, Any]) -> None:
        self.bring_to_front()
        self.new_entry(values)

    @staticmethod
    def _run(dialog: QDialog) -> int:
        """Modal, then freed: a dialog parented to the window must not live as long as it."""
        return run_modal(dialog)

    def open_share(self) -> None:
        from ui.share.dialog import ShareDialog  # the redaction lexicons load on first use

        self._run(ShareDialog(self.journal, self))

    def open_backups(self) -> None:
        """The Backups dialog; a restore replaces the journal's contents, so reload everything."""
        if not self.journal_page.confirm_leave():  # unsaved edits first: they'd be lost otherwise
            return
        from ui.backups.restore_dialog import RestoreDialog

        dialog = RestoreDialog(self.journal, self)
        dialog.restored.connect(self.reload_all)
        self._run(dialog)

    def reload_all(self, restored: int | None = None) -> None:
        """Re-read every view from the journal (after a restore replaced its contents)."""
        self.journal_page.reset_after_restore()  # emits changed → a shown dashboard refreshes
        self._refresh_built(PROMPTS, TRASH)
        if self.stack.currentIndex() != DASHBOARD:
            self._refresh_built(DASHBOARD)
        if restored is not None:
            noun = "entry" if restored == 1 else "entries"
            self.statusBar().showMessage(f"Backup restored: {restored:,} {noun}", 6000)

    def open_security(self) -> None:
        from ui.access.security_dialog import SecurityDialog

        dialog = SecurityDialog(self.journal, self)
        dialog.changed.connect(lambda text: self.statusBar().showMessage(text, 6000))
        self._run(dialog)

    def open_chat_drafts(self) -> None:
        """Review drafts from a ChatGPT/Claude export; kept ones show up in the list at once."""
        from ui.conversations.review_dialog import ReviewDialog

        dialog = ReviewDialog(self.journal, self)
        dialog.kept.connect(lambda _entry: self.journal_page.reload())
        self._run(dialog)

    def open_reminder(self) -> None:
        from ui.shell.reminder_dialog import ReminderDialog

        self._run(ReminderDialog(self.settings, tray=self.tray_available, parent=self))

    def set_appearance(self, mode: str) -> None:
        self.settings.set("appearance", mode)
        app = QApplication.instance()
        if isinstance(app, QApplication):
            theme.apply(app, mode)
        self.journal_page.repaint_list()

    def about(self) -> None:
        alerts.info(self, "About Offscript",
                    f"Offscript {journal.__version__} — a private, encrypted journal of your "
                    f"own AI experiments.", f"Journal folder: {self.journal.folder}")

    def bring_to_front(self) -> None:
        self.show()
        self.setWindowState(self.windowState() & ~Qt.WindowState.WindowMinimized)
        self.raise_()
        self.activateWindow()

    # -- drafts and closing ----------------------------------------------------------------
    def offer_draft_restore(self, crashed: bool = False) -> bool:
        """After a crash or kill, offer what was typed but never saved.

        `crashed`: the last session ended without quitting (ui/infra/session.py); say so.
        """
        page = self.journal_page
        draft = page.pending_draft()
        if draft is None:
            if crashed:
                self.statusBar().showMessage(
                    "Offscript closed unexpectedly last time; nothing unsaved was lost.", 15000)
            return False
        title = draft["values"].get("title") or "an untitled entry"
        heading, reason = (("Offscript closed unexpectedly", "Offscript closed unexpectedly last "
                            "time. Your unsaved changes to “{}” were kept as a draft.")
                           if crashed else
                           ("Restore unsaved changes?",
                            "Offscript closed before your changes to “{}” were saved."))
        choice = alerts.ask(self, heading, f"{reason.format(title)} Restore them?",
                            ["Restore", "Discard"])
        if choice != 0:
            page.forget_draft()
            return False
        entry = None
        if draft.get("entry_id"):
            try:
                entry = self.journal.get(draft["entry_id"])
            except OffscriptError:
                entry = None  # deleted since: restore the text as a new entry
        self.show_page(page)
        page.restore_draft(entry, draft["values"])
        return True

    def _restore_geometry(self) -> None:
        geometry = self.settings.get("window_geometry")
        if geometry:
            self.restoreGeometry(QByteArray.fromHex(geometry.encode()))
        state = self.settings.get("splitter_state")
        if state:
            self.journal_page.restore_state(state)

    def save_state(self) -> None:
        self.settings.values["splitter_state"] = self.journal_page.save_state()
        self.settings.values["window_geometry"] = bytes(self.saveGeometry().toHex()).decode()
        self.settings.save()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_state()
        if self.tray_available and self.settings.get("close_to_tray"):
            event.ignore()
            self.hide()
            if not self.settings.get("tray_hint_shown"):
                self.settings.set("tray_hint_shown", True)
                self.statusBar().showMessage("Offscript keeps running in the tray.", 5000)
            return
        event.accept()
        self.quit_requested.emit()
