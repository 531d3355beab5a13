"""Evaluate the redactor on the seeded synthetic corpus; prints a markdown report.

    python -m bench.redact_evaluate [--entries N] [--seed S]

Leak = any character of an embedded sensitive item not covered by a redacted span.
Person names are counted per name token, split into names whose parts the gazetteer
knows ("seen") and held-out names it does not ("unseen").
"""

from __future__ import annotations

import argparse
import time
from collections import Counter

from bench.redact_corpus import Doc, corpus, policy
from bench.redact_corpus_names import UNSEEN_NAMES
from journal.redact.lexicon import lexicon
from journal.redact.model import CATEGORIES, Span
from journal.redact.redactor import Redactor

_ORDER = [c for c in CATEGORIES if c != "domain"]


def _covered(spans: list[Span], start: int, end: int) -> bool:
    need = start
    for s in spans:
        if s.end <= need:
            continue
        if s.start > need:
            return False
        need = s.end
        if need >= end:
            return True
    return need >= end


def _overlaps(span: Span, doc: Doc) -> bool:
    return any(i.start < span.end and span.start < i.end and i.category != "tech"
               for i in doc.items)


def evaluate(entries: int, seed: int) -> str:
    docs = corpus(entries, seed)
    r = Redactor(policy())
    total: Counter[str] = Counter()
    leaked: Counter[str] = Counter()
    leaks: dict[str, Counter[str]] = {}
    false_hits: Counter[str] = Counter()
    false_count = 0
    spans_count = 0
    t0 = time.perf_counter()
    all_spans = [r.detect(d.text) for d in docs]
    elapsed = time.perf_counter() - t0
    size = sum(len(d.text.encode()) for d in docs)
    for doc, spans in zip(docs, all_spans, strict=True):
        spans_count += len(spans)
        for item in doc.items:
            if item.category == "person":
                # per token: "Nguyen Van An" is three chances to leak
                pos = item.start
                for word in item.surface.split():
                    key = f"person ({item.group})"
                    total[key] += 1
                    if not _covered(spans, pos, pos + len(word)):
                        leaked[key] += 1
                        leaks.setdefault(key, Counter())[word] += 1
                    pos += len(word) + 1
                continue
            key = item.category
            total[key] += 1
            hit = _covered(spans, item.start, item.end)
            if key == "tech":
                hit = not any(s.start < item.end and item.start < s.end for s in spans)
            if not hit:
                leaked[key] += 1
                leaks.setdefault(key, Counter())[item.surface] += 1
        for s in spans:
            if not _overlaps(s, doc):
                false_count += 1
                false_hits[doc.text[s.start : s.end]] += 1
    return _report(total, leaked, leaks, false_count=false_count, spans_count=spans_count,
                   false_hits=false_hits, size=size, elapsed=elapsed, entries=entries, seed=seed)


def _report(total: Counter[str], leaked: Counter[str], leaks: dict[str, Counter[str]], *,
            false_count: int, spans_count: int, false_hits: Counter[str], size: int,
            elapsed: float, entries: int, seed: int) -> str:
    lex = lexicon()
    unseen_parts = [w.casefold() for n in UNSEEN_NAMES for w in n.split()]
    absent = sum(not lex.is_name(w) for w in unseen_parts)
    lines = [
        f"Corpus: {entries} entries, seed {seed}, {size / 1e3:.0f} kB; "
        f"detect() ran at {size / 1e6 / elapsed:.2f} MB/s.",
        f"Held-out name parts absent from the gazetteer: {absent}/{len(unseen_parts)}.",
        "",
        "| category | items | leaked | recall |",
        "| --- | ---: | ---: | ---: |",
    ]
    keys = [k for k in (*_ORDER, "person (seen)", "person (unseen)") if total[k]]
    for key in keys:
        if key == "person":
            continue
        n, bad = total[key], leaked[key]
        lines.append(f"| {key} | {n} | {bad} | {100 * (n - bad) / n:.1f}% |")
    n, bad = total["tech"], leaked["tech"]
    lines.append(f"| technical / ordinary words (must survive) | {n} | {bad} redacted | "
                 f"{100 * (n - bad) / n:.1f}% survived |")
    lines += [
        "",
        f"False redactions (spans touching no planted item): {false_count} of {spans_count} "
        f"spans ({100 * false_count / max(1, spans_count):.1f}%).",
    ]
    if false_hits:
        top = ", ".join(f"`{w}` x{c}" for w, c in false_hits.most_common(8))
        lines.append(f"Most frequent: {top}.")
    for key, counter in sorted(leaks.items()):
        top = ", ".join(f"`{w}` x{c}" for w, c in counter.most_common(6))
        lines.append(f"Leaks in {key}: {top}.")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else "")
    parser.add_argument("--entries", type=int, default=400)
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    print(evaluate(args.entries, args.seed))


if __name__ == "__main__":
    main()
