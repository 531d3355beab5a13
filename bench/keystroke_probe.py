"""Child process for the typing benchmark: `keystroke_probe.py FOLDER` prints one JSON line with
the microseconds per key that QTest typing costs in the entry editor's Title and Prompt, and in
a bare QLineEdit and QPlainTextEdit in a plain window (the baseline: what Qt itself costs per
key). The event loop runs after every 10 keys, as it would between a person's keystrokes, so
the editor's timers (draft saving) count too. Passphrase mode (OFFSCRIPT_PASSPHRASE)."""

from __future__ import annotations

import json
import os
import statistics
import sys
import time
from pathlib import Path
from typing import Any

LINE = "summarise the weekly report for the Tuesday call, "[:48]  # under every field's limit
PROSE = "tried a longer prompt, checked the answer, fixed two facts; " * 40
ROUNDS = 5


def per_key_us(app: Any, widget: Any, text: str) -> float:
    from PySide6.QtTest import QTest

    widget.setFocus()
    started = time.perf_counter()
    for at in range(0, len(text), 10):
        QTest.keyClicks(widget, text[at:at + 10])
        app.processEvents()
    took = time.perf_counter() - started
    widget.clear()
    app.processEvents()
    return took * 1e6 / len(text)


def main(folder: Path) -> None:
    from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QVBoxLayout, QWidget

    from journal import Journal
    from ui.entries.editor import EntryEditor

    app = QApplication(sys.argv[:1])
    bare = QWidget()
    line, plain = QLineEdit(), QPlainTextEdit()
    layout = QVBoxLayout(bare)
    layout.addWidget(line)
    layout.addWidget(plain)
    bare.resize(900, 700)
    bare.show()
    journal, _ = Journal.create(folder, passphrase=os.environ["OFFSCRIPT_PASSPHRASE"])
    editor = EntryEditor(journal)
    editor.resize(900, 1000)
    editor.show()
    app.processEvents()
    cases = {"bare_line": (line, LINE), "editor_title": (editor.title, LINE),
             "bare_text": (plain, PROSE), "editor_prompt": (editor.prompt, PROSE)}
    for widget, text in cases.values():  # warm-up: first-use costs are not per key
        per_key_us(app, widget, text[:20])
    times: dict[str, list[float]] = {name: [] for name in cases}
    for _ in range(ROUNDS):  # interleaved, so load on the machine hits both sides alike
        for name, (widget, text) in cases.items():
            times[name].append(per_key_us(app, widget, text))
    journal.close()
    print(json.dumps({name: statistics.median(v) for name, v in times.items()}), flush=True)


if __name__ == "__main__":
    main(Path(sys.argv[1]))
