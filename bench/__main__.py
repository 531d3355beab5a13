"""`make bench` = `python -m bench`: every figure is a ratio against a baseline from the same run.

    python -m bench            full run (1k/10k/100k journals, cached in bench/out/)
    python -m bench --quick    1k/10k only
    python -m bench --only start,search --write   write docs/benchmarks.md
"""

from __future__ import annotations

import argparse
import importlib
import os
import platform
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import Any

from bench.common import REPO, compile_code, ensure_peer_venv, row, table

AREAS = ("instant", "start", "search", "cli", "stats", "redaction", "typing", "bundle")


def machine() -> str:
    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        ram = int(Path("/proc/meminfo").read_text().split()[1]) / 1024 / 1024
    except (OSError, ValueError, IndexError):
        ram = 0.0
    return (f"{os.cpu_count()} cores (`nproc`), {cpu}, {ram:.0f} GB RAM, Python "
            f"{platform.python_version()}, {platform.system()} {platform.release()}")


def stats_rows(n: int) -> list[dict[str, Any]]:
    try:
        stats_bench = importlib.import_module("bench.stats_bench")
    except ModuleNotFoundError:
        stats_bench = None
    if stats_bench is not None and hasattr(stats_bench, "run"):
        return [row("stats", f"{r['scenario']}, {n // 1000}k", r["compute_stats_ms"],
                    r["raw_sql_ms"], f"its {r['statements']} SQL statements, raw", 1.5)
                for r in stats_bench.run(n)]
    from bench.common import median_ms
    from bench.datagen import PASSPHRASE, journal_folder
    from journal import Journal
    journal = Journal.open(journal_folder(n), passphrase=PASSPHRASE)
    try:
        conn, sqls = journal.store.conn, []
        conn.set_trace_callback(sqls.append)
        journal.stats()
        conn.set_trace_callback(None)
        ours = median_ms(journal.stats, 5)
        base = median_ms(lambda: [conn.execute(s).fetchall() for s in sqls], 5)
    finally:
        journal.close()
    return [row("stats", f"Journal.stats, {n // 1000}k", ours, base, "its SQL, raw", 1.5)]


def plan(quick: bool) -> dict[str, Callable[[], list[dict[str, Any]]]]:
    from bench import bundle, cli, instant, keystrokes, redaction, search, startup
    big = 10_000 if quick else 100_000
    return {
        "instant": lambda: instant.run((2_000, big)),
        "start": lambda: startup.run(big),
        "search": lambda: search.run(big),
        "cli": lambda: cli.run((1_000, 10_000) if quick else (10_000, 100_000)),
        "stats": lambda: stats_rows(big),
        "redaction": lambda: redaction.run(1_000 if quick else 10_000),
        "typing": keystrokes.run,
        "bundle": bundle.run,
    }


def write_docs(rows: list[dict[str, Any]], header: str) -> Path:
    path = REPO / "docs" / "benchmarks.md"
    intro = path.read_text(encoding="utf-8").split("<!-- table -->")[0] \
        if path.exists() else "# Benchmarks\n\n"
    end = path.read_text(encoding="utf-8").split("<!-- /table -->")[-1] \
        if path.exists() and "<!-- /table -->" in path.read_text(encoding="utf-8") else "\n"
    path.parent.mkdir(exist_ok=True)
    path.write_text(f"{intro}<!-- table -->\n{header}\n\n{table(rows)}\n<!-- /table -->{end}",
                    encoding="utf-8")
    return path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="1k/10k journals only")
    parser.add_argument("--only", help=f"comma-separated areas: {', '.join(AREAS)}")
    parser.add_argument("--write", action="store_true", help="write docs/benchmarks.md")
    parser.add_argument("--no-install", action="store_true",
                        help="do not create bench/out/jrnl-venv (jrnl, Presidio) if missing")
    args = parser.parse_args(argv)
    chosen = args.only.split(",") if args.only else list(AREAS)
    if not args.no_install and {"cli", "redaction", "instant"} & set(chosen):
        ensure_peer_venv()
    compile_code()
    steps = plan(args.quick)
    rows: list[dict[str, Any]] = []
    started = time.perf_counter()
    for area in chosen:
        print(f"[bench] {area}…", file=sys.stderr, flush=True)
        t0 = time.perf_counter()
        try:
            rows += steps[area]()
        except Exception as exc:  # one failing area must not lose the others' figures
            message = " ".join(str(exc).split())[-200:]
            rows.append(row(area, "failed", None, None, f"error: {message}", None))
        print(f"[bench] {area} done in {time.perf_counter() - t0:.0f} s", file=sys.stderr,
              flush=True)
    header = (f"Run {date.today()} ({'quick' if args.quick else 'full'}, "
              f"{time.perf_counter() - started:.0f} s) on {machine()}. Medians of 5–7 runs; "
              "each ratio is against a baseline measured in the same run.")
    print(header + "\n")
    print(table(rows))
    if args.write:
        print(f"\nwrote {write_docs(rows, header)}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
