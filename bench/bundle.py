"""The packaged bundle (dist/Offscript/, built by `make package`): size and frozen start-up."""

from __future__ import annotations

import os
import statistics
import subprocess
import time
from pathlib import Path
from typing import Any

from bench.common import OFFSCRIPT, REPO, env_for, row

DIST = REPO / "dist" / "Offscript"


def size_mb(folder: Path) -> float:
    return sum(p.lstat().st_size for p in folder.rglob("*") if p.is_file() and not p.is_symlink()) / 1e6


def _ms(cmd: list[str], repeats: int) -> float:
    times = []
    env = env_for(None)
    for _ in range(repeats + 1):
        start = time.perf_counter()
        subprocess.run(cmd, env=env, capture_output=True, timeout=120, check=True)
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times[1:])


def run(repeats: int = 5) -> list[dict[str, Any]]:
    exe = DIST / "offscript"
    if not exe.exists() or not os.access(exe, os.X_OK):
        return [row("bundle", "dist/Offscript", None, None, "not built", None)]
    frozen = _ms([str(exe), "--version"], repeats)
    source = _ms([*OFFSCRIPT, "--version"], repeats)
    return [
        row("bundle", "size of dist/Offscript/", size_mb(DIST), None, "—", None, unit="MB"),
        row("bundle", "frozen `offscript --version` vs from source", frozen, source,
            "source `python -m journal.cli --version`", None),
    ]
