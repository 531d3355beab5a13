"""Seeded, realistic journals for the benchmarks, cached under bench/out/ between runs.

`journal_folder(n)` returns a passphrase-mode journal of n entries (built with one add_many
transaction the first time); subprocesses open it with OFFSCRIPT_PASSPHRASE=PASSPHRASE.
`jrnl_text(entries)` writes the same entries in jrnl's plain-text format.
"""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path

from journal import Entry, Journal
from journal.entries import FAILURE_MODES, SUGGESTED_CATEGORIES

OUT = Path(__file__).resolve().parent / "out"
PASSPHRASE = "bench passphrase, not secret"
SEED = 6
START = datetime(2024, 1, 1, 8, 0)

TOOLS = (("ChatGPT", "gpt-4o"), ("Claude", "3.5 Sonnet"), ("Copilot", "1.2"), ("Gemini", "1.5"),
         ("Perplexity", None), ("Cursor", "0.42"), ("Llama", "3.1 70B"), ("Mistral", "large"))
TASKS = ("Summarise", "Draft", "Refactor", "Translate", "Review", "Explain", "Outline",
         "Classify", "Extract", "Rewrite", "Debug", "Plan", "Test", "Compare")
OBJECTS = ("the quarterly report", "a regex for invoice numbers", "release notes", "the SQL "
           "migration", "meeting notes", "a customer email", "unit tests for the parser",
           "the onboarding guide", "a slide deck outline", "contract clauses", "a bash script",
           "the API changelog", "survey answers", "a job description", "the incident review")
VOCAB = ("model", "prompt", "context", "table", "summary", "customer", "deadline", "format",
         "example", "draft", "section", "bullet", "tone", "formal", "json", "schema", "column",
         "invoice", "number", "date", "error", "stack", "trace", "function", "return", "value",
         "please", "write", "short", "clear", "list", "steps", "check", "facts", "sources",
         "team", "project", "budget", "quarter", "revenue", "growth", "risk", "plan", "review",
         "test", "case", "edge", "input", "output", "file", "line", "paragraph", "style", "guide")
RARE = ("zeugma", "quokka", "palimpsest", "kerfuffle", "sesquipedalian", "brouhaha")
LESSONS = ("give it two real examples first", "ask for JSON with a schema", "split the task",
           "paste the error verbatim", "check every number it cites", "state the audience",
           "it does not know our internal names", "shorter prompts worked better")
BROKE = ("invented a function that does not exist", "ignored the output format",
         "refused to summarise a contract", "used last year's API", "lost the thread after "
         "the third reply", "answer was generic", "timed out twice")


def _prompt(rng: random.Random) -> str:
    words = [rng.choice(VOCAB) for _ in range(rng.randint(150, 350))]
    if rng.random() < 0.002:
        words[rng.randrange(len(words))] = rng.choice(RARE)
    sentences, i = [], 0
    while i < len(words):
        step = rng.randint(8, 20)
        sentences.append(" ".join(words[i:i + step]).capitalize() + ".")
        i += step
    return " ".join(sentences)


def entries(n: int, seed: int = SEED) -> Iterator[Entry]:
    rng = random.Random(seed)
    span = 3 * 365 * 86400
    for i in range(n):
        tool, version = rng.choice(TOOLS)
        outcome = rng.choices(("worked", "partly", "broke"), (55, 28, 17))[0]
        by_hand = rng.randint(5, 240)
        with_ai = rng.randint(1, 300) if outcome == "broke" else rng.randint(1, by_hand + 30)
        yield Entry(
            title=f"{rng.choice(TASKS)} {rng.choice(OBJECTS)} ({i})", tool=tool,
            tool_version=version, outcome=outcome, minutes_without_ai=by_hand,
            minutes_with_ai=with_ai, occurred_at=START + timedelta(seconds=i * span // n),
            category=rng.choice((*SUGGESTED_CATEGORIES, None)), prompt=_prompt(rng),
            iterations=rng.randint(1, 6),
            failure_modes=rng.sample(FAILURE_MODES, rng.randint(1, 2))
            if outcome != "worked" else [],
            what_broke=rng.choice(BROKE) if outcome == "broke" else None,
            lesson=rng.choice(LESSONS) if rng.random() < 0.4 else None,
            tags=rng.sample(("docs", "code", "email", "data", "ops", "legal", "slides"),
                            rng.randint(0, 3)),
            id=f"00000000-0000-4000-8000-{i:012d}")


def journal_folder(n: int, log: bool = True) -> Path:
    """A cached journal of n entries (built on first use, reused afterwards)."""
    folder = OUT / f"journal-{n}"
    if Journal.exists(folder) and (folder / ".complete").exists():
        return folder
    shutil.rmtree(folder, ignore_errors=True)
    started = time.perf_counter()
    journal, _ = Journal.create(folder, passphrase=PASSPHRASE)
    try:
        journal.add_many(entries(n))
    finally:
        journal.close()
    (folder / ".complete").write_text(str(n))
    if log:
        print(f"  built {n:,}-entry journal in {time.perf_counter() - started:.0f} s", flush=True)
    return folder


def fresh_copy(n: int, target: Path) -> Path:
    """A throwaway copy of the cached journal (for benchmarks that write), at today's schema:
    no timed run pays a migration, and the floors (raw SQLCipher) see the same indexes as we do.
    Left as cached when the children run another commit's code (OFFSCRIPT_BENCH_CODE)."""
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(journal_folder(n), target)
    if not os.environ.get("OFFSCRIPT_BENCH_CODE"):
        in_child("from journal import Journal; "
                 "Journal.open(Path(sys.argv[1]), passphrase=sys.argv[2]).close()",
                 str(target), PASSPHRASE)
    return target


def in_child(code: str, *args: str, env: dict[str, str] | None = None) -> str:
    """Run journal code in a child process (this checkout's code, no keychain unless `env` says
    otherwise); its standard output. Keeps this process small (the start probes it runs next
    read their own VmHWM, but a lean parent forks faster too) and scrypt's 128 MiB out of it."""
    env = env or {**os.environ, "PYTHONPATH": str(OUT.parent.parent),
                  "PYTHON_KEYRING_BACKEND": "keyring.backends.fail.Keyring"}
    done = subprocess.run([sys.executable, "-c", f"import sys; from pathlib import Path; {code}",
                           *args], env=env, capture_output=True, text=True, timeout=600,
                          check=False)
    if done.returncode != 0:
        raise RuntimeError(f"bench child failed: {done.stderr[-1500:]}")
    return done.stdout


def jrnl_text(n: int) -> Path:
    """The same entries as a plain jrnl journal file (cached)."""
    path = OUT / f"jrnl-{n}.txt"
    if path.exists():
        return path
    with path.open("w", encoding="utf-8") as out:
        for e in entries(n):
            tags = " ".join(f"@{t}" for t in e.tags)
            body = "\n".join(x for x in (e.prompt, e.what_broke, e.lesson, tags) if x)
            stamp = e.occurred_at.strftime("%Y-%m-%d %I:%M:%S %p")
            out.write(f"[{stamp}] {e.title}.\n{body}\n\n")
    return path
