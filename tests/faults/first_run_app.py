"""The first-run dialog creating a journal, to be killed part-way.

Prints READY once the dialog is built, then presses Create (keychain mode) and prints CREATED.
Usage: first_run_app.py (folder from OFFSCRIPT_HOME, environment from cli_env).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from ui.access.first_run import WelcomeDialog


def main() -> int:
    _app = QApplication(sys.argv[:1])
    dialog = WelcomeDialog(Path(os.environ["OFFSCRIPT_HOME"]))
    print("READY", flush=True)
    if not dialog.create() or dialog.journal is None:
        print(f"FAILED {dialog.error.text()}", flush=True)
        return 1
    dialog.journal.close()
    print("CREATED", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
