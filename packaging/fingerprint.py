"""Print a hash of every source file that goes into the bundle.

build.sh stores it in dist/Offscript/_internal/BUILD_FINGERPRINT; tests/package reuse a bundle
only when it matches, so a stale dist/ is never tested by mistake.
"""

from __future__ import annotations

import hashlib
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ("journal", "ui", "packaging")
SKIP_PARTS = {"__pycache__", ".mypy_cache", ".ruff_cache"}


def fingerprint(root: Path = ROOT) -> str:
    digest = hashlib.sha256()
    files = [root / "pyproject.toml"]
    for top in SOURCES:
        files += [p for p in (root / top).rglob("*")
                  if p.is_file() and not SKIP_PARTS.intersection(p.parts)]
    for path in sorted(files):
        digest.update(str(path.relative_to(root)).encode() + b"\0")
        digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


if __name__ == "__main__":
    print(fingerprint())
    sys.exit(0)
