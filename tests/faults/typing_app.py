"""The desktop app typing without pause until it is SIGKILLed.

Builds the main window like ui/app.py does, opens a new entry and plays a seeded script of
edits (keystrokes into every text field, the outcome, the share flag), one step per tick.
After each step it prints `STEP <n> <time.monotonic()>`, so the test knows what had been typed
by any moment before the kill. Usage: typing_app.py SETTINGS_FILE SEED (env from cli_env).
"""

from __future__ import annotations

import os
import random
import sys
import time
from pathlib import Path
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication

from faults.editor_window import new_entry_window
from journal import Journal

TEXT_FIELDS = ("title", "tool", "tool_version", "prompt", "what_broke", "lesson", "tags")
TICK_MS = 8


def script(seed: int, steps: int = 1500) -> list[tuple[str, Any]]:
    """Deterministic edits: ("type", field, char) runs, with outcome and share changes between."""
    rng = random.Random(seed)
    out: list[tuple[str, Any]] = []
    typed = dict.fromkeys(TEXT_FIELDS, 0)
    while len(out) < steps:
        kind = rng.random()
        if kind < 0.06:
            out.append(("outcome", rng.choice(["worked", "partly", "broke"])))
        elif kind < 0.10:
            out.append(("share", None))
        else:
            field = rng.choice(TEXT_FIELDS)
            limit = 150 if field in ("title", "tool", "tool_version", "tags") else 10_000
            for _ in range(rng.randint(5, 40)):
                if typed[field] >= limit:
                    break
                char = "," if field == "tags" and rng.random() < 0.1 else rng.choice(
                    "abcdefghijklmnopqrstuvwxyz     ")
                out.append(("type", (field, char)))
                typed[field] += 1
    return out


def replay(steps: list[tuple[str, Any]]) -> dict[str, Any]:
    """The form values after `steps` (text fields as typed; tags as typed, not parsed)."""
    state: dict[str, Any] = {**dict.fromkeys(TEXT_FIELDS, ""), "outcome": "", "share": False}
    for kind, arg in steps:
        if kind == "type":
            state[arg[0]] += arg[1]
        elif kind == "outcome":
            state["outcome"] = arg
        else:
            state["share"] = not state["share"]
    return state


def main() -> int:
    settings_path, seed = sys.argv[1], int(sys.argv[2])
    app = QApplication(sys.argv[:1])
    journal = Journal.open(Path(os.environ["OFFSCRIPT_HOME"]))
    _window, editor = new_entry_window(journal, settings_path)
    steps = script(seed)
    position = 0

    def step() -> None:
        nonlocal position
        if position >= len(steps):
            ticker.stop()
            return
        kind, arg = steps[position]
        if kind == "type":
            field, char = arg
            QTest.keyClicks(getattr(editor, field), char)
        elif kind == "outcome":
            editor.outcome.buttons[arg].click()
        else:
            editor.share.click()
        position += 1
        print(f"STEP {position} {time.monotonic():.4f}", flush=True)

    ticker = QTimer(interval=TICK_MS)
    ticker.timeout.connect(step)
    ticker.start()
    return app.exec()


if __name__ == "__main__":
    sys.exit(main())
