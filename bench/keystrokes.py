"""Typing: what a key typed into the entry editor costs against the same key in a bare Qt field
(bench/keystroke_probe.py). The editor checks every field on each key and shows its rules; a
style sheet re-set on each error line per key once made that cost several times Qt's own."""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

from bench.common import env_for, row

HERE = Path(__file__).resolve().parent
# No goal: these rows watch for a per-key cost creeping back (bb6f90b: 22x and 3.3x).
GOAL = None


def run() -> list[dict[str, Any]]:
    with tempfile.TemporaryDirectory() as tmp:
        done = subprocess.run([sys.executable, str(HERE / "keystroke_probe.py"),
                               str(Path(tmp) / "journal")], env=env_for(None),
                              capture_output=True, text=True, timeout=600, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"keystroke probe failed:\n{done.stderr[-2000:]}")
    us = json.loads(done.stdout.strip().splitlines()[-1])
    return [
        row("typing", "a key typed into the editor's Title", us["editor_title"], us["bare_line"],
            "a bare QLineEdit", GOAL, unit="µs"),
        row("typing", "a key typed into the editor's Prompt", us["editor_prompt"], us["bare_text"],
            "a bare QPlainTextEdit", GOAL, unit="µs"),
    ]
