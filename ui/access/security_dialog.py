"""Security…: how the journal's key is kept, and the ways to change it.

Change the passphrase, move the key between the system keychain and a passphrase, or issue a
new recovery key. Everything goes through the Journal API (use_passphrase, use_keychain,
new_recovery_key); only vault.json changes, never the encrypted data.
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from journal import Journal, OffscriptError, no_keychain_message
from ui.access.passphrase_form import NewPassphraseDialog
from ui.access.recovery_dialog import RecoveryKeyDialog
from ui.infra import alerts
from ui.infra.modal import run_modal
from ui.infra.resources import app_icon

log = logging.getLogger("offscript.ui")


def run_dialog(dialog: QDialog) -> bool:
    """One seam for tests to drive the modal dialogs opened from here."""
    return bool(run_modal(dialog))


def describe(mode: str, usable: bool, backend: str) -> str:
    """What the user should know about how the key is kept right now (rich text)."""
    if mode == "keychain":
        text = ("<b>In the system keychain.</b> Offscript opens your journal without asking; "
                "anyone who can log in as you can open it too.")
        if not usable:
            text += (f"<br><br>{no_keychain_message(backend)} now: choose a passphrase so "
                     "you can open the journal next time.")
        return text
    text = ("<b>Protected by a passphrase.</b> Offscript asks for it at each start; the "
            "passphrase itself is never stored.")
    if not usable:
        text += f"<br><br>{no_keychain_message(backend)}."
    return text


class SecurityDialog(QDialog):
    changed = Signal(str)  # a one-line summary of what changed, for the status bar

    def __init__(self, journal: Journal, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.journal = journal
        self.setWindowTitle("Security — Offscript")
        self.setWindowIcon(app_icon())
        self.status = QLabel(wordWrap=True)
        self.status.setTextFormat(Qt.TextFormat.RichText)
        self.status.setAccessibleName("How the key is kept")
        self.passphrase_button = QPushButton()
        self.keychain_button = QPushButton("Keep the key in the system &keychain")
        key_box = QGroupBox("How your journal's key is kept")
        key_row = QHBoxLayout()
        key_row.addWidget(self.passphrase_button)
        key_row.addWidget(self.keychain_button)
        key_row.addStretch(1)
        key_layout = QVBoxLayout(key_box)
        key_layout.addWidget(self.status)
        key_layout.addLayout(key_row)

        recovery_box = QGroupBox("Recovery key")
        recovery_text = QLabel(
            "The recovery key opens your journal if the passphrase or the keychain item is "
            "lost. Issue a new one if the old one may have been seen or lost: the old one stops "
            "working at once.", wordWrap=True)
        self.recovery_button = QPushButton("New &recovery key…")
        recovery_row = QHBoxLayout()
        recovery_row.addWidget(self.recovery_button)
        recovery_row.addStretch(1)
        recovery_layout = QVBoxLayout(recovery_box)
        recovery_layout.addWidget(recovery_text)
        recovery_layout.addLayout(recovery_row)

        where = QLabel(f"Journal folder: {journal.folder}", wordWrap=True)
        where.setEnabled(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(key_box)
        layout.addWidget(recovery_box)
        layout.addWidget(where)
        layout.addStretch(1)
        layout.addWidget(buttons)
        self.setMinimumWidth(560)
        self.passphrase_button.clicked.connect(self.change_passphrase)
        self.keychain_button.clicked.connect(self.use_keychain)
        self.recovery_button.clicked.connect(self.new_recovery_key)
        self.refresh()

    def refresh(self) -> None:
        try:  # another window or `offscript passphrase` may have changed it meanwhile
            self.journal.reload_vault()
        except OffscriptError as exc:
            log.warning("could not re-read the key file: %s", exc)
        usable, backend = Journal.keychain_status()
        mode = self.journal.mode
        self.status.setText(describe(mode, usable, backend))
        self.passphrase_button.setText("Change &passphrase…" if mode == "passphrase"
                                       else "Use a &passphrase instead…")
        self.keychain_button.setVisible(mode == "passphrase")
        self.keychain_button.setEnabled(usable)
        self.keychain_button.setToolTip("" if usable else
                                        f"{no_keychain_message(backend)}.")

    # -- actions -------------------------------------------------------------------------------
    def change_passphrase(self) -> bool:
        if self.journal.mode == "passphrase":
            heading = "Change your passphrase"
            text = ("Your journal stays as it is; only the way in changes. The old passphrase "
                    "stops working, and your recovery key keeps working.")
        else:
            heading = "Use a passphrase instead of the keychain"
            text = ("Offscript will ask for this passphrase at each start, and the key is "
                    "removed from the system keychain. Your recovery key keeps working.")
        dialog = NewPassphraseDialog(heading, text, self.journal.use_passphrase, parent=self)
        if not run_dialog(dialog):
            return False
        log.info("journal key now wrapped by a new passphrase")
        self._done("Passphrase set. Offscript asks for it at the next start.")
        return True

    def use_keychain(self) -> bool:
        usable, backend = Journal.keychain_status()
        if not usable:
            alerts.warn(self, "No keychain", f"{no_keychain_message(backend)}.")
            return False
        text = ("Keep the journal's key in the system keychain? Offscript will open without "
                "asking for a passphrase, and your passphrase stops working. Your recovery key "
                "keeps working.")
        if alerts.ask(self, "Use the system keychain", text,
                      ["Use the keychain", "Cancel"], default=1) != 0:
            return False
        try:
            self.journal.use_keychain()
        except OffscriptError as exc:
            alerts.error(self, "Key not moved", str(exc), "Your passphrase still works.")
            self.refresh()
            return False
        self._done("The key is now in the system keychain.")
        return True

    def new_recovery_key(self) -> bool:
        text = ("Issue a new recovery key? The next window shows it; the old one stops working "
                "once you confirm there that you stored the new one.")
        if alerts.ask(self, "New recovery key", text, ["New recovery key", "Cancel"],
                      default=1) != 0:
            return False
        def show(key: str) -> None:  # the new key counts only once the user confirmed it
            if not run_dialog(RecoveryKeyDialog(key, self, replaced=True)):
                raise OffscriptError("The new recovery key was not confirmed.")

        try:
            self.journal.new_recovery_key(show)
        except OffscriptError as exc:
            alerts.error(self, "No new recovery key", str(exc), "Your old recovery key still works.")
            return False
        self._done("New recovery key issued; the old one no longer works.")
        return True

    def _done(self, message: str) -> None:
        log.info("security: %s", message)
        self.refresh()
        self.changed.emit(message)
