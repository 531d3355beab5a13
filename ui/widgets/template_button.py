"""A "Template" button: pick a built-in or own template to fill an entry form, or save one."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QInputDialog, QMenu, QToolButton, QWidget

from journal import Journal, OffscriptError
from ui.infra import alerts


class TemplateButton(QToolButton):
    """Emits `picked` with the template's fields; `save_requested` with a new template's name."""

    picked = Signal(dict)
    save_requested = Signal(str)

    def __init__(self, journal: Journal, parent: QWidget | None = None, *,
                 can_save: bool = True) -> None:
        super().__init__(parent)
        self.journal = journal
        self.can_save = can_save
        self.setText("Template")
        self.setToolTip("Fill the form from a template (category, tags, tool, prompt skeleton, "
                        "minutes by hand)")
        self.setAccessibleName("Template")
        self.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.setMenu(QMenu(self))
        self.menu().aboutToShow.connect(self.refill)

    def refill(self) -> None:
        menu = self.menu()
        menu.clear()
        try:
            templates = self.journal.templates.all()
        except OffscriptError as exc:
            menu.addAction(f"Templates unavailable: {exc}").setEnabled(False)
            return
        own_started = False
        for template in templates:
            if not template.builtin and not own_started:
                menu.addSeparator()
                own_started = True
            fields = template.fields()
            menu.addAction(template.name, lambda f=fields: self.picked.emit(f))
        if self.can_save:
            menu.addSeparator()
            menu.addAction("Save this entry as a template…", self._ask_name)

    def _ask_name(self) -> None:
        name, ok = QInputDialog.getText(self, "Save as template", "Template name:")
        if ok and name.strip():
            self.save_requested.emit(name.strip())


def fill_empty(current: dict[str, Any], fields: dict[str, Any]) -> dict[str, Any]:
    """The template's values for the fields the person has not filled in yet."""
    return {k: v for k, v in fields.items() if current.get(k) in (None, "", [], 0)}


def save_template(parent: QWidget, journal: Journal, name: str, fields: dict[str, Any]) -> bool:
    try:
        journal.templates.save(name, fields)
    except OffscriptError as exc:
        alerts.warn(parent, "Template not saved", str(exc))
        return False
    return True
