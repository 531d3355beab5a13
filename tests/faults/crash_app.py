"""The desktop app hitting a slot exception and then a fatal error (SIGSEGV) while editing.

Starts like ui/app.py (log file, session marker, faulthandler), types TITLE and PROMPT into a
new entry, raises an exception quoting them in a slot, waits until the draft is stored, then
crashes through faulthandler. Usage: crash_app.py SETTINGS_FILE TITLE PROMPT.
"""

from __future__ import annotations

import faulthandler
import os
import sys
from pathlib import Path

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

from faults.editor_window import new_entry_window, when_draft_saved
from journal import Journal
from ui.infra import crash
from ui.infra.session import begin_session


def main() -> int:
    settings_path, title, prompt = sys.argv[1:4]
    crash.setup_logging()
    app = QApplication(sys.argv[:1])
    crash.run_modal = lambda dialog: dialog.deleteLater() or 0  # no one to close the dialog
    crash.install_excepthook()
    journal = Journal.open(Path(os.environ["OFFSCRIPT_HOME"]))
    begin_session()
    _window, editor = new_entry_window(journal, settings_path)
    editor.title.setText(title)
    editor.prompt.setPlainText(prompt)

    def broken_slot() -> None:
        raise ValueError(f"could not handle {title!r}: {prompt}")

    QTimer.singleShot(0, broken_slot)
    _poll = when_draft_saved(journal, faulthandler._sigsegv)
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
