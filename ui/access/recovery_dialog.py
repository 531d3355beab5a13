"""Shows a new recovery key once: copy it, save it to a file, confirm it is stored."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontDatabase, QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ui.infra import alerts
from ui.infra.resources import app_icon


class RecoveryKeyDialog(QDialog):
    def __init__(self, recovery_key: str, parent: QWidget | None = None, *,
                 replaced: bool = False) -> None:
        super().__init__(parent)
        self.recovery_key = recovery_key
        self.setWindowTitle("Your recovery key — Offscript")
        self.setWindowIcon(app_icon())
        heading = "Store your new recovery key" if replaced else "Store your recovery key"
        old = " Your previous recovery key stops working when you continue." if replaced else ""
        intro = QLabel(
            f"<h3>{heading}</h3><p>If you forget your passphrase or lose the "
            "keychain, this key is the <b>only</b> way back into your journal. Nobody — not "
            f"even us — can recover it for you. Keep it in a password manager or print it.{old}</p>",
            wordWrap=True)
        self.key_label = QLabel(recovery_key)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setPointSize(font.pointSize() + 3)
        self.key_label.setFont(font)
        self.key_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.key_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.key_label.setAccessibleName("Recovery key")
        self.key_label.setStyleSheet("padding: 12px; border: 1px solid palette(mid);")
        self.copy_button = QPushButton("&Copy")
        self.save_button = QPushButton("Save to &file…")
        self.stored = QCheckBox("I have stored my recovery key somewhere safe")
        self.continue_button = QPushButton("C&ontinue")
        self.continue_button.setEnabled(False)
        self.continue_button.setDefault(True)
        row = QHBoxLayout()
        row.addWidget(self.copy_button)
        row.addWidget(self.save_button)
        row.addStretch(1)
        bottom = QHBoxLayout()
        bottom.addWidget(self.stored, 1)
        bottom.addWidget(self.continue_button)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.key_label)
        layout.addLayout(row)
        layout.addSpacing(8)
        layout.addLayout(bottom)
        self.setMinimumWidth(560)
        self.copy_button.clicked.connect(self.copy)
        self.save_button.clicked.connect(self.save_to_file)
        self.stored.toggled.connect(self.continue_button.setEnabled)
        self.continue_button.clicked.connect(self.accept)

    def copy(self) -> None:
        QGuiApplication.clipboard().setText(self.recovery_key)
        self.copy_button.setText("Copied ✓")

    def save_to_file(self, path: Path | None = None) -> Path | None:
        if path is None:
            chosen, _ = QFileDialog.getSaveFileName(
                self, "Save recovery key", str(Path.home() / "offscript-recovery-key.txt"),
                "Text files (*.txt)")
            if not chosen:
                return None
            path = Path(chosen)
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write("Offscript recovery key\n\n" + self.recovery_key + "\n")
        except OSError as exc:
            alerts.error(self, "Not saved", f"Could not write {path}: {exc}")
            return None
        self.save_button.setText("Saved ✓")
        return path

    def reject(self) -> None:
        # Closing without confirming would risk a journal nobody can open later.
        if self.stored.isChecked():
            super().reject()
