"""One Tab stop for a group of buttons: Tab enters and leaves the group, arrow keys move inside.

A form with a segmented choice (outcome) or a set of check boxes (failure modes) should cost one
Tab press per field, as people expect from radio groups; the buttons stay clickable.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QAbstractButton

_NEXT = {Qt.Key.Key_Right, Qt.Key.Key_Down}
_PREVIOUS = {Qt.Key.Key_Left, Qt.Key.Key_Up}


class SingleTabStop(QObject):
    """Only the 'current' button takes Tab focus; arrows move focus (and the stop) in the group."""

    def __init__(self, buttons: Sequence[QAbstractButton], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.buttons = list(buttons)
        for button in self.buttons:
            button.installEventFilter(self)
        self.set_stop(self.buttons[0])

    def set_stop(self, stop: QAbstractButton) -> None:
        for button in self.buttons:
            button.setFocusPolicy(Qt.FocusPolicy.StrongFocus if button is stop
                                  else Qt.FocusPolicy.ClickFocus)

    def first(self) -> QAbstractButton:
        return next(b for b in self.buttons if b.focusPolicy() == Qt.FocusPolicy.StrongFocus)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(watched, QAbstractButton):
            return False
        if event.type() == QEvent.Type.FocusIn:
            self.set_stop(watched)
        elif event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            step = 1 if event.key() in _NEXT else -1 if event.key() in _PREVIOUS else 0
            if step:
                visible = [b for b in self.buttons if b.isVisibleTo(b.window())]
                if watched in visible:
                    target = visible[(visible.index(watched) + step) % len(visible)]
                    target.setFocus(Qt.FocusReason.OtherFocusReason)
                return True
        return False
