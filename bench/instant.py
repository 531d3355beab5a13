"""Issue 15, "instant": every goal as a ratio against a baseline measured in the same run.

- `offscript add` vs the SQLCipher floor (bench/floor_probe.py), keychain and passphrase mode
- `offscript --version` vs `python -c pass`
- `offscript search` vs jrnl 4.6 `-contains` on the same entries
- GUI start to the first shown window (main window; quick-log window) and peak RSS vs a bare
  PySide6 window
- Trash and Prompts first open, and the dashboard's longest freeze while it refreshes, at the
  largest size, against their 100 ms budget

Keychain mode uses the tests' file-backed keyring (PYTHON_KEYRING_BACKEND) unless a Secret
Service is reachable and OFFSCRIPT_BENCH_SECRET_SERVICE=1 (see `secret_service_rows`).
"""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
from pathlib import Path
from typing import Any

from bench import cli as cli_bench
from bench import startup
from bench.common import OFFSCRIPT, env_for, keychain_env, median_run_ms, row, run_ms
from bench.datagen import OUT, PASSPHRASE, fresh_copy, in_child

HERE = Path(__file__).resolve().parent
SEARCH = ["search", "invoice", "--limit", "20"]
BUDGET_MS = 100.0
FLOOR_WINDOW = "key + SQLCipher + count + 200 rows in a QTableView"
WIDGETS_ONLY = "the same kinds of widgets in plain PySide, nothing of ours"


def journal_key(folder: Path) -> str:
    # In a child: scrypt's 128 MiB must not stay in this process (see datagen.in_child).
    return in_child("from journal.vault import Vault; print(Vault.load(Path(sys.argv[1]) / "
                    "'vault.json').key_from_passphrase(sys.argv[2]).hex())",
                    str(folder), PASSPHRASE).strip()


def floor_ms(n: int, repeats: int) -> float:
    folder = fresh_copy(n, OUT / f"floor-{n}")
    env = env_for(None, FLOOR_KEY=journal_key(folder))
    try:
        return median_run_ms([sys.executable, str(HERE / "floor_probe.py"),
                              str(folder / "journal.db")], env, repeats)
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def cli_rows(n: int, repeats: int) -> list[dict[str, Any]]:
    label = f"{n // 1000}k"
    floor = floor_ms(n, repeats)
    folder, kc_env = keychain_env(n, "instant")
    pp_folder = fresh_copy(n, OUT / f"instant-pp-{n}")
    pp_env = env_for(pp_folder)
    try:
        kc_add = median_run_ms([*OFFSCRIPT, *cli_bench.ADD], kc_env, repeats)
        pp_add = median_run_ms([*OFFSCRIPT, *cli_bench.ADD], pp_env, repeats)
        kc_search = median_run_ms([*OFFSCRIPT, *SEARCH], kc_env, repeats)
        pp_search = median_run_ms([*OFFSCRIPT, *SEARCH], pp_env, repeats)
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        shutil.rmtree(pp_folder, ignore_errors=True)
        Path(kc_env["OFFSCRIPT_TEST_KEYRING"]).unlink(missing_ok=True)
    _j_add, j_search, note = cli_bench.jrnl(n)
    floor_name = "SQLCipher floor (open with key, insert 1 row + FTS5, FULL sync)"
    search_goal = 1.0 if n < 10_000 else 0.02  # faster at 2k; at least 50 times faster at 100k
    return [
        row("instant", f"`offscript add` into {label}, keychain mode", kc_add, floor,
            floor_name, 2.0, note="file-backed test keyring"),
        row("instant", f"`offscript add` into {label}, passphrase mode", pp_add, floor,
            floor_name, None, note="includes scrypt unlock, by design"),
        row("instant", f"`offscript search invoice` in {label}, keychain mode vs jrnl",
            kc_search, j_search, "`jrnl -contains invoice`", search_goal, note=note),
        row("instant", f"`offscript search invoice` in {label}, passphrase mode vs jrnl",
            pp_search, j_search, "`jrnl -contains invoice`", None,
            note="includes scrypt unlock"),
    ]


def version_row(repeats: int) -> dict[str, Any]:
    env = env_for(None)
    ours = median_run_ms([*OFFSCRIPT, "--version"], env, repeats)
    base = median_run_ms([sys.executable, "-c", "pass"], env, repeats)
    return row("instant", "`offscript --version`", ours, base, "`python -c pass`", 1.5)


def gui_rows(n: int, repeats: int) -> list[dict[str, Any]]:
    label = f"{n // 1000}k"
    folder, env = keychain_env(n, "instant-gui")
    try:
        m = startup.measure(folder, env, repeats)
        quick: list[float] = []
        floor: list[tuple[float, int]] = []
        alone: dict[str, list[float]] = {"widgets": [], "form": []}
        for _ in range(repeats):
            quick.append(startup.probe(["quick", str(folder)], env)[0])
            floor.append(startup.probe(["floor", str(folder)], env))
            for kind, times in alone.items():
                times.append(startup.probe([kind], env)[0])
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        Path(env["OFFSCRIPT_TEST_KEYRING"]).unlink(missing_ok=True)
    med = {k: statistics.median(v) for k, v in m.items()}
    note = "keychain mode, file-backed test keyring"
    return [
        row("instant", f"GUI start → main window shown, {label}", med["app_ms"], med["bare_ms"],
            "bare PySide6 window", 1.5, note=note),
        row("instant", f"quick-log window start, {label}", statistics.median(quick),
            med["bare_ms"], "bare PySide6 window", 1.3, note=note),
        row("instant", f"GUI peak RSS, {label}", med["app_rss"], med["bare_rss"],
            "bare PySide6 window", 1.5, unit="MB", note=note),
        # Not goals: the same two measures against what the work needs (start_probe.work_floor)
        row("instant", f"GUI start → main window shown, {label}, vs the work floor",
            med["app_ms"], statistics.median(t for t, _ in floor), FLOOR_WINDOW, note=note),
        row("instant", f"GUI peak RSS, {label}, vs the work floor", med["app_rss"],
            statistics.median(kib / 1024 for _, kib in floor), FLOOR_WINDOW, unit="MB",
            note=note),
        # Not goals: the windows' widgets alone (bench/widget_floor.py), i.e. the part of each
        # start ratio that PySide takes for what the window shows, before any work of ours
        row("instant", f"main window's widgets alone, no journal ({label} run)",
            statistics.median(alone["widgets"]), med["bare_ms"], "bare PySide6 window",
            note=WIDGETS_ONLY),
        row("instant", f"quick log's widgets alone, no journal ({label} run)",
            statistics.median(alone["form"]), med["bare_ms"], "bare PySide6 window",
            note=WIDGETS_ONLY),
    ]


def _page_probe(mode: str, folder: Path, env: dict[str, str]) -> dict[str, float]:
    done = subprocess.run([sys.executable, str(HERE / "page_probe.py"), mode, str(folder)],
                          env=env, capture_output=True, text=True, timeout=300, check=False)
    values = dict(line.split(" ", 1) for line in done.stdout.splitlines() if " " in line)
    if done.returncode != 0 or not values:
        raise RuntimeError(f"page probe {mode} failed: {done.stderr[-800:]}")
    return {k: float(v) for k, v in values.items()}


def page_rows(n: int, repeats: int) -> list[dict[str, Any]]:
    label = f"{n // 1000}k"
    folder, env = keychain_env(n, "instant-pages")
    try:
        pages = [_page_probe("pages", folder, env) for _ in range(repeats)]
        dash = [_page_probe("dashboard", folder, env) for _ in range(repeats)]
    finally:
        shutil.rmtree(folder, ignore_errors=True)
        Path(env["OFFSCRIPT_TEST_KEYRING"]).unlink(missing_ok=True)

    def med(runs: list[dict[str, float]], key: str) -> float:
        return statistics.median(r[key] for r in runs)

    budget = f"budget {BUDGET_MS:.0f} ms"
    return [
        row("instant", f"Trash page, first open, {label}", med(pages, "TRASH"), BUDGET_MS,
            budget, 1.0),
        row("instant", f"Prompts page, first open, {label}", med(pages, "PROMPTS"), BUDGET_MS,
            budget, 1.0),
        row("instant", f"dashboard refresh at {label}: longest GUI freeze", med(dash, "FREEZE"),
            BUDGET_MS, budget, 1.0,
            note=f"refresh done in {med(dash, 'REFRESH'):,.0f} ms"),
    ]


def secret_service_rows(n: int, repeats: int) -> list[dict[str, Any]]:
    """`offscript add` in keychain mode against a real Secret Service (gnome-keyring in a
    private D-Bus session): run the bench inside `dbus-run-session` with the daemon unlocked
    and OFFSCRIPT_BENCH_SECRET_SERVICE=1. No PYTHON_KEYRING_BACKEND: keyring finds it itself."""
    folder = fresh_copy(n, OUT / f"instant-ss-{n}")
    env = env_for(folder)
    del env["OFFSCRIPT_PASSPHRASE"]
    del env["PYTHON_KEYRING_BACKEND"]
    code = ("import os; from pathlib import Path; from journal import Journal;"
            "j = Journal.open(Path(os.environ['OFFSCRIPT_HOME']), passphrase=os.environ['P']);"
            "j.use_keychain(); j.close()")
    subprocess.run([sys.executable, "-c", code], env={**env, "P": PASSPHRASE}, check=True,
                   timeout=120)
    try:
        run_ms([*OFFSCRIPT, *cli_bench.ADD], env)  # the first open may record the backend
        add = median_run_ms([*OFFSCRIPT, *cli_bench.ADD], env, repeats)
    finally:
        subprocess.run([*OFFSCRIPT, "passphrase"], env={**env, "OFFSCRIPT_NEW_PASSPHRASE":
                                                        PASSPHRASE}, check=False, timeout=120)
        shutil.rmtree(folder, ignore_errors=True)
    return [row("instant", f"`offscript add` into {n // 1000}k, Secret Service keychain", add,
                floor_ms(n, repeats), "SQLCipher floor", 2.0,
                note="gnome-keyring in a private D-Bus session")]


def run(sizes: tuple[int, ...], repeats: int = 5) -> list[dict[str, Any]]:
    only = set(filter(None, os.environ.get("OFFSCRIPT_BENCH_PARTS", "").split(",")))
    want = (lambda part: not only or part in only)  # noqa: E731
    rows = [version_row(repeats)] if want("version") else []
    for n in sizes:
        if want("cli"):
            rows += cli_rows(n, repeats)
        if want("ss") and os.environ.get("OFFSCRIPT_BENCH_SECRET_SERVICE") == "1":
            rows += secret_service_rows(n, repeats)
        if want("gui"):
            rows += gui_rows(n, repeats)
    if want("pages"):
        rows += page_rows(max(sizes), repeats)
    return rows
