"""Crash reporting: sys.excepthook shows a dialog with the error and version; a rotating log.

The log gets the traceback without the exception's message (it may quote entry text); fatal
errors (faulthandler) and unclean ends are handled in ui/infra/session.py."""

from __future__ import annotations

import logging
import os
import platform
import sys
import traceback
from io import TextIOWrapper
from pathlib import Path
from types import TracebackType

from PySide6 import __version__ as pyside_version
from PySide6.QtCore import QSize
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

import journal
from journal.paths import log_dir, make_private_dir, make_private_file
from ui.infra.modal import run_modal
from ui.infra.screen_fit import fitted

log = logging.getLogger("offscript.ui")
LOG_NAME = "offscript.log"


class PrivateRotatingLog(logging.FileHandler):
    """offscript.log, moved to .1 (… up to `backups`) once it would pass `max_bytes`, whose files
    are 0600 from creation (the stock handlers use the umask, 0644): error reports can name
    journal folders and file names. Not logging.handlers.RotatingFileHandler: that module
    imports socket, pickle and queue for its other handlers, ~2 MB and ~5 ms at every start."""

    def __init__(self, path: Path, max_bytes: int, backups: int) -> None:
        self.max_bytes, self.backups = max_bytes, backups
        super().__init__(path, encoding="utf-8")

    def _open(self) -> TextIOWrapper:
        fd = os.open(self.baseFilename, os.O_WRONLY | os.O_APPEND | os.O_CREAT, 0o600)
        make_private_file(Path(self.baseFilename))  # a log written by an older version
        return os.fdopen(fd, "a", encoding=self.encoding, errors=self.errors)

    def emit(self, record: logging.LogRecord) -> None:  # called under the handler's lock
        try:
            stream = self.stream
            if stream is not None and (
                    stream.tell() + len(self.format(record)) + 1 > self.max_bytes):
                self._rotate(stream)
        except Exception:  # as logging does: a failing log must not take the app down
            self.handleError(record)
            return
        super().emit(record)

    def _rotate(self, stream: TextIOWrapper) -> None:
        stream.close()
        self.stream = None  # reopened by FileHandler.emit if the moves below fail
        base = self.baseFilename
        for number in range(self.backups - 1, 0, -1):
            if os.path.exists(f"{base}.{number}"):
                os.replace(f"{base}.{number}", f"{base}.{number + 1}")
        if os.path.exists(base):
            os.replace(base, f"{base}.1")
        self.stream = self._open()


def setup_logging(folder: Path | None = None) -> Path | None:
    """Log to a rotating file in the platform log dir (journal contents never go there)."""
    folder = folder or log_dir()
    try:
        make_private_dir(folder)
        handler = PrivateRotatingLog(folder / LOG_NAME, max_bytes=1_000_000, backups=3)
    except OSError as exc:
        logging.basicConfig(level=logging.INFO)
        log.warning("no log file: %s", exc)
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root = logging.getLogger()
    root.addHandler(handler)
    root.setLevel(logging.INFO)
    return folder / LOG_NAME


def report_text(exc_type: type[BaseException], exc: BaseException,
                tb: TracebackType | None) -> str:
    lines = "".join(traceback.format_exception(exc_type, exc, tb))
    return (f"Offscript {journal.__version__} · Python {platform.python_version()} · "
            f"PySide6 {pyside_version} · {platform.platform()}\n\n{lines}")


def log_text(exc_type: type[BaseException], tb: TracebackType | None) -> str:
    """The report for the log file: where it failed, but not the message, which may quote
    journal text (a title in a KeyError, a prompt in a ValueError). The dialog shows it all."""
    frames = "".join(traceback.format_list(traceback.extract_tb(tb)))
    return (f"Offscript {journal.__version__} · Python {platform.python_version()} · "
            f"PySide6 {pyside_version}\nTraceback (most recent call last):\n{frames}"
            f"{exc_type.__module__}.{exc_type.__qualname__} (message not logged)")


class CrashDialog(QDialog):
    def __init__(self, report: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.report = report
        self.setWindowTitle("Offscript hit a problem")
        intro = QLabel(
            "<h3>Something went wrong</h3><p>Your journal is safe: saved entries are not "
            "affected and unsaved edits are kept as a draft. You can keep working, or restart "
            f"Offscript.</p><p>Details are in the log folder: {log_dir()}</p>", wordWrap=True)
        self.details = QPlainTextEdit(report, readOnly=True)
        self.details.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.details.setAccessibleName("Error details")
        self.copy_button = QPushButton("&Copy details")
        close = QPushButton("&Close")
        close.setDefault(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.copy_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.details, 1)
        layout.addLayout(buttons)
        self.resize(fitted(QSize(720, 460), parent))
        self.copy_button.clicked.connect(self.copy)
        close.clicked.connect(self.accept)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.report)
        self.copy_button.setText("Copied ✓")


class ExceptHook:
    """Installed as sys.excepthook; shows one dialog at a time so a loop can't stack them."""

    def __init__(self) -> None:
        self.showing = False

    def __call__(self, exc_type: type[BaseException], exc: BaseException,
                 tb: TracebackType | None) -> None:
        if issubclass(exc_type, KeyboardInterrupt):
            sys.__excepthook__(exc_type, exc, tb)
            return
        report = report_text(exc_type, exc, tb)
        log.error("unhandled error\n%s", log_text(exc_type, tb))
        if self.showing or QApplication.instance() is None:
            return
        self.showing = True
        try:
            run_modal(CrashDialog(report))
        finally:
            self.showing = False


def install_excepthook() -> ExceptHook:
    hook = ExceptHook()
    sys.excepthook = hook
    return hook
