"""The four headline numbers, each with its change against the previous period of equal length."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from journal.format import hours, percent, plain_hours, signed, signed_number
from journal.stats import Totals

from .charts import color, is_dark


@dataclass(frozen=True)
class Kpi:
    key: str
    title: str
    value: str
    previous: str | None  # None: no previous period (open range) to compare with
    change: str
    trend: int  # +1 better, -1 worse, 0 same or unknown (colour)
    hint: str
    direction: int = 0  # +1 up, -1 down, 0 same or unknown (arrow)


def _rate(t: Totals) -> str:
    return percent(t.win_rate)


def _sign(delta: float, *, good_when_up: bool = True) -> int:
    if abs(delta) < 1e-9:
        return 0
    return (1 if delta > 0 else -1) * (1 if good_when_up else -1)


HINTS = {
    "hours": "Net time saved: minutes by hand minus minutes with AI, losses included.",
    "entries": "Experiments logged in this range.",
    "win_rate": "Share of experiments that worked (partly does not count).",
    "lost": "Time spent with AI on experiments that broke (nothing usable came out).",
}
TITLES = {"hours": "Hours saved", "entries": "Experiments", "win_rate": "Win rate",
          "lost": "Hours lost to failures"}


def _values(t: Totals) -> dict[str, tuple[str, float | None]]:
    """Display text and comparable number per KPI."""
    return {
        "hours": (hours(t.net_minutes), t.net_minutes / 60),
        "entries": (f"{t.entries:,}", float(t.entries)),
        "win_rate": (_rate(t), None if t.win_rate is None else 100 * t.win_rate),
        "lost": (plain_hours(t.broke_minutes_lost), t.broke_minutes_lost / 60),
    }


def _change(key: str, delta: float) -> str:
    """The difference to the previous period, signed like every number people read here."""
    if key in ("hours", "lost"):
        return hours(delta * 60)
    if key == "win_rate":
        return f"{signed_number(delta, 0)} pts"
    return signed(round(delta))


def build_kpis(now: Totals, before: Totals | None) -> list[Kpi]:
    """Plain data for the cards and the copied table; before=None for an open range."""
    current = _values(now)
    previous = _values(before) if before is not None else None
    out = []
    for key, (text, value) in current.items():
        if previous is None:
            out.append(Kpi(key, TITLES[key], text, None, "all time: nothing earlier to compare",
                           0, HINTS[key]))
            continue
        prev_text, prev_value = previous[key]
        if value is None or prev_value is None:
            change, trend = "no change to show (no entries on one side)", 0
        else:
            change = _change(key, value - prev_value) + " vs previous period"
            trend = _sign(value - prev_value, good_when_up=key != "lost")
        direction = 0 if value is None or prev_value is None else _sign(value - prev_value)
        out.append(Kpi(key, TITLES[key], text, prev_text, change, trend, HINTS[key], direction))
    return out


def kpi_table_text(kpis: list[Kpi], period: str) -> str:
    """Tab-separated, so it pastes into a spreadsheet or slide table as cells."""
    rows = [f"Offscript dashboard: {period}", "Metric\tThis period\tPrevious period\tChange"]
    rows += [f"{k.title}\t{k.value}\t{k.previous or '–'}\t{k.change}" for k in kpis]
    return "\n".join(rows) + "\n"


def card_change(kpi: Kpi) -> str:
    """The change line of a card, one short line: '▲ +1.8 h vs before', 'all time',
    'nothing to compare'."""
    if kpi.previous is None:  # an open range, or a card with its own note (team view)
        return "all time" if kpi.change.startswith("all time") else kpi.change
    if not kpi.change.endswith(" vs previous period"):
        return "nothing to compare"
    arrow = {1: "▲ ", -1: "▼ "}.get(kpi.direction, "")
    return arrow + kpi.change.replace(" vs previous period", " vs before")


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
        # Short enough for one line on a card at 1024 px ("▲ +12 pts vs before", see
        # card_change); wraps rather than clips in a narrower window. The long form is in the
        # tooltip and the copied table.
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
        self.change.setText(card_change(kpi))
        dark = is_dark(self)
        if kpi.trend:
            tint = color("gain" if kpi.trend > 0 else "loss", dark).name()
            self.change.setStyleSheet(f"color: {tint};")
        else:
            self.change.setStyleSheet("")
            self.change.setEnabled(kpi.previous is not None)
        self.setToolTip(kpi.hint + (f"\nPrevious period: {kpi.previous}" if kpi.previous else "")
                        + f"\n{kpi.change}")


class KpiRow(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        self.cards = {key: KpiCard() for key in ("hours", "entries", "win_rate", "lost")}
        for card in self.cards.values():
            row.addWidget(card, 1)  # stretched to one height
        self.kpis: list[Kpi] = []

    def show_totals(self, now: Totals, before: Totals | None) -> None:
        self.kpis = build_kpis(now, before)
        for kpi in self.kpis:
            self.cards[kpi.key].show_kpi(kpi)
