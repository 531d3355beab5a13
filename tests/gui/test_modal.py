"""Dialogs are freed by Qt after exec(): Python deleting them corrupted the heap at exit."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

SCRIPT = """
import sys, tempfile
from pathlib import Path
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication
from ui.infra.modal import run_modal
from ui.access.unlock import UnlockDialog
app = QApplication([])
dialog = UnlockDialog(Path(tempfile.mkdtemp()))
QTimer.singleShot(50, dialog.reject)
run_modal(dialog)
del dialog  # before the fix, this pattern aborted at interpreter exit in most runs
app.processEvents()
print("clean exit")
"""


def test_dialog_run_and_dropped_exits_cleanly(cli_env: dict[str, str], tmp_path: Path) -> None:
    for _ in range(3):
        done = subprocess.run([sys.executable, "-c", SCRIPT], env=cli_env, capture_output=True,
                              text=True, timeout=60, check=False)
        assert done.returncode == 0, done.stderr
        assert "shared QObject was deleted directly" not in done.stderr
        assert "clean exit" in done.stdout
