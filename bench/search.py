"""As-you-type search at 100k: what the entries model runs per keystroke vs. its raw FTS5 SQL."""

from __future__ import annotations

from typing import Any

from bench.common import median_ms, row
from bench.datagen import PASSPHRASE, journal_folder
from journal import EntryFilter, Journal

# common words, a prefix being typed, and words in ~0.2% of prompts
WORDS = (("common", "summary"), ("common", "invoice number"), ("prefix", "revi"),
         ("rare", "quokka"), ("rare", "palimpsest"))


def run(n: int) -> list[dict[str, Any]]:
    journal = Journal.open(journal_folder(n), passphrase=PASSPHRASE)
    rows = []
    try:
        conn = journal.store.conn
        for kind, word in WORDS:
            flt = EntryFilter(query=word, prefix_last=True)

            def refresh(flt: EntryFilter = flt) -> None:  # the model: first page + total
                journal.list(flt, limit=100)
                journal.count(flt)

            statements: list[str] = []
            conn.set_trace_callback(statements.append)
            refresh()
            conn.set_trace_callback(None)

            def raw(statements: list[str] = statements) -> None:
                for sql in statements:
                    conn.execute(sql).fetchall()

            ours, base = median_ms(refresh), median_ms(raw)
            rows.append(row("search", f"type “{word}” ({kind}), {n // 1000}k: page of 100 + count",
                            ours, base, "same FTS5 SQL, raw", 2.0))
    finally:
        journal.close()
    return rows
