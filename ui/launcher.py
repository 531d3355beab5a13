"""The installed `offscript` command: the journal's CLI with the desktop app plugged in.

journal/ never imports Qt or ui/, so this is where the two meet. Both hooks import lazily:
terminal commands stay as quick as they are without Qt.
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TextIO

from journal import cli


def open_app(journal_dir: Path, quick: bool) -> int:
    from ui.app import main as app_main

    return app_main([sys.argv[0]], journal_dir=journal_dir, quick=quick)


def check_qt() -> tuple[bool, str]:
    from ui.infra.qt_check import check_qt as probe

    return probe()


def main(argv: Sequence[str] | None = None, out: TextIO | None = None) -> int:
    return cli.main(argv, out, gui=open_app, qt_check=check_qt)


if __name__ == "__main__":
    sys.exit(main())
