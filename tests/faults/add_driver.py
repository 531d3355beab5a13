"""Adds entries in a loop, printing each id only after its commit; the tests SIGKILL it.

Run with the cli_env environment (file-backed test keychain, OFFSCRIPT_HOME). Mixes single adds,
large prompts (multi-page writes) and 20-entry batches (one transaction) so a kill can land in
every phase: building the transaction, writing WAL frames, committing, checkpointing.
"""

from __future__ import annotations

import os
import random
import sys
from pathlib import Path

from journal import Journal
from journal.entries import Entry


def entry(rng: random.Random, n: int) -> Entry:
    size = rng.choice((20, 200, 2000, 12000))
    return Entry(title=f"driver {os.getpid()} #{n}", tool="Claude", outcome="worked",
                 minutes_without_ai=rng.randint(0, 300), minutes_with_ai=rng.randint(0, 300),
                 prompt="lorem ipsum " * (size // 12), tags=["fault", f"p{os.getpid()}"])


def main() -> None:
    rng = random.Random(int(sys.argv[1]) if len(sys.argv) > 1 else 0)
    folder = Path(os.environ["OFFSCRIPT_HOME"])
    journal = Journal.open(folder)
    print("READY", flush=True)
    n = 0
    while True:
        n += 1
        if n % 5 == 0:
            batch = [entry(rng, n * 100 + i) for i in range(20)]
            journal.add_many(batch)
            print("\n".join(e.id for e in batch), flush=True)
        else:
            print(journal.add(entry(rng, n)).id, flush=True)


if __name__ == "__main__":
    main()
