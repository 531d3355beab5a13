"""First run in both key modes, unlock, wrong passphrase, recovery, unopenable journals."""

from __future__ import annotations

from pathlib import Path

import keyring
import pytest
from keyring.backends import fail
from support import PASSPHRASE

from journal import Journal
from ui.access import startup
from ui.access.first_run import WelcomeDialog, strength_hint
from ui.access.recovery_dialog import RecoveryKeyDialog
from ui.access.unlock import UnlockDialog


def test_first_run_keychain(qtbot, tmp_path: Path) -> None:
    dialog = WelcomeDialog(tmp_path / "j")
    qtbot.addWidget(dialog)
    assert dialog.use_keychain.isChecked() and not dialog.form_box.isVisibleTo(dialog)
    assert dialog.create()
    assert dialog.journal is not None and dialog.journal.mode == "keychain"
    assert len(dialog.recovery_key.split("-")) == 8
    dialog.journal.close()


def test_first_run_passphrase_required_without_keychain(qtbot, tmp_path: Path) -> None:
    keyring.set_keyring(fail.Keyring())
    dialog = WelcomeDialog(tmp_path / "j")
    qtbot.addWidget(dialog)
    assert not dialog.use_keychain.isEnabled() and dialog.use_passphrase.isChecked()
    assert dialog.no_keychain.isVisibleTo(dialog)
    dialog.passphrase.setText("short")
    assert "Too short" in dialog.hint.text()
    assert not dialog.create() and not Journal.exists(tmp_path / "j")
    dialog.passphrase.setText(PASSPHRASE)
    dialog.confirm.setText(PASSPHRASE + "x")
    assert not dialog.create() and "differ" in dialog.error.text()
    dialog.confirm.setText(PASSPHRASE)
    assert dialog.create() and dialog.journal.mode == "passphrase"
    dialog.journal.close()


def test_strength_hint() -> None:
    assert strength_hint("lamp orbit fossil tide")[0] == "Strong."
    assert strength_hint("abcdefgh")[1] and "Weak" in strength_hint("abcdefgh")[0]


def test_recovery_dialog_needs_confirmation(qtbot, tmp_path: Path) -> None:
    dialog = RecoveryKeyDialog("AAAAA-BBBBB")
    qtbot.addWidget(dialog)
    dialog.show()
    assert not dialog.continue_button.isEnabled()
    dialog.reject()
    assert dialog.isVisible()  # cannot be dismissed before confirming
    saved = dialog.save_to_file(tmp_path / "key.txt")
    assert saved and "AAAAA-BBBBB" in saved.read_text()
    dialog.copy()
    dialog.stored.setChecked(True)
    assert dialog.continue_button.isEnabled()


@pytest.fixture
def locked_dir(tmp_path: Path) -> tuple[Path, str]:
    folder = tmp_path / "locked"
    journal, recovery = Journal.create(folder, passphrase=PASSPHRASE)
    journal.add({"title": "t", "tool": "x", "outcome": "worked", "minutes_without_ai": 1,
                 "minutes_with_ai": 1})
    journal.close()
    return folder, recovery


def test_wrong_passphrase_then_retry(qtbot, locked_dir: tuple[Path, str]) -> None:
    folder, _ = locked_dir
    before = (folder / "journal.db").read_bytes()
    dialog = UnlockDialog(folder)
    qtbot.addWidget(dialog)
    dialog.secret.setText("wrong passphrase")
    assert not dialog.unlock()
    assert "Wrong passphrase" in dialog.error.text()
    assert (folder / "journal.db").read_bytes() == before  # nothing modified
    dialog.secret.setText(PASSPHRASE)
    assert dialog.unlock() and dialog.journal.count() == 1
    dialog.journal.close()


def test_unlock_with_recovery_key(qtbot, locked_dir: tuple[Path, str]) -> None:
    folder, recovery = locked_dir
    dialog = UnlockDialog(folder)
    qtbot.addWidget(dialog)
    dialog.switch_button.click()
    assert dialog.recovery and "Recovery" in dialog.secret_label.text()
    dialog.secret.setText(recovery.lower())
    assert dialog.unlock()
    dialog.journal.close()


def test_open_journal_first_run_flow(monkeypatch, tmp_path: Path) -> None:
    def drive(dialog):
        if isinstance(dialog, WelcomeDialog):
            return dialog.create()
        dialog.stored.setChecked(True)
        return True

    monkeypatch.setattr(startup, "run_dialog", drive)
    journal = startup.open_journal(tmp_path / "new")
    assert journal is not None and Journal.exists(tmp_path / "new")
    journal.close()
    reopened = startup.open_journal(tmp_path / "new")  # keychain mode: no dialog at all
    assert reopened is not None
    reopened.close()


def test_missing_keychain_item_offers_recovery(monkeypatch, journal: Journal,
                                               journal_dir: Path) -> None:
    journal.close()
    keyring.get_keyring().items.clear()  # the keychain lost the key
    asked: list[list[str]] = []
    monkeypatch.setattr(startup.alerts, "ask",
                        lambda parent, title, text, choices, default=0:
                        asked.append(choices) or len(choices) - 1)  # Quit
    assert startup.open_journal(journal_dir) is None
    assert "Use recovery key…" in asked[0]


def test_vault_missing_never_creates_new_journal(monkeypatch, journal: Journal,
                                                 journal_dir: Path) -> None:
    journal.close()
    (journal_dir / "vault.json").unlink()
    monkeypatch.setattr(startup.alerts, "ask", lambda *a, **k: -1)
    monkeypatch.setattr(startup, "run_dialog", lambda d: pytest.fail("no welcome here"))
    assert startup.open_journal(journal_dir) is None
    assert not (journal_dir / "vault.json").exists()


def test_corrupt_journal_explains(monkeypatch, journal: Journal, journal_dir: Path) -> None:
    journal.close()
    (journal_dir / "journal.db").write_bytes(b"not a database" * 100)
    texts: list[str] = []
    monkeypatch.setattr(startup.alerts, "ask",
                        lambda parent, title, text, choices, default=0: texts.append(text) or -1)
    assert startup.open_journal(journal_dir) is None
    assert "could not" in texts[0].lower()
