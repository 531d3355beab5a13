"""Ordinary words at the start of a sentence must survive, and so must their later uses.

    .venv/bin/python tests/redact/openers.py [--count 300] [--seed 5]

Builds `count` short journal notes from a seeded template set: each starts a sentence with an
ordinary capitalised word (a verb or noun of technical notes: "Trace", "Dedupe", "Latency")
and uses the same word in lower case later. Reports how many openers and later uses come
through unredacted; one Redactor per run, as one export would.
"""

from __future__ import annotations

import argparse
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from journal.redact import RedactionPolicy, Redactor

_OPENERS = """
Trace Classify Parse Scaffold Benchmark Summarise Summarize Refactor Dedupe Tokenize Lint Retry
Pin Bump Rerun Rebase Grep Diff Prompt Chunk Embed Rank Rerank Filter Label Annotate Split Merge
Cache Batch Stream Profile Patch Deploy Revert Quantize Distill Sample Shuffle Normalise
Normalize Validate Sanitize Scrape Crawl Index Query Fetch Upload Download Export Import
Translate Transcribe Rewrite Draft Outline Proofread Paraphrase Extract Compare Evaluate Score
Grade Calibrate Tweak Tune Swap Drop Trim Truncate Pad Mask Log Plot Chart Debug Stub Mock Fuzz
Seed Throttle Retrain Freeze Checkpoint Snapshot Archive Tag Flag Triage Escalate Schedule
Automate Template Format Wrap Prune Escape Serialize Hash Encrypt Compress Migrate Vectorize
Cluster Bucket Latency Throughput Recall Precision Temperature Context Overhead Accuracy Drift
Caching Sampling Chunking Scoring Hallucination Tokenizer Parser Linter Scraper Retriever
Dedup Upsert Backfill Tokenise Lemmatize Stem Regex Bisect Squash Cherry Stash Vendor Shard
Replay Rollback Warmup Autocomplete Redact Anonymise Pseudonymise Scan Sweep Ablate Probe
"""
OPENERS = _OPENERS.split()

TEMPLATES = (
    "{W} the {thing} before sending it to {tool}. The {w} step took {n} seconds.",
    "{W} everything twice. Next time I'll {w} it once and compare.",
    "Tried it on {n} prompts. {W} first, then ask {tool} for a summary; the {w} part is slow.",
    "{W} failed on the long input. Fixed the {w} settings and reran it.",
    "{W}: {n} items done. Will {w} the rest tomorrow.",
    "- {W} the logs\n- {w} again after lunch\n- check {tool}",
    "{W} worked much better than expected, so the {w} stays in the pipeline.",
    "1. {W} the dataset. 2. Check the {w} output against the {thing}.",
    '"{W} only the new rows," {tool} suggested. A full {w} takes {n} minutes.',
    "{W} is the bottleneck now; without {w} the run is {n}x faster.",
)
THINGS = ("transcript", "csv export", "eval set", "prompt file", "notebook", "log dump")
TOOLS = ("ChatGPT", "Claude", "Copilot", "Gemini", "Cursor", "Ollama")


def notes(count: int, seed: int) -> list[tuple[str, str]]:
    """(opener word, note) pairs; each note holds the word capitalised, then in lower case."""
    rng = random.Random(seed)
    out = []
    for i in range(count):
        word = OPENERS[i % len(OPENERS)]
        note = rng.choice(TEMPLATES).format(W=word, w=word.lower(), thing=rng.choice(THINGS),
                                           tool=rng.choice(TOOLS), n=rng.randint(2, 90))
        out.append((word, note))
    rng.shuffle(out)
    return out


def survival(count: int = 300, seed: int = 5) -> tuple[int, int, int, list[str]]:
    """(notes, openers kept, later lower-case uses kept, redacted openers)."""
    redactor = Redactor(RedactionPolicy())
    openers = later = 0
    lost: list[str] = []
    for word, note in notes(count, seed):
        spans = redactor.detect(note)
        first = re.search(rf"\b{word}\b", note)
        again = re.search(rf"\b{word.lower()}\b", note)
        assert first is not None and again is not None, note
        if not any(s.start < first.end() and first.start() < s.end for s in spans):
            openers += 1
        else:
            lost.append(word)
        later += not any(s.start < again.end() and again.start() < s.end for s in spans)
    return count, openers, later, lost


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else "")
    parser.add_argument("--count", type=int, default=300)
    parser.add_argument("--seed", type=int, default=5)
    args = parser.parse_args(argv)
    count, openers, later, lost = survival(args.count, args.seed)
    print(f"{count} notes, {len(set(OPENERS))} distinct openers (seed {args.seed}): "
          f"openers kept {openers}/{count} ({100 * openers / count:.1f}%), "
          f"later lower-case uses kept {later}/{count} ({100 * later / count:.1f}%).")
    if lost:
        print("Redacted openers:", ", ".join(sorted(set(lost))))


if __name__ == "__main__":
    main()
