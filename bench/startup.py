"""Start-up to first window, and peak memory, with the 100k journal vs. a bare PySide6 window.

Two cases: the journal locked with a passphrase (scrypt on open: ~0.15 s and a 32 MB working
set, by design) and in keychain mode, the desktop default (the tests' file-backed keyring
stands in for the OS keychain, as in the CLI benchmark).
"""

from __future__ import annotations

import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from bench.common import env_for, keychain_env, row
from bench.datagen import OUT, journal_folder

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


def measure(folder: Path, env: dict[str, str], repeats: int) -> dict[str, list[float]]:
    probe(["bare"], env)  # warm the OS file cache for Qt's libraries
    probe(["app", str(folder)], env)
    out: dict[str, list[float]] = {"app_ms": [], "bare_ms": [], "app_rss": [], "bare_rss": []}
    for _ in range(repeats):  # interleaved, so load from other processes hits both alike
        t, rss = probe(["app", str(folder)], env)
        out["app_ms"].append(t)
        out["app_rss"].append(rss / 1024)
        t, rss = probe(["bare"], env)
        out["bare_ms"].append(t)
        out["bare_rss"].append(rss / 1024)
    return out


def run(n: int, repeats: int = 5) -> list[dict[str, Any]]:
    label = f"{n // 1000}k"
    folder = journal_folder(n)
    kc_folder, kc_env = keychain_env(n, "start")
    try:
        cases = [("passphrase mode", "includes unlocking (scrypt passphrase)",
                  measure(folder, env_for(folder), repeats)),
                 ("keychain mode", "file-backed test keyring as the keychain",
                  measure(kc_folder, kc_env, repeats))]
    finally:
        shutil.rmtree(kc_folder, ignore_errors=True)
        (OUT / f"{kc_folder.name}.keyring.json").unlink(missing_ok=True)
    rows = []
    for mode, note, m in cases:
        med = {k: statistics.median(v) for k, v in m.items()}
        rows.append(row("start", f"launch → main window shown, {label} journal, {mode}",
                        med["app_ms"], med["bare_ms"], "bare QLabel window", 1.3, note=note))
        rows.append(row("memory", f"peak RSS, main window with {label} journal, {mode}",
                        med["app_rss"], med["bare_rss"], "bare QLabel window", 1.5, unit="MB"))
    return rows
