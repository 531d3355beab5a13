"""The one place that tells the user something: shows a message box and logs it.

Tests patch these functions (or `_show`) instead of clicking through modal boxes.
"""

from __future__ import annotations

import logging

from PySide6.QtWidgets import QMainWindow, QMessageBox, QWidget

from ui.infra.modal import run_modal

log = logging.getLogger("offscript.ui")


def _show(icon: QMessageBox.Icon, parent: QWidget | None, title: str, text: str,
          detail: str = "") -> None:
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    if detail:
        box.setInformativeText(detail)
    run_modal(box)


def info(parent: QWidget | None, title: str, text: str, detail: str = "") -> None:
    log.info("%s: %s %s", title, text, detail)
    _show(QMessageBox.Icon.Information, parent, title, text, detail)


def warn(parent: QWidget | None, title: str, text: str, detail: str = "") -> None:
    log.warning("%s: %s %s", title, text, detail)
    _show(QMessageBox.Icon.Warning, parent, title, text, detail)


def error(parent: QWidget | None, title: str, text: str, detail: str = "") -> None:
    log.error("%s: %s %s", title, text, detail)
    _show(QMessageBox.Icon.Critical, parent, title, text, detail)


def ask(parent: QWidget | None, title: str, text: str, choices: list[str],
        default: int = 0) -> int:
    """Index of the chosen button, or -1 when the box was dismissed (Esc / close)."""
    log.info("ask %s: %s", title, text)
    box = QMessageBox(QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton,
                      parent)
    buttons = [box.addButton(label, QMessageBox.ButtonRole.ActionRole) for label in choices]
    box.setDefaultButton(buttons[default])
    run_modal(box)
    clicked = box.clickedButton()
    return buttons.index(clicked) if clicked in buttons else -1


def status_warn(window: QMainWindow | None, title: str, text: str, timeout_ms: int = 15_000) -> None:
    """A warning that must not interrupt: logged, and shown in the window's status bar."""
    log.warning("%s: %s", title, text)
    if window is not None:
        window.statusBar().showMessage(f"⚠ {title}: {text}", timeout_ms)
