"""Unlock a journal: passphrase (passphrase mode) or the recovery key (any mode)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from journal import Journal, LockedError, OffscriptError
from ui.infra import theme
from ui.infra.resources import app_icon


class UnlockDialog(QDialog):
    """On accept, `journal` is open. A wrong secret shows a message and allows retry."""

    def __init__(self, folder: Path, *, recovery: bool = False, reason: str = "",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.folder = folder
        self.journal: Journal | None = None
        self.setWindowTitle("Unlock Offscript")
        self.setWindowIcon(app_icon())
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.reason = QLabel(reason, wordWrap=True, visible=bool(reason))
        self.secret = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.secret_label = QLabel()
        self.secret_label.setBuddy(self.secret)
        self.error = QLabel(wordWrap=True)
        self.error.setAccessibleName("Problem")
        self.switch_button = QPushButton()
        self.unlock_button = QPushButton("&Unlock")
        self.unlock_button.setDefault(True)
        quit_button = QPushButton("&Quit")
        form = QFormLayout()
        form.addRow(self.secret_label, self.secret)
        buttons = QHBoxLayout()
        buttons.addWidget(self.switch_button)
        buttons.addStretch(1)
        buttons.addWidget(quit_button)
        buttons.addWidget(self.unlock_button)
        where = QLabel(f"Journal folder: {folder}", wordWrap=True)
        where.setEnabled(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.reason)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(where)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.setMinimumWidth(480)
        self.unlock_button.clicked.connect(self.unlock)
        self.switch_button.clicked.connect(lambda: self.set_recovery(not self.recovery))
        quit_button.clicked.connect(self.reject)
        self.set_recovery(recovery)

    def set_recovery(self, recovery: bool) -> None:
        self.recovery = recovery
        self.secret.clear()
        self.error.clear()
        if recovery:
            self.heading.setText("<h3>Use your recovery key</h3>Type the key you stored when "
                                 "you created the journal (dashes and case don't matter).")
            self.secret_label.setText("&Recovery key")
            self.secret.setEchoMode(QLineEdit.EchoMode.Normal)
            self.secret.setPlaceholderText("XXXXX-XXXXX-XXXXX-…")
            self.switch_button.setText("Use &passphrase")
        else:
            self.heading.setText("<h3>Your journal is locked</h3>Enter your passphrase.")
            self.secret_label.setText("&Passphrase")
            self.secret.setEchoMode(QLineEdit.EchoMode.Password)
            self.secret.setPlaceholderText("")
            self.switch_button.setText("Use &recovery key…")
        self.secret.setAccessibleName(self.secret_label.text().replace("&", ""))
        self.switch_button.setVisible(recovery is False or self._has_passphrase())
        self.secret.setFocus()

    def _has_passphrase(self) -> bool:
        try:  # reads vault.json only: no secret involved
            return Journal.folder_state(self.folder).needs_passphrase()
        except OffscriptError:
            return False

    def unlock(self) -> bool:
        secret = self.secret.text()
        if not secret.strip():
            return self._fail("Type it first.")
        try:
            if self.recovery:
                journal = Journal.open(self.folder, recovery_key=secret)
                if journal.mode == "keychain" and Journal.keychain_status()[0]:
                    journal.use_keychain()  # put the lost keychain item back
            else:
                journal = Journal.open(self.folder, passphrase=secret)
        except LockedError as exc:
            self.secret.selectAll()
            return self._fail(str(exc))
        except OffscriptError as exc:
            return self._fail(str(exc))
        self.journal = journal
        self.accept()
        return True

    def _fail(self, message: str) -> bool:
        self.error.setText(message)
        self.error.setStyleSheet(f"color: {theme.error_color()}; font-weight: 600;")
        return False
