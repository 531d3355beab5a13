"""What broke and what I learned, side by side with the best wins. Any item opens its entry."""

from __future__ import annotations

from collections.abc import Sequence
from html import escape

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent
from PySide6.QtWidgets import QFrame, QGridLayout, QLabel, QVBoxLayout, QWidget

from journal.format import signed_minutes
from journal.stats import Highlight, Stats

from .charts import color, is_dark

NOTE_CHARS = 220


def _clip(text: str | None) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= NOTE_CHARS else text[: NOTE_CHARS - 1] + "…"


class HighlightItem(QFrame):
    """One entry as a clickable card: title, date · tool · net, then what broke / the lesson."""

    activated = Signal(str)

    def __init__(self, item: Highlight, *, failure: bool, dark: bool,
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.entry_id = item.id
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setToolTip("Open this entry")
        net_key = "gain" if item.net_minutes >= 0 else "loss"
        net = f"net {signed_minutes(item.net_minutes)}"
        if failure and item.outcome == "broke":
            net += f" · lost {item.cost_minutes} min with AI"
        meta = (f"{item.day:%d %b %Y} · {escape(item.tool)} · {escape(item.outcome)} · "
                f"<span style='color:{color(net_key, dark).name()}'><b>{net}</b></span>")
        lines = [f"<b>{escape(item.title)}</b>", meta]
        if failure and item.what_broke:
            lines.append(f"<i>Broke:</i> {escape(_clip(item.what_broke))}")
        if item.lesson:
            lines.append(f"<i>Lesson:</i> {escape(_clip(item.lesson))}")
        self.label = QLabel("<br>".join(lines), wordWrap=True)
        self.label.setTextFormat(Qt.TextFormat.RichText)
        self.label.setTextInteractionFlags(Qt.TextInteractionFlag.NoTextInteraction)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(8, 6, 8, 6)
        layout.addWidget(self.label)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
                event.position().toPoint()):
            self.activated.emit(self.entry_id)
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
            self.activated.emit(self.entry_id)
            return
        super().keyPressEvent(event)


class _Column(QWidget):
    def __init__(self, title: str, hint: str, empty: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.empty_text = empty
        self.heading = QLabel(f"<b>{title}</b><br><small>{hint}</small>", wordWrap=True)
        self.items: list[HighlightItem] = []
        self.body = QVBoxLayout()
        self.body.setSpacing(6)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.heading)
        outer.addLayout(self.body)
        outer.addStretch(1)

    def fill(self, items: Sequence[Highlight], *, failure: bool, sink: Signal) -> None:
        while self.body.count():
            widget = self.body.takeAt(0).widget()
            if widget is not None:
                widget.hide()  # deleteLater waits for the event loop; don't paint it meanwhile
                widget.deleteLater()
        self.items = []
        if not items:
            note = QLabel(self.empty_text, wordWrap=True)
            note.setEnabled(False)
            self.body.addWidget(note)
            return
        dark = is_dark(self)
        for item in items:
            card = HighlightItem(item, failure=failure, dark=dark)
            card.activated.connect(sink)
            self.body.addWidget(card)
            self.items.append(card)


class LessonsPanel(QWidget):
    """The honest picture: costliest failures and their lessons next to the best wins."""

    open_entry = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.failures = _Column(
            "What broke / what I learned",
            "Costliest failures: broke, or slower than doing it by hand.",
            "Nothing broke in this range — or it wasn't logged. Failures are worth logging: "
            "they are where the lessons are.")
        self.wins = _Column("Best wins", "Largest net time saved.",
                            "No time-saving wins in this range yet.")
        self.lessons = _Column("Recent lessons", "Newest first.",
                               "No lessons written down in this range.")
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(16)
        grid.addWidget(self.failures, 0, 0)
        grid.addWidget(self.wins, 0, 1)
        grid.addWidget(self.lessons, 1, 0, 1, 2)
        grid.setColumnStretch(0, 1)
        grid.setColumnStretch(1, 1)

    def update_stats(self, stats: Stats) -> None:
        self.failures.fill(stats.costliest_failures, failure=True, sink=self.open_entry)
        self.wins.fill(stats.best_wins, failure=False, sink=self.open_entry)
        shown = {c.entry_id for c in self.failures.items + self.wins.items}
        fresh = [h for h in stats.recent_lessons if h.id not in shown][:3]
        self.lessons.fill(fresh, failure=False, sink=self.open_entry)
        self.lessons.setVisible(bool(fresh))
