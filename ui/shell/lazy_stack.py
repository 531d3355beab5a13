"""A QStackedWidget whose pages are built the first time they are needed.

The main window has four pages, and three of them (Prompts, Trash, Dashboard) query the whole
journal when they are built: with 100k entries that is seconds spent on pages nobody has
opened yet. Each page here starts as an empty placeholder and its factory runs on first
`page(i)` (opening it, or code asking for it); after that it is an ordinary stacked page.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QStackedWidget, QWidget

Factory = Callable[[], QWidget]


class LazyStack(QStackedWidget):
    built = Signal(int, QWidget)  # index, the page just built

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._factories: dict[int, Factory] = {}

    def add_page(self, factory: Factory) -> int:
        """Append a page; `factory` runs on the first `page()` / `show_index()` for it."""
        index = self.addWidget(QWidget())  # placeholder
        self._factories[index] = factory
        return index

    def is_built(self, index: int) -> bool:
        return 0 <= index < self.count() and index not in self._factories

    def page(self, index: int) -> QWidget:
        """The page at `index`, built now if it was not yet."""
        factory = self._factories.pop(index, None)
        if factory is None:
            return self.widget(index)
        placeholder = self.widget(index)
        current = self.currentIndex()
        widget = factory()
        self.insertWidget(index, widget)  # the placeholder moves to index + 1 ...
        self.removeWidget(placeholder)  # ... and out; the indices are as before
        placeholder.deleteLater()
        self.setCurrentIndex(current)
        self.built.emit(index, widget)
        return widget

    def show_index(self, index: int) -> QWidget:
        widget = self.page(index)
        self.setCurrentIndex(index)
        return widget
