"""The preview: the exact bytes of the summary, with every replacement highlighted."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, QPoint, Qt, Signal
from PySide6.QtGui import QColor, QFontDatabase, QMouseEvent, QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QTextEdit, QToolTip, QWidget

from journal.share import ReportItem, Summary, label_spans

SURE = "#ffe08a"  # replaced with certainty
UNSURE = "#ffb3c7"  # a guess (a name-like word): click to keep it
SURE_DARK, UNSURE_DARK = "#7a6212", "#7a2d43"
# What each redaction class is called in the tooltip (journal.redact.CATEGORIES).
CLASS_NAMES = {
    "person": "person", "client": "client or organisation", "project": "project",
    "domain": "your domain", "email": "e-mail address", "phone": "phone number",
    "link": "link", "host": "host or machine name", "ip": "IP address", "path": "file path",
    "user": "user name", "secret": "secret (key, token, password)", "card": "payment card",
    "iban": "bank account (IBAN)", "national_id": "national id number",
    "record_id": "record, account or document id", "birth_date": "date of birth",
    "mac": "MAC address", "address": "postal address", "handle": "@handle",
}


def class_name(category: str) -> str:
    return CLASS_NAMES.get(category, category.replace("_", " "))


@dataclass(frozen=True)
class Mark:
    start: int  # in Qt's document positions (UTF-16 code units)
    end: int
    label: str
    uncertain: bool


def display_text(data: bytes) -> str:
    """The bytes as text; CRLF shown as a line break like any other (CSV rows)."""
    return data.decode("utf-8").replace("\r\n", "\n")


def _utf16_offsets(text: str) -> list[int]:
    """Qt position of each Python index (characters outside the BMP take two units)."""
    out = [0] * (len(text) + 1)
    pos = 0
    for i, ch in enumerate(text):
        out[i] = pos
        pos += 2 if ord(ch) > 0xFFFF else 1
    out[len(text)] = pos
    return out


class PreviewPane(QPlainTextEdit):
    """Read-only, monospace. Emits `label_clicked` when a highlighted label is clicked."""

    label_clicked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setFont(QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont))
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse
                                     | Qt.TextInteractionFlag.TextSelectableByKeyboard)
        self.marks: list[Mark] = []
        self._items: dict[str, list[ReportItem]] = {}
        self.viewport().installEventFilter(self)
        self.viewport().setMouseTracking(True)

    def show_summary(self, summary: Summary, data: bytes, dark: bool = False) -> None:
        text = display_text(data)
        bar = self.verticalScrollBar().value()
        self.setPlainText(text)
        self.verticalScrollBar().setValue(bar)
        self._items = {}
        for item in summary.report.items:
            self._items.setdefault(item.replacement, []).append(item)
        offsets = _utf16_offsets(text)
        self.marks = [
            Mark(offsets[s], offsets[e], label,
                 any(i.uncertain for i in self._items.get(label, [])))
            for s, e, label in label_spans(summary, text)]
        self._paint(dark)

    def _paint(self, dark: bool) -> None:
        sure, unsure = QTextCharFormat(), QTextCharFormat()
        sure.setBackground(QColor(SURE_DARK if dark else SURE))
        unsure.setBackground(QColor(UNSURE_DARK if dark else UNSURE))
        unsure.setFontUnderline(True)
        selections = []
        for mark in self.marks:
            sel = QTextEdit.ExtraSelection()
            cursor = QTextCursor(self.document())
            cursor.setPosition(mark.start)
            cursor.setPosition(mark.end, QTextCursor.MoveMode.KeepAnchor)
            sel.cursor = cursor  # type: ignore[attr-defined]
            sel.format = unsure if mark.uncertain else sure  # type: ignore[attr-defined]
            selections.append(sel)
        self.setExtraSelections(selections)

    def mark_at(self, position: int) -> Mark | None:
        for mark in self.marks:  # in order; a bisect would do for huge previews
            if mark.start <= position < mark.end:
                return mark
            if mark.start > position:
                break
        return None

    def items_for(self, label: str) -> list[ReportItem]:
        return list(self._items.get(label, []))

    def mark_at_point(self, point: QPoint) -> Mark | None:
        return self.mark_at(self.cursorForPosition(point).position())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.viewport():
            if (event.type() == QEvent.Type.MouseButtonRelease
                    and isinstance(event, QMouseEvent)
                    and event.button() == Qt.MouseButton.LeftButton
                    and not self.textCursor().hasSelection()):
                mark = self.mark_at_point(event.position().toPoint())
                if mark is not None:
                    self.label_clicked.emit(mark.label)
            elif event.type() == QEvent.Type.MouseMove and isinstance(event, QMouseEvent):
                over = self.mark_at_point(event.position().toPoint()) is not None
                self.viewport().setCursor(Qt.CursorShape.PointingHandCursor if over
                                          else Qt.CursorShape.IBeamCursor)
            elif event.type() == QEvent.Type.ToolTip:
                self._tooltip(event)
                return True
        return super().eventFilter(watched, event)

    def _tooltip(self, event: QEvent) -> None:
        pos = event.pos()  # type: ignore[attr-defined]
        mark = self.mark_at_point(pos)
        if mark is None:
            QToolTip.hideText()
            return
        QToolTip.showText(self.viewport().mapToGlobal(pos), self.tooltip_for(mark), self)

    def tooltip_for(self, mark: Mark) -> str:
        """The class of a replacement, what it replaced (only the user sees this), and
        what they can do about it."""
        items = self.items_for(mark.label)
        originals = sorted({i.original for i in items})
        shown = ", ".join(f"“{o}”" for o in originals[:5]) + (" …" if len(originals) > 5 else "")
        classes = ", ".join(sorted({class_name(i.category) for i in items})) or "redacted"
        if mark.uncertain:
            hint = "A guess: click to keep the original."
        elif {i.category for i in items} & {"client", "project", "domain"}:
            hint = "One of your terms: remove it from your terms to keep it."
        else:
            hint = "Always removed. Add a word to your terms to hide it everywhere."
        return f"{mark.label} ({classes}) replaces {shown} (only you see this).\n{hint}"
