"""The desktop app with an unsaved edit, waiting to be killed.

Builds the main window like ui/app.py does, types into a new entry, and prints DRAFT-SAVED
once the editor's autosave has stored the draft in the journal; then idles until SIGKILLed.
Usage: draft_app.py SETTINGS_FILE TITLE PROMPT (environment from the cli_env fixture).
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication

from faults.editor_window import new_entry_window, when_draft_saved
from journal import Journal


def main() -> int:
    settings_path, title, prompt = sys.argv[1:4]
    app = QApplication(sys.argv[:1])
    journal = Journal.open(Path(os.environ["OFFSCRIPT_HOME"]))
    _window, editor = new_entry_window(journal, settings_path)
    editor.title.setText(title)
    editor.prompt.setPlainText(prompt)
    _poll = when_draft_saved(journal)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
