"""Regenerate packaging/constraints.txt: the exact versions the desktop bundle is built from.

    .venv/bin/python -m tools.compile_constraints

Asks pip to resolve `.[package]` (runtime dependencies plus PyInstaller) as a dry run, from
whatever index pip is configured with, honouring the caps in pyproject.toml (PySide6 < 6.12),
and writes every resolved distribution as `name==version`. Review the diff before committing:
a changed Qt version must pass tests/gui/test_binding.py on Python 3.11 first.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TARGET = ROOT / "packaging" / "constraints.txt"
SKIP = {"offscript", "pip"}  # the project itself (installed editable) and the installer
HEADER = """\
# Exact versions for the desktop bundle: packaging/build.sh installs with `-c` this file, so a
# new upstream release cannot change a shipped binary unseen. Generated; do not edit by hand.
# Regenerate: .venv/bin/python -m tools.compile_constraints  (then review the diff; a new PySide6
# must pass tests/gui/test_binding.py on Python 3.11 - 6.12.0 frees None and aborts the app).
"""


def resolve() -> list[tuple[str, str]]:
    with tempfile.TemporaryDirectory() as tmp:
        report = Path(tmp) / "report.json"
        subprocess.run([sys.executable, "-m", "pip", "install", "--dry-run", "--ignore-installed",  # noqa: S603
                        "--quiet", "--report", str(report), f"{ROOT}[package]"], check=True)
        data = json.loads(report.read_text(encoding="utf-8"))
    pins = {(item["metadata"]["name"], item["metadata"]["version"]) for item in data["install"]}
    return sorted((p for p in pins if p[0].lower() not in SKIP), key=lambda p: p[0].lower())


def main() -> int:
    pins = resolve()
    TARGET.write_text(HEADER + "".join(f"{name}=={version}\n" for name, version in pins),
                      encoding="utf-8")
    print(f"wrote {len(pins)} pins to {TARGET.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
