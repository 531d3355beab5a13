"""Dashboard screenshots (light and dark) from a seeded demo journal in a temp dir.

`python -m tools.dashboard_screenshots docs/screenshots` or render_dashboard_screenshots(out_dir).
ui/screenshots.py can list build_dashboard_light / build_dashboard_dark as (name, builder) pairs.
"""

from __future__ import annotations

import random
import secrets
import sys
import tempfile
from datetime import date, datetime, timedelta
from pathlib import Path

from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QWidget

from journal import Entry, Journal

DEMO_TODAY = date(2026, 3, 20)
SIZE = (1280, 1500)
_TOOLS = (("Claude", 0.62), ("ChatGPT", 0.5), ("Copilot", 0.58), ("Perplexity", 0.35),
          ("Gemini", 0.45))
_CATEGORIES = ("coding", "writing", "research", "analysis", "meetings")
_MODES = ("hallucination", "wrong_format", "lost_context", "too_generic", "outdated", "refused")
_WINS = ("Summarise a vendor contract", "Regex for nginx logs", "Meeting notes to actions",
         "Port a Bash script to Python", "Draft release notes", "SQL for churn cohort")
_FAILS = ("Find papers on retrieval evaluation", "Refactor legacy billing module",
          "Translate pricing page", "Explain a flaky test", "Summarise board minutes")
_LESSONS = ("Open every citation before using it.", "Paste the schema first; it stops guessing.",
            "Give two real examples of the format you want.",
            "Small steps: one function per prompt.", "Ask for a table with clause numbers.")


def demo_entries(today: date = DEMO_TODAY, weeks: int = 14, seed: int = 7) -> list[Entry]:
    """A realistic mix: mostly wins, some slow partial results, a few costly failures."""
    rng = random.Random(seed)
    out: list[Entry] = []
    start = datetime.combine(today - timedelta(weeks=weeks), datetime.min.time())
    for day in range(weeks * 7):
        for _ in range(rng.choice((0, 0, 1, 1, 2))):
            tool, skill = rng.choice(_TOOLS)
            roll = rng.random()
            outcome = "worked" if roll < skill else ("partly" if roll < skill + 0.25 else "broke")
            by_hand = rng.choice((15, 20, 30, 45, 60, 90))
            with_ai = {"worked": max(3, by_hand // rng.choice((2, 3, 4))),
                       "partly": by_hand - rng.randint(-15, 10),
                       "broke": rng.choice((20, 30, 45, 60))}[outcome]
            failure = outcome != "worked"
            out.append(Entry(
                title=rng.choice(_FAILS if outcome == "broke" else _WINS), tool=tool,
                outcome=outcome, minutes_without_ai=by_hand, minutes_with_ai=max(0, with_ai),
                occurred_at=start + timedelta(days=day, hours=rng.randint(8, 18)),
                category=rng.choice(_CATEGORIES),
                failure_modes=rng.sample(_MODES, rng.choice((1, 1, 2))) if failure else [],
                what_broke="Confident but wrong: made-up details." if outcome == "broke" else None,
                lesson=rng.choice(_LESSONS) if rng.random() < 0.5 else None))
    return out


def _palette(mode: str) -> QPalette:
    """The app theme's palette for `mode`, leaving the application itself on 'system'."""
    from ui.infra import theme

    app = QApplication.instance()
    assert isinstance(app, QApplication)
    theme.apply(app, mode)
    palette = QPalette(app.palette())
    theme.apply(app, "system")  # later shots must not inherit a forced theme
    return palette


def _build(mode: str, folder: Path) -> QWidget:
    from ui.dashboard import DashboardView

    palette = _palette(mode)
    journal, _recovery = Journal.create(folder / f"demo-{mode}",
                                        passphrase=secrets.token_urlsafe())
    journal.add_many(demo_entries())
    view = DashboardView(journal, today=lambda: DEMO_TODAY)
    view.setPalette(palette)
    view.refresh()
    view.resize(*SIZE)
    return view


def build_dashboard_light(folder: Path) -> QWidget:
    return _build("light", folder)


def build_dashboard_dark(folder: Path) -> QWidget:
    return _build("dark", folder)


def render_dashboard_screenshots(out_dir: str | Path) -> list[Path]:
    """Write dashboard_light.png and dashboard_dark.png (the whole scrollable dashboard)."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    written = []
    with tempfile.TemporaryDirectory() as tmp:
        for name, builder in (("dashboard_light", build_dashboard_light),
                              ("dashboard_dark", build_dashboard_dark)):
            view = builder(Path(tmp))
            view.show()
            app.processEvents()
            content = view.content  # type: ignore[attr-defined]
            content.resize(SIZE[0] - 24, content.sizeHint().height())
            app.processEvents()
            target = out / f"{name}.png"
            view.export_png(target)  # type: ignore[attr-defined]
            written.append(target)
            view.journal.close()  # type: ignore[attr-defined]
            view.close()
            view.deleteLater()
    return written


if __name__ == "__main__":
    for path in render_dashboard_screenshots(sys.argv[1] if len(sys.argv) > 1 else "."):
        print(path)
