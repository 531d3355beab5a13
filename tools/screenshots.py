"""Render the app's main views to PNGs: `python -m tools.screenshots docs/screenshots`.

Each shot is (name, builder, size); a builder gets a fresh temp folder and returns the widget
to grab. Journals live in that temp folder with an in-memory keychain, never the real ones.
The dashboard and Share dialog builders live beside those views.
"""

from __future__ import annotations

import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

import keyring
from keyring.backend import KeyringBackend
from PySide6.QtWidgets import QApplication, QWidget

from journal import Entry, Journal
from journal.samples import sample_entries
from tools.chat_drafts_screenshot import build_chat_drafts, build_reminder
from tools.dashboard_screenshots import build_dashboard_dark, build_dashboard_light
from tools.share_screenshot import build_share_preview
from tools.team_screenshot import build_team
from ui.access.first_run import WelcomeDialog
from ui.access.passphrase_form import NewPassphraseDialog
from ui.access.recovery_dialog import RecoveryKeyDialog
from ui.access.security_dialog import SecurityDialog
from ui.access.unlock import UnlockDialog
from ui.backups.restore_dialog import RestoreDialog
from ui.entries.quick_log import QuickLog
from ui.infra.resources import app_icon
from ui.infra.settings import AppSettings
from ui.shell.main_window import MainWindow

Builder = Callable[[Path], QWidget]
DEMO_PASSPHRASE = "lamp orbit fossil tide"  # noqa: S105 - a demo journal in a temp dir


class _MemoryKeyring(KeyringBackend):
    priority = 5  # type: ignore[assignment]  # counts as a secure keychain (> 1), like the tests

    def __init__(self) -> None:
        super().__init__()
        self.items: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.items.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.items[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.items.pop((service, username), None)


def _window(folder: Path, *, samples: bool = True) -> MainWindow:
    journal, _ = Journal.create(folder / "journal")
    if samples:
        journal.add_many(sample_entries())
        journal.add(Entry(title="Explain a flaky integration test", tool="Claude",
                          tool_version="3.5 Sonnet", category="coding", outcome="partly",
                          minutes_without_ai=40, minutes_with_ai=25, iterations=3,
                          failure_modes=["lost_context"], what_broke="Blamed the wrong fixture.",
                          lesson="Paste the full log, not a summary.",
                          prompt="Here is the failing test and the CI log:\n<log>\nWhy flaky?",
                          tags=["tests", "ci"]))
    window = MainWindow(journal, AppSettings(folder / "settings.json"))
    window.journal_page.reload()
    return window


def build_main(folder: Path) -> QWidget:
    window = _window(folder)
    window.journal_page.table.selectRow(0)
    return window


def build_main_search(folder: Path) -> QWidget:
    window = _window(folder)
    bar = window.journal_page.filter_bar
    bar.search.setText("prompt")
    bar.outcome.setCurrentIndex(bar.outcome.findData("partly"))
    bar.emit_filter()
    window.journal_page.table.selectRow(0)
    return window


def build_prompts(folder: Path) -> QWidget:
    window = _window(folder)
    window.show_page(window.prompts)
    window.prompts.table.selectRow(0)
    return window


def build_empty(folder: Path) -> QWidget:
    return _window(folder, samples=False)


def build_quick_log(folder: Path) -> QWidget:
    journal, _ = Journal.create(folder / "journal")
    journal.add_many(sample_entries())
    quick = QuickLog(journal)
    quick.title.setText("Turn support tickets into an FAQ")
    quick.tool.setText("ChatGPT")
    quick.outcome.set_value("worked")
    quick.without_ai.setValue(50)
    quick.with_ai.setValue(15)
    quick.note.setText("Group tickets by product area first")
    return quick


def build_first_run(folder: Path) -> QWidget:
    return WelcomeDialog(folder / "journal")


def build_recovery_key(folder: Path) -> QWidget:
    _journal, recovery = Journal.create(folder / "journal")
    return RecoveryKeyDialog(recovery)


def build_unlock(folder: Path) -> QWidget:
    journal, _ = Journal.create(folder / "journal", passphrase=DEMO_PASSPHRASE)
    journal.close()
    dialog = UnlockDialog(folder / "journal")
    dialog.secret.setText("not my passphrase")
    dialog.unlock()  # shows the wrong-passphrase message
    return dialog


def build_security(folder: Path) -> QWidget:
    journal, _ = Journal.create(folder / "journal", passphrase=DEMO_PASSPHRASE)
    return SecurityDialog(journal)


def build_new_passphrase(folder: Path) -> QWidget:
    journal, _ = Journal.create(folder / "journal", passphrase=DEMO_PASSPHRASE)
    dialog = NewPassphraseDialog(
        "Choose a new passphrase", "You opened your journal with the recovery key. Choose a new "
        "passphrase for the next start; your recovery key keeps working.",
        journal.use_passphrase, cancel_label="&Not now")
    dialog.form.passphrase.setText("paper lantern quietly")
    dialog.form.confirm.setFocus()
    return dialog


def build_backups(folder: Path) -> QWidget:
    journal, _ = Journal.create(folder / "journal")
    journal.add_many(sample_entries()[:6])
    journal.backups.create("manual")
    journal.add_many(sample_entries())
    journal.backups.create("daily")
    return RestoreDialog(journal)


SHOTS: list[tuple[str, Builder, tuple[int, int]]] = [
    ("main-window", build_main, (1280, 800)),
    ("search-and-filters", build_main_search, (1280, 800)),
    ("prompts-that-worked", build_prompts, (1280, 800)),
    ("empty-state", build_empty, (1280, 800)),
    ("quick-log", build_quick_log, (520, 250)),
    ("first-run", build_first_run, (600, 420)),
    ("recovery-key", build_recovery_key, (600, 300)),
    ("unlock", build_unlock, (520, 220)),
    ("dashboard-light", build_dashboard_light, (1280, 1500)),
    ("dashboard-dark", build_dashboard_dark, (1280, 1500)),
    ("share-preview", build_share_preview, (1100, 720)),
    ("team", build_team, (1280, 1460)),
    ("security", build_security, (600, 300)),
    ("new-passphrase", build_new_passphrase, (540, 230)),
    ("backups", build_backups, (620, 0)),  # 0: the dialog's own height
    ("chat-drafts", build_chat_drafts, (1000, 560)),
    ("reminder", build_reminder, (460, 220)),
]


def offscreen_app() -> QApplication:
    """The QApplication the shots are taken in, with the in-memory keychain in place."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    keyring.set_keyring(_MemoryKeyring())
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication([])
    app.setApplicationName("Offscript")
    app.setWindowIcon(app_icon())
    return app


def capture(app: QApplication, builder: Callable[[Path], QWidget], size: tuple[int, int],
            target: Path, settle_turns: int = 5) -> Path:
    """Build a widget over a throwaway folder, show it at size (height 0: its own) and save it."""
    with tempfile.TemporaryDirectory() as tmp:
        widget = builder(Path(tmp))
        width, height = size
        widget.resize(width, height or widget.sizeHint().height())
        widget.show()
        for _ in range(settle_turns):
            app.processEvents()
        widget.grab().save(str(target))
        widget.close()
        widget.deleteLater()
        app.processEvents()
    return target


def render(out_dir: Path, only: list[str] | None = None) -> list[Path]:
    app = offscreen_app()
    out_dir.mkdir(parents=True, exist_ok=True)
    return [capture(app, builder, size, out_dir / f"{name}.png")
            for name, builder, size in SHOTS if not only or name in only]


if __name__ == "__main__":
    from tools.screenshot_matrix import render_matrix

    out = Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots")
    for path in render(out, sys.argv[2:] or None):
        print(path)
    if not sys.argv[2:]:  # the sizes x themes matrix (issue 14) with a full run
        for path in render_matrix(out):
            print(path)
