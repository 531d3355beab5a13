"""First run: a short welcome that creates the journal (keychain or passphrase)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from journal import Journal, OffscriptError, no_keychain_message
from ui.access.passphrase_form import NewPassphraseForm, strength_hint
from ui.infra import theme
from ui.infra.resources import app_icon

__all__ = ["WelcomeDialog", "strength_hint"]


class WelcomeDialog(QDialog):
    """Creates the journal on accept; `journal` and `recovery_key` are set then."""

    def __init__(self, folder: Path, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.folder = folder
        self.journal: Journal | None = None
        self.recovery_key = ""
        self.setWindowTitle("Welcome to Offscript")
        self.setWindowIcon(app_icon())
        usable, backend = Journal.keychain_status()
        intro = QLabel(
            "<h2>Welcome to Offscript</h2><p>A private journal of your own AI experiments: "
            "what you tried, whether it worked, the time it saved or cost, and the prompt. "
            "Your journal is encrypted on this computer.</p><p>How should Offscript keep the "
            "key to your journal?</p>", wordWrap=True)
        self.use_keychain = QRadioButton("In the system &keychain (recommended — nothing to type)")
        self.use_passphrase = QRadioButton("With a &passphrase I type when Offscript starts")
        group = QButtonGroup(self)
        group.addButton(self.use_keychain)
        group.addButton(self.use_passphrase)
        self.no_keychain = QLabel(
            f"{no_keychain_message(backend)}, so a passphrase is required: Offscript never "
            "keeps your key where other programs could read it.",
            wordWrap=True, visible=not usable)
        self.use_keychain.setEnabled(usable)
        (self.use_keychain if usable else self.use_passphrase).setChecked(True)
        self.form_box = NewPassphraseForm()
        self.form_box.layout().setContentsMargins(24, 0, 0, 0)
        self.passphrase, self.confirm, self.hint = (
            self.form_box.passphrase, self.form_box.confirm, self.form_box.hint)
        self.error = QLabel(wordWrap=True)
        self.error.setAccessibleName("Problem")
        self._build_layout(intro)
        self.use_passphrase.toggled.connect(self._mode_changed)
        self.form_box.edited.connect(self.error.clear)
        self.create_button.clicked.connect(self.create)
        self._quit_button.clicked.connect(self.reject)
        self._mode_changed()

    def _build_layout(self, intro: QLabel) -> None:
        where = QLabel(f"Journal folder: {self.folder}", wordWrap=True)
        where.setEnabled(False)
        self.create_button = QPushButton("&Create my journal")
        self.create_button.setDefault(True)
        quit_button = QPushButton("&Quit")
        buttons = QHBoxLayout()
        buttons.addWidget(where, 1)
        buttons.addWidget(quit_button)
        buttons.addWidget(self.create_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.use_keychain)
        layout.addWidget(self.use_passphrase)
        layout.addWidget(self.no_keychain)
        layout.addWidget(self.form_box)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.setMinimumWidth(560)
        self._quit_button = quit_button

    def _mode_changed(self, *_: object) -> None:
        self.form_box.setVisible(self.use_passphrase.isChecked())
        self.error.clear()

    def create(self) -> bool:
        passphrase: str | None = None
        if self.use_passphrase.isChecked():
            passphrase = self.form_box.value()
            problem = self.form_box.problem()
            if problem:
                return self._fail(problem)
        try:
            self.journal, self.recovery_key = Journal.create(self.folder, passphrase=passphrase)
        except OffscriptError as exc:
            return self._fail(str(exc))
        self.accept()
        return True

    def _fail(self, message: str) -> bool:
        self.error.setText(message)
        self.error.setStyleSheet(f"color: {theme.error_color()};")
        return False
