"""Runs inside the peer venv (bench/out/jrnl-venv): Presidio's pattern recognizers over a corpus.

`presidio_probe.py CORPUS.json` prints JSON {seconds, bytes, found: [[start, end], …] per text}.
Only PatternRecognizer-based predefined recognizers, called directly; no spaCy model needed.
"""

from __future__ import annotations

import json
import sys
import time

from presidio_analyzer.predefined_recognizers import (
    CreditCardRecognizer,
    EmailRecognizer,
    IbanRecognizer,
    IpRecognizer,
    PhoneRecognizer,
    UrlRecognizer,
    UsSsnRecognizer,
)


def main() -> None:
    with open(sys.argv[1], encoding="utf-8") as handle:
        texts = json.load(handle)["texts"]
    recognizers = [EmailRecognizer(), PhoneRecognizer(), IpRecognizer(), CreditCardRecognizer(),
                   IbanRecognizer(), UsSsnRecognizer(), UrlRecognizer()]
    plans = [(r, r.supported_entities) for r in recognizers]
    found = []
    start = time.perf_counter()
    for text in texts:
        spans = []
        for recognizer, entities in plans:
            for result in recognizer.analyze(text, entities, nlp_artifacts=None):
                spans.append([result.start, result.end])
        found.append(spans)
    seconds = time.perf_counter() - start
    size = sum(len(t.encode("utf-8")) for t in texts)
    print(json.dumps({"seconds": seconds, "bytes": size, "found": found}))


if __name__ == "__main__":
    main()
