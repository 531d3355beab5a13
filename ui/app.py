"""The composition root: builds QApplication, opens the journal, wires the windows together.

`main(argv, journal_dir=..., quick=True)` opens only the quick log (for `offscript quick` and
desktop shortcuts). Nothing here runs at import time.
"""

from __future__ import annotations

import logging
import os
import signal
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

import ui.infra.pyside_imports  # noqa: F401  # first after PySide: makes its import check cheap

# isort: split
import journal
from journal import Journal, OffscriptError
from journal.paths import default_journal_dir
from ui.access.startup import open_journal
from ui.entries.quick_log import QuickLog
from ui.infra import alerts, theme
from ui.infra.crash import install_excepthook, setup_logging
from ui.infra.resources import app_icon
from ui.infra.session import begin_session, end_session
from ui.infra.settings import AppSettings
from ui.shell.single_instance import SingleInstance, send_to_running, server_name

if TYPE_CHECKING:  # imported when first built: `offscript quick` shows its window first
    from ui.backups.daily_backup import DailyBackup
    from ui.shell.main_window import MainWindow
    from ui.shell.tray import Tray

log = logging.getLogger("offscript.ui")
BUILD_FALLBACK_MS = 1000


def resolve_journal_dir(journal_dir: Path | None, settings: AppSettings) -> Path:
    """--journal argument, then OFFSCRIPT_HOME, then a folder chosen earlier, then the default."""
    if journal_dir is not None:
        return Path(journal_dir).expanduser()
    if not os.environ.get("OFFSCRIPT_HOME") and settings.get("journal_dir"):
        return Path(settings.get("journal_dir"))
    return default_journal_dir()


def build_application(argv: list[str]) -> QApplication:
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(argv)
    app.setApplicationName("Offscript")
    app.setApplicationVersion(journal.__version__)
    app.setDesktopFileName("offscript")
    app.setWindowIcon(app_icon())
    return app


def main(argv: list[str] | None = None, *, journal_dir: Path | None = None,
         quick: bool = False) -> int:
    argv = list(sys.argv if argv is None else argv)
    setup_logging()
    app = build_application(argv)
    settings = AppSettings()
    theme.apply(app, settings.get("appearance"))
    theme.follow_system(app, lambda: str(settings.get("appearance")))
    install_excepthook()
    folder = resolve_journal_dir(journal_dir, settings)
    name = server_name(folder)
    if send_to_running(name, "quick" if quick else "show"):
        log.info("handed over to the running instance")
        return 0
    instance = SingleInstance(name)
    instance.listen()
    try:
        for warning in settings.warnings:
            alerts.warn(None, "Settings reset", warning)
        opened = open_journal(folder)
        if opened is None:
            return 0
        if opened.folder != default_journal_dir() and journal_dir is None:
            settings.set("journal_dir", str(opened.folder))  # remember a folder the user picked
        session = begin_session()  # after the hand-over above: one marker per running app
        try:
            code = run(app, opened, settings, instance, quick=quick, crashed=session.crashed)
        finally:
            opened.close()
    finally:
        instance.close()  # its socket file; after a crash the next start reclaims it
    end_session(session)  # only a normal return counts as a clean end
    return code


def run(app: QApplication, opened: Journal, settings: AppSettings, instance: SingleInstance,
        *, quick: bool, crashed: bool = False) -> int:
    purge_old_trash(opened)
    app.setQuitOnLastWindowClosed(False)  # we quit explicitly, so the tray can keep us alive
    # `offscript quick` shows the quick log first, alone: the main window (its modules, pages,
    # tray and backup) is built after the quick log's first paint, off its start-up path.
    first_quick_log = QuickLog(opened) if quick else None
    shell: list[tuple[MainWindow, DailyBackup, Tray | None]] = []  # once built
    quitting = False

    def quit_app() -> None:
        nonlocal quitting
        if quitting:  # Qt 6's quit() closes the window, whose closeEvent asks to quit again
            return
        quitting = True
        if shell:
            save_before_quit(*shell[0][:2])
        elif first_quick_log is not None:
            first_quick_log.save_draft()
        log.info("quitting: state and drafts saved")
        app.quit()

    def build_shell() -> MainWindow:
        if shell:
            return shell[0][0]
        from ui.backups.daily_backup import DailyBackup
        from ui.shell.main_window import MainWindow
        from ui.shell.tray import Tray, tray_available

        tray = Tray(app_icon()) if tray_available() else None
        window = MainWindow(opened, settings, tray_available=tray is not None)
        backup = DailyBackup(opened, window)
        shell.append((window, backup, tray))
        window.quit_requested.connect(quit_app)
        backup.schedule()  # a couple of seconds in, on a worker thread: off the start-up path
        if tray is not None:
            connect_tray(tray, window, quit_app, settings, opened)
        if first_quick_log is not None and first_quick_log.isVisible():
            window.adopt_quick_log(first_quick_log)
        return window

    def message(text: str) -> None:
        window = build_shell()
        window.open_quick_log() if text == "quick" else window.bring_to_front()

    signal_timer = quit_on_signals(quit_app)  # noqa: F841 - kept alive while the loop runs
    instance.message.connect(message)
    if first_quick_log is not None:
        def quick_done() -> None:
            window = build_shell()  # closed before it was built: the tray may keep us running
            if not window.isVisible() and shell[0][2] is None:
                quit_app()

        first_quick_log.finished.connect(quick_done)
        show_first(first_quick_log, then=build_shell)
    else:
        window = build_shell()
        window.show()
        log.info("main window shown")
        QTimer.singleShot(0, lambda: window.offer_draft_restore(crashed))
    return app.exec()


def purge_old_trash(opened: Journal) -> None:
    try:
        opened.purge_expired()  # the Trash keeps entries for 30 days
    except OffscriptError as exc:
        log.warning("purge of old trash failed: %s", exc)


def save_before_quit(window: MainWindow, backup: DailyBackup) -> None:
    window.save_state()
    if window.quick_log is not None:
        window.quick_log.save_draft()
    backup.wait()  # a copy in progress finishes before the journal closes


def connect_tray(tray: Tray, window: MainWindow, quit_app: Callable[[], None],
                 settings: AppSettings, opened: Journal) -> None:
    from ui.shell.reminder import Reminder

    tray.quick_log.connect(window.open_quick_log)
    tray.open_window.connect(window.bring_to_front)
    tray.quit.connect(quit_app)
    reminder = Reminder(settings, opened, window)
    reminder.due.connect(tray.show_reminder)
    tray.snooze_reminder.connect(reminder.snooze)
    tray.silence_reminder.connect(reminder.not_today)


def show_first(quick_log: QuickLog, then: Callable[[], object]) -> None:
    """Show the quick log, and run `then` once it is painted: a zero timer posted from the
    first paint runs after that paint is flushed (the fallback: a platform that never paints)."""
    quick_log.first_painted.connect(lambda: QTimer.singleShot(0, then))
    QTimer.singleShot(BUILD_FALLBACK_MS, then)
    quick_log.show()


def quit_on_signals(quit_app: Callable[[], None]) -> QTimer:
    """SIGTERM (logout, `kill`) and Ctrl+C quit like the menu does, so drafts and state are saved.

    Python runs signal handlers only between bytecodes, and the Qt loop runs none while idle:
    a slow no-op timer gives the interpreter that chance.
    """
    for number in (signal.SIGTERM, signal.SIGINT):
        signal.signal(number, lambda *_: QTimer.singleShot(0, quit_app))
    timer = QTimer()
    timer.timeout.connect(lambda: None)
    timer.start(250)
    return timer


if __name__ == "__main__":
    sys.exit(main())
