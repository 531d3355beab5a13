"""Evaluate redaction on the hand-written corpus in tests/redact/fresh/corpus.json.

    .venv/bin/python tests/redact/fresh_eval.py

Every entry goes into a real journal, with the corpus's declared terms, and is exported
through journal.share at *full* and *lessons* detail; the summary's texts (what every
renderer writes) are then checked. Only the fields an export includes are judged:

- an item (host, secret, e-mail, address, ...) leaks when its text, a digit-bearing part of
  it, or (for organisations) its name without the legal suffix survives;
- a declared term leaks when any form of it (case, diacritics folded) survives;
- a name token (particles aside) leaks per occurrence that survives, whole word;
- ordinary words are every other word of the input; kept per surviving occurrence. The
  corpus's keep list (eponyms, products, variable names) is counted on its own too.
"""

from __future__ import annotations

import json
import re
import sys
import tempfile
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


HERE = Path(__file__).resolve().parent
CORPUS = HERE / "fresh" / "corpus.json"
LESSON_FIELDS = ("what_broke", "lesson")
FULL_FIELDS = ("title", "prompt", "what_broke", "lesson", "tags")
PARTICLES = _words("van von der den de da das do dos del di du la le bin ben ibn al el")
ORG_SUFFIXES = _words("corp inc ltd llc gmbh ag bank group labs")
START = datetime(2025, 3, 3, 9, 0)
_WORD = re.compile(r"[^\W\d_]{2,}(?:[-–][^\W\d_]+)*")


def fold(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text.casefold())
                   if not unicodedata.combining(c))


@dataclass
class Score:
    items: Counter[str] = field(default_factory=Counter)  # class -> judged
    leaked: Counter[str] = field(default_factory=Counter)  # class -> leaked
    leaks: list[str] = field(default_factory=list)
    name_tokens: int = 0
    name_leaked: int = 0
    ordinary: int = 0
    ordinary_kept: int = 0
    keep: int = 0
    keep_kept: int = 0
    lost: Counter[str] = field(default_factory=Counter)

    @property
    def structured_leaked(self) -> int:
        return sum(n for c, n in self.leaked.items() if c != "term")

    @property
    def name_rate(self) -> float:
        return self.name_leaked / max(1, self.name_tokens)

    @property
    def ordinary_rate(self) -> float:
        return self.ordinary_kept / max(1, self.ordinary)

    @property
    def keep_rate(self) -> float:
        return self.keep_kept / max(1, self.keep)


def load() -> dict[str, Any]:
    data: dict[str, Any] = json.loads(CORPUS.read_text(encoding="utf-8"))
    return data


def _texts(entry: dict[str, Any], fields: tuple[str, ...]) -> list[str]:
    out: list[str] = []
    for name in fields:
        value = entry.get(name)
        if isinstance(value, list):
            out.extend(value)
        elif value:
            out.append(value)
    return out


def _exported(row: Any, fields: tuple[str, ...]) -> list[str]:
    return _texts({f: (list(getattr(row, f)) if f == "tags" else getattr(row, f))
                   for f in fields}, fields)


def _whole(word: str, text: str) -> int:
    return len(re.findall(rf"(?<![^\W_]){re.escape(word)}(?![^\W_])", text))


def _item_leaked(item: dict[str, str], out: str, terms: list[str]) -> bool:
    text, cls = item["text"], item["class"]
    if text in out:
        return True
    if any(_whole(part, out) for part in re.findall(r"[\w]*\d[\w]*", text) if len(part) >= 4):
        return True
    if cls == "client":
        core = " ".join(w for w in text.split() if w.casefold() not in ORG_SUFFIXES)
        return bool(core) and _whole(core, out) > 0
    if cls == "term":
        folded = fold(out)
        return any(fold(t) in folded for t in terms)
    return False


def _name_tokens(names: list[str]) -> set[str]:
    return {t for n in names for t in n.split() if t.casefold() not in PARTICLES}


def score_entry(entry: dict[str, Any], outs: list[str], fields: tuple[str, ...],
                terms: list[str], score: Score) -> None:
    ins = _texts(entry, fields)
    src, out = "\n".join(ins), "\n".join(outs)
    for item in entry.get("items", []):
        if item["text"] not in src:
            continue
        score.items[item["class"]] += 1
        if _item_leaked(item, out, terms):
            score.leaked[item["class"]] += 1
            score.leaks.append(f"{entry['id']}: {item['class']} {item['text']!r}")
    for token in _name_tokens(entry.get("names", [])):
        n_in, n_out = _whole(token, src), _whole(token, out)
        score.name_tokens += n_in
        score.name_leaked += min(n_in, n_out)
        if n_out:
            score.leaks.append(f"{entry['id']}: name {token!r}")
    for word in entry.get("keep", []):
        n_in = _whole(word, src)
        score.keep += n_in
        score.keep_kept += min(n_in, _whole(word, out))
    # Ordinary words: whatever is left after the labelled stretches are masked.
    masked = src
    labelled = [i["text"] for i in entry.get("items", [])] + list(entry.get("names", []))
    for text in sorted(labelled, key=len, reverse=True):
        masked = masked.replace(text, " ")
    for token in _name_tokens(entry.get("names", [])):
        masked = re.sub(rf"(?<![^\W_]){re.escape(token)}(?![^\W_])", " ", masked)
    for term in terms:
        masked = re.sub(re.escape(term), " ", masked, flags=re.IGNORECASE)
    want = Counter(_WORD.findall(masked))
    have = Counter(_WORD.findall(out))
    for word, n in want.items():
        kept = min(n, have[word])
        score.ordinary += n
        score.ordinary_kept += kept
        if kept < n:
            score.lost[word] += n - kept


def evaluate(folder: Path) -> dict[str, Score]:
    """Scores per detail level ("full", "lessons") for a fresh journal in `folder`."""
    from journal import Journal
    from journal.entries import Entry
    from journal.share import ShareOptions, build_summary, lists

    data = load()
    journal, _ = Journal.create(folder, passphrase="fresh corpus only")
    for t in data["terms"]:
        lists.add_terms(journal, [t["text"]], t["kind"])
    terms = [t["text"] for t in data["terms"]]
    entries = data["entries"]
    journal.add_many([
        Entry(title=e["title"], tool="assistant", outcome="worked", minutes_without_ai=30,
              minutes_with_ai=10, prompt=e.get("prompt"), what_broke=e.get("what_broke"),
              lesson=e.get("lesson"), tags=list(e.get("tags", [])), share=True,
              occurred_at=START + timedelta(hours=n))
        for n, e in enumerate(entries)])
    scores: dict[str, Score] = {}
    for detail, fields in (("full", FULL_FIELDS), ("lessons", LESSON_FIELDS)):
        summary = build_summary(journal, ShareOptions(detail=detail, include="all"))
        score = Score()
        for row, entry in zip(summary.entries, entries, strict=True):  # rows in date order
            score_entry(entry, _exported(row, fields), fields, terms, score)
        scores[detail] = score
    journal.close()
    return scores



def report(scores: dict[str, Score]) -> str:
    lines = ["| class | " + " | ".join(f"{d} leaked" for d in scores) + " |",
             "|---|" + "---|" * len(scores)]
    classes = sorted({c for s in scores.values() for c in s.items})
    for c in classes:
        lines.append(f"| {c} | " + " | ".join(
            f"{s.leaked[c]}/{s.items[c]}" for s in scores.values()) + " |")
    lines.append("| **structured (all but term)** | " + " | ".join(
        f"{s.structured_leaked}/{sum(n for k, n in s.items.items() if k != 'term')}"
        for s in scores.values()) + " |")
    lines.append("| name tokens leaked | " + " | ".join(
        f"{s.name_leaked}/{s.name_tokens} ({s.name_rate:.1%})" for s in scores.values()) + " |")
    lines.append("| ordinary words kept | " + " | ".join(
        f"{s.ordinary_kept}/{s.ordinary} ({s.ordinary_rate:.1%})" for s in scores.values()) + " |")
    lines.append("| keep list kept | " + " | ".join(
        f"{s.keep_kept}/{s.keep} ({s.keep_rate:.1%})" for s in scores.values()) + " |")
    for d, s in scores.items():
        for leak in s.leaks:
            lines.append(f"- {d}: leaked {leak}")
        if s.lost:
            lines.append(f"- {d}: words lost " + ", ".join(
                f"{w}×{n}" for w, n in s.lost.most_common(40)))
    return "\n".join(lines)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        print(report(evaluate(Path(tmp) / "journal")))


if __name__ == "__main__":
    sys.path[:0] = [str(HERE.parent.parent)]
    main()
