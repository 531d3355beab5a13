"""Choosing a new passphrase: typed twice, with a strength hint.

One widget for every place that sets a passphrase: first run, Security… and the step after
unlocking with the recovery key. NewPassphraseDialog wraps it and applies the passphrase through
a callback (usually Journal.use_passphrase), showing the journal's own error in place.
"""

from __future__ import annotations

import logging
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from journal import OffscriptError
from journal.passphrase_policy import MIN_PASSPHRASE, passphrase_problem
from ui.infra import theme
from ui.infra.resources import app_icon

log = logging.getLogger("offscript.ui")


def strength_hint(passphrase: str) -> tuple[str, bool]:
    """(hint, acceptable). Acceptable exactly when the journal accepts it (passphrase_policy);
    beyond that, a rough guide to strength."""
    problem = passphrase_problem(passphrase)
    if problem:
        return problem, False
    kinds = sum(any(test(c) for c in passphrase)
                for test in (str.islower, str.isupper, str.isdigit, lambda c: not c.isalnum()))
    words = len(passphrase.split())
    if len(passphrase) >= 20 or words >= 4 or (len(passphrase) >= 14 and kinds >= 3):
        return "Strong.", True
    if len(passphrase) >= 12 or kinds >= 3:
        return "Fair: a few more words make it much stronger.", True
    return "Weak: try four random words, like “lamp orbit fossil tide”.", True


class NewPassphraseForm(QWidget):
    """Passphrase, a live strength hint, and the confirmation. `problem()` says what's wrong."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None, *, label: str = "Pa&ssphrase") -> None:
        super().__init__(parent)
        self.passphrase = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.passphrase.setAccessibleName("Passphrase")
        self.confirm = QLineEdit(echoMode=QLineEdit.EchoMode.Password)
        self.confirm.setAccessibleName("Confirm passphrase")
        self.hint = QLabel()
        self.hint.setAccessibleName("Passphrase strength")
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(label, self.passphrase)
        form.addRow("", self.hint)
        form.addRow("Con&firm", self.confirm)
        self.passphrase.textChanged.connect(self._update_hint)
        self.confirm.textChanged.connect(self.edited)
        self._update_hint()

    def value(self) -> str:
        return self.passphrase.text()

    def problem(self) -> str:
        """Empty when the passphrase is acceptable and typed the same twice."""
        text, ok = strength_hint(self.value())
        if not ok:
            return text
        if self.value() != self.confirm.text():
            return "The two passphrases differ; type the same one twice."
        return ""

    def clear(self) -> None:
        self.passphrase.clear()
        self.confirm.clear()

    def _update_hint(self, *_: object) -> None:
        typed = self.passphrase.text()
        text, ok = strength_hint(typed)
        self.hint.setText(text if typed else
                          f"At least {MIN_PASSPHRASE} characters, not a common password; "
                          "several words work best.")
        theme.set_style(self.hint, f"color: {theme.net_color(0 if ok else -1).name()};"
                        if typed else "")
        self.edited.emit()


class NewPassphraseDialog(QDialog):
    """Asks for a new passphrase and hands it to `apply`; accepted once `apply` succeeded.

    `apply` may raise OffscriptError: the message shows in the dialog and the user can retry.
    """

    def __init__(self, heading: str, text: str, apply: Callable[[str], None], *,
                 ok_label: str = "&Set passphrase", cancel_label: str = "Cancel",
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.apply = apply
        self.setWindowTitle("New passphrase — Offscript")
        self.setWindowIcon(app_icon())
        intro = QLabel(f"<h3>{heading}</h3>{text}", wordWrap=True)
        intro.setTextFormat(Qt.TextFormat.RichText)
        self.form = NewPassphraseForm(label="New &passphrase")
        self.error = QLabel(wordWrap=True)
        self.error.setAccessibleName("Problem")
        self.ok_button = QPushButton(ok_label)
        self.ok_button.setDefault(True)
        self.cancel_button = QPushButton(cancel_label)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.cancel_button)
        buttons.addWidget(self.ok_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addSpacing(6)
        layout.addWidget(self.form)
        layout.addWidget(self.error)
        layout.addStretch(1)
        layout.addLayout(buttons)
        self.setMinimumWidth(520)
        self.form.edited.connect(self.error.clear)
        self.ok_button.clicked.connect(self.submit)
        self.cancel_button.clicked.connect(self.reject)
        self.form.passphrase.setFocus()

    def submit(self) -> bool:
        problem = self.form.problem()
        if problem:
            return self._fail(problem)
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            self.apply(self.form.value())
        except OffscriptError as exc:
            log.warning("new passphrase not set: %s", exc)
            return self._fail(str(exc))
        finally:
            QApplication.restoreOverrideCursor()
        self.form.clear()  # don't keep the secret in a widget longer than needed
        self.accept()
        return True

    def _fail(self, message: str) -> bool:
        self.error.setText(message)
        self.error.setStyleSheet(f"color: {theme.error_color()}; font-weight: 600;")
        return False
