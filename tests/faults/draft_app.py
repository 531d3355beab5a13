"""The desktop app with an unsaved edit, waiting to be killed.

Builds the main window like ui/app.py does, types into a new entry, and prints DRAFT-SAVED
once the editor's autosave has stored the draft in the journal; then idles until SIGKILLed.
Usage: draft_app.py SETTINGS_FILE TITLE PROMPT (environment from the cli_env fixture).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from journal import Journal
from ui.infra.settings import AppSettings
from ui.shell.main_window import MainWindow


def main() -> int:
    settings_path, title, prompt = sys.argv[1:4]
    app = QApplication(sys.argv[:1])
    journal = Journal.open(Path(os.environ["OFFSCRIPT_HOME"]))
    window = MainWindow(journal, AppSettings(Path(settings_path)))
    window.show()
    window.new_entry()
    editor = window.journal_page.editor
    editor.title.setText(title)
    editor.prompt.setPlainText(prompt)

    def check() -> None:
        if journal.get_setting("draft:editor"):
            print("DRAFT-SAVED", flush=True)
            poll.stop()

    poll = QTimer(interval=100)
    poll.timeout.connect(check)
    poll.start()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
