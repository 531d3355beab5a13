"""Regenerate journal/data/names/english_large.txt and english_proper.txt from Debian's
SCOWL-based word lists:

    apt-get install -y wamerican wbritish
    .venv/bin/python tests/redact/make_english_large.py

english_large.txt: every entry of /usr/share/dict/american-english and british-english made
only of lower-case ASCII letters (proper nouns are capitalised there, possessives hold "'").
english_proper.txt: those of them that the lists also spell capitalised (don/Don,
lance/Lance, booth/Booth): possible names, so the redactor keeps judging them as it does an
unknown word. Both carry the lists' licence, which asks for its notices in every copy.
"""

from __future__ import annotations

import re
import subprocess
from pathlib import Path

SOURCES = ("/usr/share/dict/american-english", "/usr/share/dict/british-english")
LICENCE = Path("/usr/share/doc/wamerican/copyright")
OUT = Path(__file__).resolve().parents[2] / "journal" / "data" / "names"
_LOWER = re.compile(r"[a-z]+")
_CAPITAL = re.compile(r"[A-Z][a-z]+")


def _version() -> str:
    done = subprocess.run(["dpkg-query", "-W", "-f=${Version}", "wamerican"],
                          capture_output=True, text=True, check=False)
    return done.stdout.strip() or "unknown"


def _header(what: list[str], count: int) -> list[str]:
    lines = [
        *what,
        "",
        f"Source: Debian's wamerican and wbritish packages {_version()}",
        "(/usr/share/dict/american-english and british-english), built from SCOWL (Spell",
        "Checker Oriented Word Lists) by Kevin Atkinson. Made by tests/redact/make_english_large.py.",
        f"{count} words, one a line, sorted.",
        "",
        "Licence: permissive. The SCOWL copyright and permission notices follow, verbatim from",
        "the Debian package's copyright file, as they ask to appear in every copy.",
        "-" * 72,
        *LICENCE.read_text(encoding="utf-8").rstrip("\n").split("\n"),
        "-" * 72,
    ]
    return [("# " + line).rstrip() for line in lines]


def _write(name: str, what: list[str], words: set[str]) -> None:
    body = sorted(words)
    text = "\n".join([*_header(what, len(body)), *body]) + "\n"
    (OUT / name).write_text(text, encoding="utf-8")
    print(f"{name}: {len(body)} words")


def main() -> None:
    lower: set[str] = set()
    capital: set[str] = set()
    for source in SOURCES:
        for entry in Path(source).read_text(encoding="utf-8").split("\n"):
            if _LOWER.fullmatch(entry):
                lower.add(entry)
            elif _CAPITAL.fullmatch(entry):
                capital.add(entry.lower())
    _write("english_large.txt", [
        "Ordinary English words, American and British spellings. A capitalised word found here",
        "is no person's name unless the gazetteer (first_names.txt, surnames.txt) or",
        "english_proper.txt also lists it; a lower-case one never is. english_words.txt stays",
        "the curated core. Kept: entries made only of lower-case ASCII letters, which drops",
        "proper nouns (capitalised in the source), possessive 's forms and accented words.",
    ], lower)
    _write("english_proper.txt", [
        "Words of english_large.txt that the same lists also spell capitalised, as a name, place",
        "or brand (don/Don, lance/Lance, booth/Booth, chandler/Chandler). The redactor treats",
        "them, capitalised, like any unknown word (a name with a cue, uncertain mid-sentence);",
        "in lower case they are ordinary words.",
    ], lower & capital)


if __name__ == "__main__":
    main()
