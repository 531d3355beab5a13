"""Child process for the start-up and memory benchmarks: `start_probe.py app|bare [FOLDER]`.

Prints `SHOWN <unix time>` when the first event-loop turn after show() runs (the window is
mapped), then `RSS <peak KiB>` after the window has settled (its first pages loaded), and exits.
`app` (or `quick`: the quick-log window alone) builds the desktop app exactly as ui.app.run()
does (its composition root) around an unlocked journal (passphrase mode if OFFSCRIPT_PASSPHRASE
is set, else keychain mode); `bare` shows a QLabel in a plain QApplication.
"""

from __future__ import annotations

import os
import resource
import sys
import tempfile
import time
from pathlib import Path

SETTLE_MS = 800


def report(app: object) -> None:
    from PySide6.QtCore import QTimer

    print(f"SHOWN {time.time():.6f}", flush=True)

    def done() -> None:
        print(f"RSS {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss}", flush=True)
        app.quit()  # type: ignore[attr-defined]

    QTimer.singleShot(SETTLE_MS, done)


def bare() -> int:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QLabel

    app = QApplication(sys.argv[:1])
    label = QLabel("Offscript")
    label.resize(1280, 800)
    label.show()
    QTimer.singleShot(0, lambda: report(app))
    return app.exec()


def desktop(folder: Path, quick: bool = False) -> int:
    # ui.app first, as `offscript` imports it: it loads PySide and then the journal package
    from ui.app import build_application, run  # isort: skip

    from PySide6.QtCore import QTimer

    from journal import Journal
    from ui.infra import theme
    from ui.infra.settings import AppSettings
    from ui.shell.single_instance import SingleInstance

    app = build_application(sys.argv[:1])
    with tempfile.TemporaryDirectory() as tmp:
        settings = AppSettings(Path(tmp) / "settings.json")
        theme.apply(app, settings.get("appearance"))
        # Passphrase mode when OFFSCRIPT_PASSPHRASE is set (scrypt), else the keychain's key.
        journal = Journal.open(folder, passphrase=os.environ.get("OFFSCRIPT_PASSPHRASE"))
        instance = SingleInstance(f"offscript-bench-{os.getpid()}")
        instance.listen()
        QTimer.singleShot(0, lambda: report(app))  # runs right after run() shows the window
        try:
            return run(app, journal, settings, instance, quick=quick)
        finally:
            journal.close()


if __name__ == "__main__":
    sys.exit(bare() if sys.argv[1] == "bare"
             else desktop(Path(sys.argv[2]), quick=sys.argv[1] == "quick"))
