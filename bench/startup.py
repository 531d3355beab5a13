"""Start-up to first window, and peak memory, with the 100k journal vs. a bare PySide6 window."""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from bench.common import env_for, row
from bench.datagen import journal_folder

PROBE = Path(__file__).resolve().parent / "start_probe.py"


def probe(args: list[str], env: dict[str, str]) -> tuple[float, int]:
    """(ms from spawn to first shown window, peak RSS in KiB) of one child."""
    started = time.time()
    done = subprocess.run([sys.executable, str(PROBE), *args], env=env, capture_output=True,
                          text=True, timeout=180, check=False)
    values = dict(line.split(" ", 1) for line in done.stdout.splitlines() if " " in line)
    if "SHOWN" not in values:
        raise RuntimeError(f"start probe {args[0]} failed: {done.stderr[-800:]}")
    return (float(values["SHOWN"]) - started) * 1000, int(values.get("RSS", 0))


def run(n: int, repeats: int = 5) -> list[dict[str, Any]]:
    folder = journal_folder(n)
    env = env_for(folder)
    probe(["bare"], env)  # warm the OS file cache for Qt's libraries
    probe(["app", str(folder)], env)
    app_ms, bare_ms, app_rss, bare_rss = [], [], [], []
    for _ in range(repeats):  # interleaved, so load from other processes hits both alike
        t, rss = probe(["app", str(folder)], env)
        app_ms.append(t)
        app_rss.append(rss)
        t, rss = probe(["bare"], env)
        bare_ms.append(t)
        bare_rss.append(rss)
    label = f"{n // 1000}k"
    return [
        row("start", f"launch → main window shown, {label} journal",
            statistics.median(app_ms), statistics.median(bare_ms), "bare QLabel window", 1.3,
            note="includes unlocking (scrypt passphrase)"),
        row("memory", f"peak RSS, main window with {label} journal",
            statistics.median(app_rss) / 1024, statistics.median(bare_rss) / 1024,
            "bare QLabel window", 1.5, unit="MB"),
    ]
