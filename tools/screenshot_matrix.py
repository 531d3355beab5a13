"""The issue-14 screenshot matrix: journal, editor, dashboard and Share (rendered and exact)
at 1440x900 and 1024x640, light and dark. `python -m tools.screenshot_matrix docs/screenshots`
(also run by `python -m tools.screenshots`). Temp journals, in-memory keychain, as there."""

from __future__ import annotations

import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QWidget

from journal.share import lists
from tools.screenshots import capture, offscreen_app
from tools.share_screenshot import build_share_preview
from ui.infra import theme
from ui.shell.main_window import MainWindow

SIZES = ((1440, 900), (1024, 640))
MODES = ("light", "dark")


def _journal(folder: Path) -> MainWindow:
    from tools.screenshots import _window

    window = _window(folder)
    window.journal_page.load_choices()
    return window


def shot_journal(folder: Path) -> QWidget:
    window = _journal(folder)
    window.journal_page.table.selectRow(0)
    window.journal_page.table.setFocus()
    return window


def shot_editor(folder: Path) -> QWidget:
    window = _journal(folder)
    page = window.journal_page
    row = next(r for r in range(page.model.rowCount()) if page.model.entry(r).outcome == "broke")
    page.table.selectRow(row)
    page.editor.show_top(focus=True)
    return window


def shot_dashboard(folder: Path) -> QWidget:
    window = _journal(folder)
    window.show_page(window.dashboard)
    return window


def _share(folder: Path, rendered: bool) -> QWidget:
    dialog = build_share_preview(folder)
    # Full detail and two names to hide, so the highlights show in both views.
    lists.add_terms(dialog.journal, ["nginx", "Perplexity"], "client")
    dialog.panel.set_choice(detail="full", include="all", fmt="md")
    dialog.refresh()
    dialog.wait()
    dialog.views.setCurrentIndex(0 if rendered else 1)
    return dialog


SHOTS: list[tuple[str, Callable[[Path], QWidget]]] = [
    ("journal", shot_journal), ("editor", shot_editor), ("dashboard", shot_dashboard),
    ("share-rendered", lambda f: _share(f, True)), ("share-exact", lambda f: _share(f, False)),
]


def render_matrix(out_dir: Path, only: list[str] | None = None) -> list[Path]:
    app = offscreen_app()
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    lists.login_names = lambda: []  # type: ignore[attr-defined]  # no real login in shots
    for mode in MODES:
        theme.apply(app, mode)
        for width, height in SIZES:
            for name, builder in SHOTS:
                if not only or name in only:
                    target = out_dir / f"{name}-{width}x{height}-{mode}.png"
                    written.append(capture(app, builder, (width, height), target, 8))
    theme.apply(app, "system")
    return written


if __name__ == "__main__":
    import os

    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    for path in render_matrix(Path(sys.argv[1] if len(sys.argv) > 1 else "docs/screenshots"),
                              sys.argv[2:] or None):
        print(path)
