"""Key management: Security… (change passphrase, keychain ⇄ passphrase, new recovery key) and
the new passphrase asked for after unlocking with the recovery key. In-memory and fail keyrings."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import keyring
import pytest
from keyring.backends import fail
from support import PASSPHRASE
from support.memory_keyring import BrokenKeyring

from journal import Journal, LockedError
from ui.access import security_dialog, startup
from ui.access.passphrase_form import NewPassphraseDialog
from ui.access.recovery_dialog import RecoveryKeyDialog
from ui.access.security_dialog import SecurityDialog
from ui.access.unlock import UnlockDialog

NEW = "lamp orbit fossil tide"


def fill(dialog: NewPassphraseDialog, text: str, confirm: str | None = None) -> bool:
    dialog.form.passphrase.setText(text)
    dialog.form.confirm.setText(text if confirm is None else confirm)
    return dialog.submit()


class Driver:
    """Stands in for run_dialog: types `passphrase` into new-passphrase dialogs and confirms
    recovery keys; records every dialog it was given."""

    def __init__(self, passphrase: str | None = NEW) -> None:
        self.passphrase = passphrase
        self.dialogs: list[Any] = []

    def __call__(self, dialog: Any) -> bool:
        self.dialogs.append(dialog)
        if isinstance(dialog, NewPassphraseDialog):
            return self.passphrase is not None and fill(dialog, self.passphrase)
        if isinstance(dialog, RecoveryKeyDialog):
            dialog.stored.setChecked(True)
            return True
        raise AssertionError(f"unexpected dialog {dialog!r}")


@pytest.fixture
def driver(monkeypatch: pytest.MonkeyPatch) -> Driver:
    drive = Driver()
    monkeypatch.setattr(security_dialog, "run_dialog", drive)
    return drive


@pytest.fixture
def passphrase_journal(tmp_path: Path) -> tuple[Journal, str]:
    journal, recovery = Journal.create(tmp_path / "pj", passphrase=PASSPHRASE)
    yield journal, recovery
    journal.close()


def reopens(folder: Path, **secret: str) -> bool:
    try:
        Journal.open(folder, **secret).close()
    except LockedError:
        return False
    return True


# -- the new-passphrase dialog ------------------------------------------------------------------
def test_new_passphrase_dialog_checks_strength_and_confirmation(qtbot) -> None:
    applied: list[str] = []
    dialog = NewPassphraseDialog("Choose", "text", applied.append)
    qtbot.addWidget(dialog)
    assert not fill(dialog, "short") and "Too short" in dialog.error.text()
    assert "Too short" in dialog.form.hint.text()
    assert not fill(dialog, NEW, NEW + "x") and "differ" in dialog.error.text()
    dialog.form.confirm.setText(NEW)
    assert dialog.error.text() == ""  # typing clears the message
    assert dialog.form.hint.text() == "Strong."
    assert dialog.submit() and applied == [NEW]
    assert dialog.form.passphrase.text() == ""  # the secret doesn't linger in the widget


def test_new_passphrase_dialog_shows_journal_error_and_stays_open(qtbot) -> None:
    def refuse(_p: str) -> None:
        raise LockedError("The system keychain refused.")

    dialog = NewPassphraseDialog("Choose", "text", refuse)
    qtbot.addWidget(dialog)
    assert not fill(dialog, NEW) and "refused" in dialog.error.text()
    assert dialog.result() == 0


# -- Security… ----------------------------------------------------------------------------------
def test_keychain_mode_to_passphrase(journal: Journal, qtbot, driver: Driver) -> None:
    dialog = SecurityDialog(journal)
    qtbot.addWidget(dialog)
    assert "In the system keychain" in dialog.status.text()
    assert not dialog.keychain_button.isVisibleTo(dialog)
    assert dialog.passphrase_button.text() == "Use a &passphrase instead…"
    with qtbot.waitSignal(dialog.changed) as changed:
        dialog.passphrase_button.click()
    assert "Passphrase set" in changed.args[0]
    assert journal.mode == "passphrase"
    assert keyring.get_keyring().items == {}  # the keychain item is gone
    assert "Protected by a passphrase" in dialog.status.text()
    assert dialog.passphrase_button.text() == "Change &passphrase…"
    assert reopens(journal.folder, passphrase=NEW)


def test_change_passphrase(passphrase_journal: tuple[Journal, str], qtbot,
                           driver: Driver) -> None:
    journal, recovery = passphrase_journal
    dialog = SecurityDialog(journal)
    qtbot.addWidget(dialog)
    assert dialog.keychain_button.isVisibleTo(dialog) and dialog.keychain_button.isEnabled()
    assert dialog.change_passphrase()
    assert isinstance(driver.dialogs[0], NewPassphraseDialog)
    assert reopens(journal.folder, passphrase=NEW)
    assert not reopens(journal.folder, passphrase=PASSPHRASE)
    assert reopens(journal.folder, recovery_key=recovery)  # the recovery key still works


def test_change_passphrase_cancelled_changes_nothing(passphrase_journal: tuple[Journal, str],
                                                     qtbot, driver: Driver) -> None:
    journal, _ = passphrase_journal
    driver.passphrase = None
    before = (journal.folder / "vault.json").read_bytes()
    dialog = SecurityDialog(journal)
    qtbot.addWidget(dialog)
    assert not dialog.change_passphrase()
    assert (journal.folder / "vault.json").read_bytes() == before


def test_passphrase_to_keychain(passphrase_journal: tuple[Journal, str], qtbot, alert_log,
                                driver: Driver) -> None:
    journal, _ = passphrase_journal
    dialog = SecurityDialog(journal)
    qtbot.addWidget(dialog)
    alert_log.answers = [1]  # Cancel
    assert not dialog.use_keychain() and journal.mode == "passphrase"
    alert_log.answers = [0]
    dialog.keychain_button.click()
    assert journal.mode == "keychain"
    assert reopens(journal.folder)  # no secret needed
    assert not dialog.keychain_button.isVisibleTo(dialog)


def test_keychain_refusing_keeps_the_passphrase(passphrase_journal: tuple[Journal, str], qtbot,
                                                alert_log, driver: Driver) -> None:
    journal, _ = passphrase_journal
    keyring.set_keyring(BrokenKeyring())
    dialog = SecurityDialog(journal)
    qtbot.addWidget(dialog)
    assert not dialog.use_keychain()
    assert alert_log.shown[-1][1] == "Key not moved"
    assert journal.mode == "passphrase" and reopens(journal.folder, passphrase=PASSPHRASE)


def test_without_keychain_only_passphrase(passphrase_journal: tuple[Journal, str], qtbot,
                                          alert_log, driver: Driver) -> None:
    journal, _ = passphrase_journal
    keyring.set_keyring(fail.Keyring())
    dialog = SecurityDialog(journal)
    qtbot.addWidget(dialog)
    assert dialog.keychain_button.isVisibleTo(dialog)
    assert not dialog.keychain_button.isEnabled()
    assert "No secure system keychain found" in dialog.keychain_button.toolTip()
    assert "No secure system keychain found" in dialog.status.text()
    assert not dialog.use_keychain() and alert_log.shown[-1][1] == "No keychain"
    assert dialog.change_passphrase() and reopens(journal.folder, passphrase=NEW)


def test_keychain_gone_moves_to_passphrase(journal: Journal, qtbot, driver: Driver) -> None:
    keyring.set_keyring(fail.Keyring())
    dialog = SecurityDialog(journal)
    qtbot.addWidget(dialog)
    assert "No secure system keychain found" in dialog.status.text()
    assert dialog.change_passphrase()
    assert journal.mode == "passphrase" and reopens(journal.folder, passphrase=NEW)


def test_new_recovery_key(passphrase_journal: tuple[Journal, str], qtbot, alert_log,
                          driver: Driver) -> None:
    journal, old = passphrase_journal
    dialog = SecurityDialog(journal)
    qtbot.addWidget(dialog)
    alert_log.answers = [1]  # Cancel
    assert not dialog.new_recovery_key() and reopens(journal.folder, recovery_key=old)
    alert_log.answers = [0]
    dialog.recovery_button.click()
    shown = driver.dialogs[-1]
    assert isinstance(shown, RecoveryKeyDialog)
    assert "new recovery key" in shown.findChildren(type(dialog.status))[0].text()
    assert shown.recovery_key != old
    assert reopens(journal.folder, recovery_key=shown.recovery_key)
    assert not reopens(journal.folder, recovery_key=old)


# -- after unlocking with the recovery key ------------------------------------------------------
@pytest.fixture
def locked(passphrase_journal: tuple[Journal, str]) -> tuple[Path, str]:
    journal, recovery = passphrase_journal
    journal.close()
    return journal.folder, recovery


def _startup_driver(recovery: str, passphrase: str | None, seen: list[Any], qtbot: Any):
    def drive(dialog: Any) -> bool:
        qtbot.addWidget(dialog)  # closed and freed at the end of the test
        seen.append(dialog)
        if isinstance(dialog, UnlockDialog):
            if not dialog.recovery:
                dialog.switch_button.click()  # "Use recovery key…"
            dialog.secret.setText(recovery)
            return dialog.unlock()
        if isinstance(dialog, NewPassphraseDialog):
            return passphrase is not None and fill(dialog, passphrase)
        raise AssertionError(dialog)
    return drive


def test_recovery_unlock_asks_for_new_passphrase(locked: tuple[Path, str], qtbot,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    folder, recovery = locked
    seen: list[Any] = []
    monkeypatch.setattr(startup, "run_dialog", _startup_driver(recovery, NEW, seen, qtbot))
    journal = startup.open_journal(folder)
    assert journal is not None
    journal.close()
    assert [type(d) for d in seen] == [UnlockDialog, NewPassphraseDialog]
    assert "&Not now" in seen[1].cancel_button.text()
    assert reopens(folder, passphrase=NEW) and not reopens(folder, passphrase=PASSPHRASE)


def test_recovery_unlock_not_now_keeps_old_passphrase(locked: tuple[Path, str], qtbot,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    folder, recovery = locked
    seen: list[Any] = []
    monkeypatch.setattr(startup, "run_dialog", _startup_driver(recovery, None, seen, qtbot))
    journal = startup.open_journal(folder)
    assert journal is not None and journal.count() == 0
    journal.close()
    assert reopens(folder, passphrase=PASSPHRASE)


def test_passphrase_unlock_asks_nothing_more(locked: tuple[Path, str], qtbot,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    folder, _ = locked
    seen: list[Any] = []

    def drive(dialog: Any) -> bool:
        qtbot.addWidget(dialog)
        seen.append(dialog)
        dialog.secret.setText(PASSPHRASE)
        return dialog.unlock()

    monkeypatch.setattr(startup, "run_dialog", drive)
    journal = startup.open_journal(folder)
    assert journal is not None
    journal.close()
    assert len(seen) == 1


def test_keychain_journal_without_keychain_gets_a_passphrase(
        journal: Journal, monkeypatch: pytest.MonkeyPatch, qtbot) -> None:
    folder = journal.folder
    recovery = journal.new_recovery_key()
    journal.close()
    keyring.set_keyring(fail.Keyring())
    monkeypatch.setattr(startup.alerts, "ask",
                        lambda parent, title, text, choices, default=0:
                        choices.index("Use recovery key…"))
    seen: list[Any] = []
    monkeypatch.setattr(startup, "run_dialog", _startup_driver(recovery, NEW, seen, qtbot))
    opened = startup.open_journal(folder)
    assert opened is not None and opened.mode == "passphrase"
    opened.close()
    assert "No secure system keychain found" in seen[1].findChildren(type(seen[0].heading))[0].text()
    assert reopens(folder, passphrase=NEW)


def test_recovery_in_keychain_mode_with_keychain_asks_nothing(
        journal: Journal, monkeypatch: pytest.MonkeyPatch, qtbot) -> None:
    recovery = journal.new_recovery_key()
    journal.close()
    keyring.get_keyring().items.clear()  # the keychain lost the item; it will be put back
    monkeypatch.setattr(startup.alerts, "ask",
                        lambda parent, title, text, choices, default=0:
                        choices.index("Use recovery key…"))
    seen: list[Any] = []
    monkeypatch.setattr(startup, "run_dialog", _startup_driver(recovery, NEW, seen, qtbot))
    opened = startup.open_journal(journal.folder)
    assert opened is not None and opened.mode == "keychain"
    opened.close()
    assert [type(d) for d in seen] == [UnlockDialog]
    assert reopens(journal.folder)


@pytest.mark.parametrize("backend", ["fail", "plaintext"])
def test_dialogs_name_no_keyring_class(qtbot, tmp_path: Path, backend: str) -> None:
    """First run and Security say "no system keychain found" in words, not
    keyring.backends.fail.Keyring or keyrings.alt.file.PlaintextKeyring."""
    from ui.access.first_run import WelcomeDialog

    if backend == "fail":
        keyring.set_keyring(fail.Keyring())
    else:
        plaintext = pytest.importorskip("keyrings.alt.file")
        keyring.set_keyring(plaintext.PlaintextKeyring())
    welcome = WelcomeDialog(tmp_path / "j")
    qtbot.addWidget(welcome)
    journal, _ = Journal.create(tmp_path / "p", passphrase=PASSPHRASE)
    security = SecurityDialog(journal)
    qtbot.addWidget(security)
    texts = [welcome.no_keychain.text(), security.status.text(), security.keychain_button.toolTip()]
    assert "No secure system keychain found" in welcome.no_keychain.text()
    for text in texts:
        assert "keyring.backends" not in text and "keyrings." not in text and "Keyring" not in text
    journal.close()
