"""A slim bar under the list: 'Moved … to Trash  [Undo]' that fades after a while."""

from __future__ import annotations

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QWidget,
)

HIDE_MS = 12_000


class UndoBar(QFrame):
    undo_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName("Undo bar")
        self.label = QLabel()
        # A long title must not make the bar (and so the window) wider: it wraps instead.
        self.label.setWordWrap(True)
        self.label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.undo_button = QPushButton("&Undo  (Ctrl+Z)")
        close = QToolButton(text="✕")
        close.setAccessibleName("Dismiss")
        layout = QHBoxLayout(self)
        layout.setContentsMargins(8, 4, 4, 4)
        layout.addWidget(self.label, 1)
        layout.addWidget(self.undo_button)
        layout.addWidget(close)
        self.timer = QTimer(self, singleShot=True, interval=HIDE_MS)
        self.timer.timeout.connect(self.hide)
        self.undo_button.clicked.connect(self.undo_requested)
        close.clicked.connect(self.hide)
        self.hide()

    def show_message(self, text: str, *, can_undo: bool = True) -> None:
        """Show text; the Undo button only while there is something left to undo."""
        self.label.setText(text)
        self.label.setToolTip(text)
        self.undo_button.setVisible(can_undo)
        self.undo_button.setEnabled(can_undo)
        self.show()
        self.timer.start()
