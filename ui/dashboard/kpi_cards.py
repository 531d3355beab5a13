"""The four headline numbers, each with its change against the previous period of equal length."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from journal.stats import Totals

from .charts import color, is_dark


@dataclass(frozen=True)
class Kpi:
    key: str
    title: str
    value: str
    previous: str | None  # None: no previous period (open range) to compare with
    change: str
    trend: int  # +1 better, -1 worse, 0 same or unknown
    hint: str


def _hours(minutes: float) -> str:
    return f"{minutes / 60:+.1f} h"


def _rate(t: Totals) -> str:
    return "–" if t.win_rate is None else f"{t.win_rate:.0%}"


def _sign(delta: float, *, good_when_up: bool = True) -> int:
    if abs(delta) < 1e-9:
        return 0
    return (1 if delta > 0 else -1) * (1 if good_when_up else -1)


def build_kpis(now: Totals, before: Totals | None) -> list[Kpi]:
    """Plain data for the cards and the copied table; before=None for an open range."""
    def delta(key: str, value: str, title: str, hint: str, current: float,
              previous: float | None, change: str, good_up: bool = True) -> Kpi:
        if before is None or previous is None:
            return Kpi(key, title, value, None, "no earlier period to compare", 0, hint)
        return Kpi(key, title, value, prev_text[key], change,
                   _sign(current - previous, good_when_up=good_up), hint)

    prev_text = {}
    if before is not None:
        prev_text = {"hours": _hours(before.net_minutes), "entries": str(before.entries),
                     "win_rate": _rate(before), "lost": f"{before.broke_minutes_lost / 60:.1f} h"}
    b = before
    return [
        delta("hours", _hours(now.net_minutes), "Hours saved",
              "Net time saved: minutes by hand minus minutes with AI, losses included.",
              now.net_minutes, b.net_minutes if b else None,
              f"{_hours(now.net_minutes - b.net_minutes)} vs previous" if b else ""),
        delta("entries", str(now.entries), "Experiments", "Entries in this range.",
              now.entries, b.entries if b else None,
              f"{now.entries - b.entries:+d} vs previous" if b else ""),
        delta("win_rate", _rate(now), "Win rate", "Share of experiments that worked "
              "(partly does not count).", now.win_rate or 0.0,
              None if b is None or b.win_rate is None or now.win_rate is None else b.win_rate,
              f"{100 * ((now.win_rate or 0) - (b.win_rate or 0)):+.0f} pts vs previous"
              if b else ""),
        delta("lost", f"{now.broke_minutes_lost / 60:.1f} h", "Hours lost to failures",
              "Time spent with AI on experiments that broke (nothing usable came out).",
              now.broke_minutes_lost, b.broke_minutes_lost if b else None,
              f"{(now.broke_minutes_lost - b.broke_minutes_lost) / 60:+.1f} h vs previous"
              if b else "", good_up=False),
    ]


def kpi_table_text(kpis: list[Kpi], period: str) -> str:
    """Tab-separated, so it pastes into a spreadsheet or slide table as cells."""
    rows = [f"Offscript dashboard: {period}", "Metric\tThis period\tPrevious period\tChange"]
    rows += [f"{k.title}\t{k.value}\t{k.previous or '–'}\t{k.change}" for k in kpis]
    return "\n".join(rows) + "\n"


class KpiCard(QFrame):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setObjectName("kpiCard")
        self.title = QLabel()
        self.value = QLabel()
        font = self.value.font()
        font.setPointSizeF(font.pointSizeF() * 2)
        font.setBold(True)
        self.value.setFont(font)
        self.change = QLabel(wordWrap=True)
        column = QVBoxLayout(self)
        column.addWidget(self.title)
        column.addWidget(self.value)
        column.addWidget(self.change)
        column.addStretch(1)
        self.setMinimumWidth(150)

    def show_kpi(self, kpi: Kpi) -> None:
        self.title.setText(kpi.title)
        self.value.setText(kpi.value)
        arrow = {1: "▲ ", -1: "▼ ", 0: ""}[kpi.trend] if kpi.previous is not None else ""
        self.change.setText(arrow + kpi.change)
        dark = is_dark(self)
        if kpi.trend:
            tint = color("gain" if kpi.trend > 0 else "loss", dark).name()
            self.change.setStyleSheet(f"color: {tint};")
        else:
            self.change.setStyleSheet("")
            self.change.setEnabled(kpi.previous is not None)
        self.setToolTip(kpi.hint + (f"\nPrevious period: {kpi.previous}" if kpi.previous else ""))


class KpiRow(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.cards = {key: KpiCard() for key in ("hours", "entries", "win_rate", "lost")}
        for card in self.cards.values():
            row.addWidget(card, 1, Qt.AlignmentFlag.AlignTop)
        self.kpis: list[Kpi] = []

    def show_totals(self, now: Totals, before: Totals | None) -> None:
        self.kpis = build_kpis(now, before)
        for kpi in self.kpis:
            self.cards[kpi.key].show_kpi(kpi)
