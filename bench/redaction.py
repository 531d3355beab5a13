"""Export with redaction of 10k entries (detail full) vs. Presidio's pattern recognizers.

Both read the same planted-PII corpus: the benchmark's entries with e-mails, phone numbers,
IPs, card numbers, IBANs, US SSNs and URLs planted into ~half the prompts. Throughput is input
MB/s; recall is the share of planted items that no longer appear (ours) / are covered by a
detected span (Presidio).
"""

from __future__ import annotations

import json
import random
import secrets
import subprocess
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.common import PEER_VENV, env_for, row
from bench.datagen import entries
from journal import Entry, Journal

CARDS = ("4111 1111 1111 1111", "5500 0000 0000 0004", "3400 0000 0000 009",
         "6011 0000 0000 0004", "4012 8888 8888 1881")
IBANS = ("DE89 3704 0044 0532 0130 00", "GB82 WEST 1234 5698 7654 32",
         "FR14 2004 1010 0505 0001 3M02 606", "NL91 ABNA 0417 1643 00")
FIRST = ("anna", "ben", "carla", "dev", "erin", "femi", "gus", "hana", "ivo", "jun")
DOMAINS = ("acme-corp.com", "example.org", "northwind.io", "globex.net")


def planted_item(rng: random.Random) -> tuple[str, str]:
    kind = rng.choice(("email", "phone", "ip", "card", "iban", "ssn", "url"))
    if kind == "email":
        value = f"{rng.choice(FIRST)}.{rng.choice(FIRST)}{rng.randint(1, 99)}@{rng.choice(DOMAINS)}"
    elif kind == "phone":
        value = f"+1 415 555 {rng.randint(100, 199):04d}" if rng.random() < 0.5 else \
            f"+44 20 7946 {rng.randint(0, 999):04d}"
    elif kind == "ip":
        value = ".".join(str(rng.randint(11, 223)) for _ in range(4))
    elif kind == "card":
        value = rng.choice(CARDS)
    elif kind == "iban":
        value = rng.choice(IBANS)
    elif kind == "ssn":
        value = f"{rng.randint(101, 665):03d}-{rng.randint(10, 99):02d}-{rng.randint(1000, 9999)}"
    else:
        value = f"https://{rng.choice(DOMAINS)}/tickets/{rng.randint(1000, 99999)}?ref=mail"
    return kind, value


def corpus(n: int) -> tuple[list[Entry], list[tuple[int, str, str]]]:
    rng = random.Random(42)
    out, planted = [], []
    for i, entry in enumerate(entries(n, seed=11)):
        entry.share = True
        if rng.random() < 0.5 and entry.prompt:
            words = entry.prompt.split(" ")
            for _ in range(rng.randint(1, 2)):
                kind, value = planted_item(rng)
                words.insert(rng.randrange(len(words)), f"contact {value} today")
                planted.append((i, kind, value))
            entry.prompt = " ".join(words)
        out.append(entry)
    return out, planted


def texts_of(items: list[Entry]) -> list[str]:
    return ["\n".join(x for x in (e.title, e.prompt, e.what_broke, e.lesson) if x) for e in items]


def ours(items: list[Entry], texts: list[str]) -> tuple[float, bytes, str]:
    """(seconds, output, what was measured)."""
    try:
        from journal.share import ShareOptions, build_summary, render
    except ImportError:
        from journal.redact import RedactionPolicy, Redactor
        start = time.perf_counter()
        redactor = Redactor(RedactionPolicy())
        out = "\n".join(redactor.redact(t).text for t in texts)
        return time.perf_counter() - start, out.encode(), "journal.redact.Redactor"
    with tempfile.TemporaryDirectory() as tmp:
        journal, _ = Journal.create(Path(tmp) / "j", passphrase=secrets.token_urlsafe())
        try:
            journal.add_many(items)
            opts = ShareOptions(detail="full", include="all", fmt="md")
            start = time.perf_counter()
            data = render(build_summary(journal, opts), opts.fmt)
            return time.perf_counter() - start, data, "journal.share build_summary+render (md)"
        finally:
            journal.close()


def presidio(texts: list[str], planted: list[tuple[int, str, str]]) -> tuple[float, float] | None:
    python = PEER_VENV / "bin" / "python"
    if not python.exists():
        return None
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "corpus.json"
        path.write_text(json.dumps({"texts": texts}), encoding="utf-8")
        done = subprocess.run([str(python), str(Path(__file__).with_name("presidio_probe.py")),
                               str(path)], env=env_for(None), capture_output=True, text=True,
                              timeout=900, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"presidio probe failed: {done.stderr[-800:]}")
    result = json.loads(done.stdout)
    hits = 0
    for index, _kind, value in planted:
        at = texts[index].find(value)
        spans = result["found"][index]
        hits += any(s <= at and at + len(value) <= e for s, e in spans)
    return result["bytes"] / 1e6 / result["seconds"], hits / len(planted)


def run(n: int = 10_000) -> list[dict[str, Any]]:
    items, planted = corpus(n)
    texts = texts_of(items)
    size_mb = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    seconds, output, what = ours(items, texts)
    text = output.decode("utf-8", "replace")
    recall = sum(value not in text for _i, _k, value in planted) / len(planted)
    peer = presidio(texts, planted)
    speed = size_mb / seconds
    note = f"{what}; {len(planted):,} planted items in {size_mb:.1f} MB"
    if peer is None:
        return [row("redaction", f"export {n // 1000}k entries, detail full", speed, None,
                    "Presidio not installed", None, unit="MB/s", note=note)]
    p_speed, p_recall = peer
    return [
        row("redaction", f"throughput, {n // 1000}k entries", speed, p_speed,
            "Presidio pattern recognizers", None, unit="MB/s", note=note,
            ratio=speed / p_speed),
        row("redaction", "recall on planted PII", recall * 100, p_recall * 100,
            "Presidio pattern recognizers", None, unit="%", ratio=recall / p_recall),
    ]
