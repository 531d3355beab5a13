"""Child process for the start-up and memory benchmarks: `start_probe.py app|bare [FOLDER]`.

Prints `SHOWN <unix time>` when the first event-loop turn after show() runs (the window is
mapped), then `RSS <peak KiB>` after the window has settled (its first pages loaded), and exits.
`app` (or `quick`: the quick-log window alone) builds the desktop app exactly as ui.app.run()
does (its composition root) around an unlocked journal (passphrase mode if OFFSCRIPT_PASSPHRASE
is set, else keychain mode); `bare` shows a QLabel in a plain QApplication; `floor` shows what
a first paint of the journal physically needs and nothing of ours (see work_floor); `widgets`
and `form` show the main window's and the quick log's kinds of widgets alone, no journal.
"""

from __future__ import annotations

import os
import resource
import sys
import tempfile
import time
from pathlib import Path

SETTLE_MS = 800


def peak_rss_kib() -> int:
    """This process's own peak RSS: VmHWM of its address space. Not ru_maxrss, which on Linux
    also keeps the parent's peak across fork and exec (a bench process that had run scrypt made
    every probe it started report its 147 MB)."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # other systems


def report(app: object) -> None:
    from PySide6.QtCore import QTimer

    print(f"SHOWN {time.time():.6f}", flush=True)

    def done() -> None:
        print(f"RSS {peak_rss_kib()}", flush=True)
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


def work_floor(folder: Path) -> int:
    """The least a window showing this journal's newest entries must do, in keychain mode: Qt's
    enums (any widget code touches them), the key, SQLCipher opened with it, the entry count and
    the first 200 rows (as the entries model loads them) in a QTableView. The key is read from
    the test keyring's file directly, without the keyring package (which the app imports), so
    the floor is the least, not our own path."""
    import json

    import sqlcipher3
    from PySide6.QtCore import Qt, QTimer
    from PySide6.QtGui import QStandardItem, QStandardItemModel
    from PySide6.QtWidgets import QApplication, QTableView

    app = QApplication(sys.argv[:1])
    journal_id = json.loads((folder / "vault.json").read_text())["journal_id"]
    stored = json.loads(Path(os.environ["OFFSCRIPT_TEST_KEYRING"]).read_text())
    key = stored[f"offscript/{journal_id}"]
    conn = sqlcipher3.connect(str(folder / "journal.db"), isolation_level=None)
    conn.execute(f"PRAGMA key = \"x'{key}'\"")
    total = conn.execute("SELECT count(*) FROM entries WHERE trashed_at IS NULL").fetchone()[0]
    rows = conn.execute("SELECT occurred_at, title, tool, outcome, minutes_without_ai - "
                        "minutes_with_ai, tags FROM entries WHERE trashed_at IS NULL "
                        "ORDER BY occurred_at DESC LIMIT 200").fetchall()
    model = QStandardItemModel(len(rows), 6)
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            model.setItem(r, c, QStandardItem(str(value)))
    view = QTableView()
    view.setModel(model)
    view.setWindowTitle(f"{total} entries")
    view.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft)
    view.resize(1280, 800)
    view.show()
    QTimer.singleShot(0, lambda: report(app))
    return app.exec()


def widgets(kind: str) -> int:
    """The main window's (or the quick log's) kinds of widgets alone: bench/widget_floor.py."""
    import widget_floor  # beside this file, on sys.path as the script's folder
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    app = QApplication(sys.argv[:1])
    window = widget_floor.quick_widgets() if kind == "form" else widget_floor.main_widgets()
    window.show()
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
            instance.close()


if __name__ == "__main__":
    if sys.argv[1] == "bare":
        sys.exit(bare())
    if sys.argv[1] in ("widgets", "form"):
        sys.exit(widgets(sys.argv[1]))
    if sys.argv[1] == "floor":
        sys.exit(work_floor(Path(sys.argv[2])))
    sys.exit(desktop(Path(sys.argv[2]), quick=sys.argv[1] == "quick"))
