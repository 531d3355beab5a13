"""The CLI at 10k/100k: add and search vs. `offscript --version`, and vs. jrnl 4.6."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path
from typing import Any

from bench.common import (
    OFFSCRIPT,
    PEER_VENV,
    env_for,
    keychain_env,
    median_run_ms,
    row,
    run_ms,
)
from bench.datagen import OUT, fresh_copy, jrnl_text

ADD = ["add", "--title", "Benchmark entry", "--tool", "Claude", "--outcome", "worked",
       "--without", "30", "--with", "10", "--prompt", "a short prompt about invoices",
       "--tag", "bench"]
JRNL_TIMEOUT = {10_000: 120.0, 100_000: 180.0}
JRNL_CONFIG = """colors: {{body: none, date: none, tags: none, title: none}}
default_hour: 9
default_minute: 0
editor: ''
encrypt: false
highlight: false
indent_character: '|'
journals:
  default:
    journal: {path}
linewrap: 79
tagsymbols: '#@'
template: false
timeformat: '%Y-%m-%d %I:%M:%S %p'
version: v4.6
"""


def ours(n: int, repeats: int) -> tuple[float, float, float]:
    folder = fresh_copy(n, OUT / f"cli-{n}")
    env = env_for(folder)
    version = median_run_ms([*OFFSCRIPT, "--version"], env, repeats)
    add = median_run_ms([*OFFSCRIPT, *ADD], env, repeats)
    search = median_run_ms([*OFFSCRIPT, "search", "invoice", "--limit", "20"], env, repeats)
    shutil.rmtree(folder, ignore_errors=True)
    return version, add, search


def keychain_add(n: int, repeats: int) -> tuple[float, float]:
    """(version ms, add ms) for a keychain-mode journal, with the tests' file-backed keyring
    standing in for the OS keychain (no scrypt on open; the default mode on a desktop)."""
    folder, env = keychain_env(n, "cli")
    version = median_run_ms([*OFFSCRIPT, "--version"], env, repeats)
    add = median_run_ms([*OFFSCRIPT, *ADD], env, repeats)
    shutil.rmtree(folder, ignore_errors=True)
    Path(env["OFFSCRIPT_TEST_KEYRING"]).unlink(missing_ok=True)
    return version, add


def jrnl(n: int) -> tuple[float | None, float | None, str]:
    """(add ms, search ms, note); each timed once, capped by a timeout."""
    exe = PEER_VENV / "bin" / "jrnl"
    if not exe.exists():
        return None, None, "jrnl not installed (pip install jrnl==4.6 into bench/out/jrnl-venv)"
    timeout = JRNL_TIMEOUT.get(n, 60.0)
    with tempfile.TemporaryDirectory() as tmp:
        journal = Path(tmp) / "journal.txt"
        shutil.copyfile(jrnl_text(n), journal)
        config = Path(tmp) / "config"
        (config / "jrnl").mkdir(parents=True)
        (config / "jrnl" / "jrnl.yaml").write_text(JRNL_CONFIG.format(path=journal))
        env = env_for(None, XDG_CONFIG_HOME=str(config), XDG_DATA_HOME=str(Path(tmp) / "data"),
                      NO_COLOR="1")
        search_ms, done = run_ms([str(exe), "-contains", "invoice", "-n", "20"], env, timeout)
        search = search_ms if done else None
        add_ms, done = run_ms([str(exe), "Benchmark entry. a short prompt about invoices @bench"],
                              env, timeout)
        add = add_ms if done else None
    note = f"jrnl runs once each, capped at {timeout:.0f} s"
    return add, search, note


def run(sizes: tuple[int, ...], repeats: int = 5) -> list[dict[str, Any]]:
    rows = []
    for n in sizes:
        label = f"{n // 1000}k"
        version, add, search = ours(n, repeats)
        rows.append(row("cli", f"`offscript add` into {label}, passphrase mode", add, version,
                        "`offscript --version`", 1.3, note="includes scrypt unlock"))
        kc_version, kc_add = keychain_add(n, repeats)
        rows.append(row("cli", f"`offscript add` into {label}, keychain mode", kc_add,
                        kc_version, "`offscript --version`", 1.3,
                        note="file-backed test keyring as the keychain"))
        j_add, j_search, note = jrnl(n)
        capped = f"> {JRNL_TIMEOUT.get(n, 60):.0f} s (timed out)"
        rows.append(row("cli", f"`offscript add` into {label} vs jrnl", add, j_add,
                        "`jrnl TEXT`" if j_add else f"`jrnl TEXT` {capped}", None,
                        note=note, ratio=add / j_add if j_add else None))
        rows.append(row("cli", f"`offscript search invoice` in {label} vs jrnl", search, j_search,
                        "`jrnl -contains`" if j_search else f"`jrnl -contains` {capped}", None,
                        ratio=search / j_search if j_search else None))
        rows.append(row("cli", f"`offscript search invoice` in {label}", search, version,
                        "`offscript --version`", None))
    return rows
