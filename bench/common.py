"""Timing helpers shared by the benchmarks: medians, subprocess runs, environments, rows."""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.datagen import OUT, PASSPHRASE, fresh_copy, in_child

REPO = Path(__file__).resolve().parent.parent
# The Offscript code the child processes run: this tree, or (for before/after figures) an export
# of another commit named by OFFSCRIPT_BENCH_CODE, e.g. `git archive main | tar -x -C /tmp/base`.
CODE = Path(os.environ.get("OFFSCRIPT_BENCH_CODE") or REPO)
PEER_VENV = OUT / "jrnl-venv"


PEERS = ("jrnl==4.6", "presidio-analyzer")


def compile_code() -> None:
    """Write the bytecode of the code the children run, as an installed app has it.

    Without it a PYTHONDONTWRITEBYTECODE=1 in the environment makes every child compile
    journal/ and ui/ from source (~25 ms of each `offscript add` here) — a cost no user pays
    (pip and the bundle ship bytecode) and no baseline pays either."""
    import compileall

    for folder in (CODE / "journal", CODE / "ui", REPO / "tests" / "support"):
        if folder.is_dir():
            compileall.compile_dir(folder, quiet=1)


def ensure_peer_venv() -> bool:
    """Create bench/out/jrnl-venv with the peers (first run only). False if that fails."""
    python = PEER_VENV / "bin" / "python"
    if (PEER_VENV / "bin" / "jrnl").exists():
        return True
    print(f"[bench] installing {', '.join(PEERS)} into {PEER_VENV} (first run only)…",
          file=sys.stderr, flush=True)
    base = getattr(sys, "_base_executable", sys.executable)
    try:
        subprocess.run([base, "-m", "venv", str(PEER_VENV)], check=True, timeout=300)
        subprocess.run([str(python), "-m", "pip", "install", "--quiet", *PEERS], check=True,
                       timeout=1800)
    except (OSError, subprocess.SubprocessError) as exc:
        print(f"[bench] peers not installed ({exc}); their rows will say so", file=sys.stderr)
        return False
    return True


def median_ms(fn: Callable[[], Any], repeats: int = 7, warmup: int = 1) -> float:
    for _ in range(warmup):
        fn()
    times = []
    for _ in range(repeats):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def desktop_screen() -> Path:
    """An offscreen screen of 1920x1080 at 96 dpi for the GUI children: the default offscreen
    screen is 800x800, where the main window would open smaller (it fits its first size to the
    screen) than the 1280x800 bare window it is compared with."""
    path = OUT / "offscreen-1920x1080.json"
    if not path.exists():
        OUT.mkdir(parents=True, exist_ok=True)
        path.write_text('{"screens": [{"name": "bench", "x": 0, "y": 0, "width": 1920, '
                        '"height": 1080, "logicalDpiX": 96, "logicalDpiY": 96, "dpr": 1}]}\n')
    return path


def env_for(folder: Path | None = None, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("OFFSCRIPT")}
    env["PYTHONPATH"] = str(CODE)
    env["QT_QPA_PLATFORM"] = f"offscreen:configfile={desktop_screen()}"
    env["OFFSCRIPT_PASSPHRASE"] = PASSPHRASE
    env["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"  # never the real keychain
    if folder is not None:
        env["OFFSCRIPT_HOME"] = str(folder)
    env.update(extra)
    return env


def run_ms(cmd: list[str], env: dict[str, str], timeout: float = 120,
           stdin: str | None = None) -> tuple[float, subprocess.CompletedProcess[str] | None]:
    """Wall time of one subprocess run; (timeout * 1000, None) when it did not finish."""
    start = time.perf_counter()
    try:
        done = subprocess.run(cmd, env=env, capture_output=True, text=True, timeout=timeout,
                              input=stdin, check=False)
    except subprocess.TimeoutExpired:
        return timeout * 1000, None
    elapsed = (time.perf_counter() - start) * 1000
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd[:4])}… failed: {done.stderr[-500:]}")
    return elapsed, done


def median_run_ms(cmd: list[str], env: dict[str, str], repeats: int = 5,
                  before: Callable[[], None] | None = None) -> float:
    times = []
    for _ in range(repeats):
        if before:
            before()
        times.append(run_ms(cmd, env)[0])
    return statistics.median(times)


OFFSCRIPT = [sys.executable, "-m", "journal.cli"]


def row(area: str, case: str, ours: float | None, base: float | None, baseline: str,  # noqa: PLR0917
        goal: float | None = None, *, unit: str = "ms", note: str = "",
        ratio: float | None = None) -> dict[str, Any]:
    """One table row. ratio = ours / baseline unless given (e.g. throughput)."""
    if ratio is None and ours is not None and base:
        ratio = ours / base
    met = None if goal is None or ratio is None else ratio <= goal
    return {"area": area, "case": case, "ours": ours, "baseline": base,
            "baseline_name": baseline, "ratio": ratio, "goal": goal, "met": met,
            "unit": unit, "note": note}


def fmt_value(value: float | None, unit: str) -> str:
    if value is None:
        return "—"
    if unit == "ms":
        return f"{value:,.0f} ms" if value >= 100 else f"{value:.1f} ms"
    return f"{value:,.1f} {unit}"


def table(rows: list[dict[str, Any]]) -> str:
    lines = ["| area | case | Offscript | baseline | ratio | goal | |",
             "|---|---|---:|---|---:|---:|---|"]
    for r in rows:
        base = f"{r['baseline_name']}: {fmt_value(r['baseline'], r['unit'])}" \
            if r["baseline"] is not None else r["baseline_name"]
        ratio = f"{r['ratio']:.2f}×" if r["ratio"] is not None else "—"
        goal = f"≤ {r['goal']}×" if r["goal"] is not None else ""
        mark = {True: "met", False: "**missed**", None: ""}[r["met"]]
        note = f" {r['note']}" if r["note"] else ""
        lines.append(f"| {r['area']} | {r['case']} | {fmt_value(r['ours'], r['unit'])} | "
                     f"{base} | {ratio} | {goal} | {mark}{note} |")
    return "\n".join(lines)


def keychain_env(n: int, tag: str) -> tuple[Path, dict[str, str]]:
    """A copy of the n-entry journal switched to keychain mode, and the env that unlocks it.

    The tests' file-backed keyring stands in for the OS keychain (no scrypt on open)."""
    folder = fresh_copy(n, OUT / f"{tag}-kc-{n}")
    store = OUT / f"{tag}-kc-{n}.keyring.json"
    store.unlink(missing_ok=True)
    env = env_for(folder, PYTHONPATH=f"{CODE}{os.pathsep}{REPO / 'tests'}",
                  PYTHON_KEYRING_BACKEND="support.memory_keyring.FileKeyring",
                  OFFSCRIPT_TEST_KEYRING=str(store))
    del env["OFFSCRIPT_PASSPHRASE"]
    in_child("from journal import Journal; j = Journal.open(Path(sys.argv[1]), "
             "passphrase=sys.argv[2]); j.use_keychain(); j.close()",
             str(folder), PASSPHRASE, env=env)
    return folder, env
