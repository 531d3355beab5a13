"""Regenerate tests/share/reference/ from the fixed corpus:

    .venv/bin/python tests/share/make_reference.py

Then look at the changed files (git diff) before committing them: they are the contract.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE.parent.parent)]

from journal.share import ShareOptions, build_summary, lists, render, summary  # noqa: E402
from share.corpus import CREATED, LOGIN, make_journal  # noqa: E402

# (file stem, detail, include) — each rendered in every format listed
CASES = (
    ("full-all", "full", "all", ("md", "html", "json", "csv")),
    ("lessons-marked", "lessons", "marked", ("md", "json")),
    ("totals-marked", "totals", "marked", ("md", "csv")),
)


def outputs(journal: object) -> dict[str, bytes]:
    out: dict[str, bytes] = {}
    for stem, detail, include, formats in CASES:
        for fmt in formats:
            opts = ShareOptions(detail=detail, include=include, fmt=fmt)  # type: ignore[arg-type]
            out[f"{stem}.{fmt}"] = render(build_summary(journal, opts), fmt)  # type: ignore[arg-type]
    return out


def main() -> None:
    lists.login_names = lambda: [LOGIN]  # the same login name the tests use
    summary.created_now = lambda: CREATED  # type: ignore[attr-defined]  # and the same clock
    with tempfile.TemporaryDirectory() as tmp:
        journal = make_journal(Path(tmp) / "journal", passphrase="reference only")
        try:
            for name, data in outputs(journal).items():
                (HERE / "reference" / name).write_bytes(data)
                print(f"wrote reference/{name} ({len(data)} bytes)")
        finally:
            journal.close()


if __name__ == "__main__":
    main()
