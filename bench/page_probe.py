"""Child process for issue 15's GUI rows: `page_probe.py pages|dashboard FOLDER`.

`pages`: the main window around the journal, shown; then the time to first open the Trash and
the Prompts pages (build + first query + the paint that follows), printed as `TRASH ms` and
`PROMPTS ms`. `dashboard`: opens the Dashboard, then changes the journal and switches back so it
refreshes; prints `FREEZE ms`, the longest the event loop went without turning meanwhile (a
16 ms timer measures the gaps), and `REFRESH ms`, until the dashboard's figures were current.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

from PySide6.QtCore import QElapsedTimer, QTimer
from PySide6.QtWidgets import QApplication

from journal import Journal
from ui.app import build_application
from ui.infra.settings import AppSettings
from ui.shell.main_window import DASHBOARD, JOURNAL, PROMPTS, TRASH, MainWindow

TICK_MS = 16


def settle(app: QApplication, ms: int) -> None:
    end = time.perf_counter() + ms / 1000
    while time.perf_counter() < end:
        app.processEvents()


def open_page(app: QApplication, window: MainWindow, index: int) -> float:
    started = time.perf_counter()
    window.sidebar.setCurrentRow(index)
    window.repaint()  # the paint that shows the page
    app.processEvents()
    return (time.perf_counter() - started) * 1000


def pages(app: QApplication, window: MainWindow) -> None:
    print(f"TRASH {open_page(app, window, TRASH):.1f}", flush=True)
    print(f"PROMPTS {open_page(app, window, PROMPTS):.1f}", flush=True)


def dashboard(app: QApplication, window: MainWindow) -> None:
    open_page(app, window, DASHBOARD)
    view = window.dashboard
    busy = getattr(view, "is_busy", lambda: False)  # older code computed in place
    while busy():  # the first load, threaded or not, is done
        app.processEvents()
    settle(app, 300)
    window.sidebar.setCurrentRow(JOURNAL)
    window.journal.add({"title": "Probe", "tool": "Claude", "outcome": "worked",
                        "minutes_without_ai": 10, "minutes_with_ai": 5})
    gaps: list[float] = []
    clock = QElapsedTimer()
    clock.start()
    last = [clock.elapsed()]

    def tick() -> None:
        now = clock.elapsed()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer()
    timer.setInterval(TICK_MS)
    timer.timeout.connect(tick)
    timer.start()
    started = time.perf_counter()
    window.sidebar.setCurrentRow(DASHBOARD)
    app.processEvents()
    while busy():
        app.processEvents()
    refresh_ms = (time.perf_counter() - started) * 1000
    settle(app, 200)
    timer.stop()
    print(f"REFRESH {refresh_ms:.1f}", flush=True)
    print(f"FREEZE {max([*gaps, clock.elapsed() - last[0]]):.1f}", flush=True)


def main(mode: str, folder: Path) -> int:
    app = build_application(sys.argv[:1])
    with tempfile.TemporaryDirectory() as tmp:
        settings = AppSettings(Path(tmp) / "settings.json")
        journal = Journal.open(folder, passphrase=os.environ.get("OFFSCRIPT_PASSPHRASE"))
        try:
            window = MainWindow(journal, settings)
            window.show()
            settle(app, 1000)  # first paint and the deferred start-up work are done
            (pages if mode == "pages" else dashboard)(app, window)
            window.close()
        finally:
            journal.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], Path(sys.argv[2])))
