"""Small screens (issue 14): at 1024x640 and 1280x720 no visible widget is narrower than it
needs (nothing clipped), the entries list never scrolls sideways (columns give way by
priority), and the editor scrolls only vertically."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QComboBox,
    QLabel,
    QSizePolicy,
    QWidget,
)

from journal import Journal
from journal.samples import sample_entries
from ui.entries.entry_model import EntryTableModel
from ui.infra.settings import AppSettings
from ui.shell.main_window import MainWindow

TEXT_WIDGETS = (QAbstractButton, QAbstractSpinBox, QComboBox, QLabel)


def _clipped(window: QWidget) -> list[str]:
    """Visible widgets given less width than they ask for (text ones: their sizeHint, which
    is what their text needs; all: their minimumSizeHint)."""
    problems = []
    for widget in window.findChildren(QWidget):
        if not widget.isVisible() or widget.width() <= 0:
            continue
        need = widget.minimumSizeHint().width()
        elastic = widget.sizePolicy().horizontalPolicy() == QSizePolicy.Policy.Ignored
        if isinstance(widget, TEXT_WIDGETS) and not elastic and not (
                isinstance(widget, QLabel) and widget.wordWrap()):
            need = max(need, widget.sizeHint().width())
        if widget.width() < need:
            problems.append(f"{type(widget).__name__} '{widget.accessibleName() or ''}'"
                            f" {getattr(widget, 'text', lambda: '')()!r}:"
                            f" {widget.width()} < {need}")
    return problems


def _samples_window(journal: Journal, qtbot, settings: AppSettings,
                    size: tuple[int, int]) -> MainWindow:
    """The main window over the sample entries, shown at size."""
    journal.add_many(sample_entries())
    window = MainWindow(journal, settings)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    return window


@pytest.mark.parametrize("size", [(1024, 640), (1280, 720)])
def test_nothing_clipped_on_small_screens(journal: Journal, qtbot, settings: AppSettings,
                                          size: tuple[int, int]) -> None:
    window = _samples_window(journal, qtbot, settings, size)
    page = window.journal_page
    page.load_choices()
    page.reload()
    page.table.selectRow(0)
    page.editor.outcome.set_value("broke")  # the tallest form: failure modes shown
    page.filter_bar.outcome.setCurrentIndex(3)
    qtbot.wait(20)
    assert window.width() == size[0], "the window grew past the screen"
    assert _clipped(window) == []
    table = page.table
    assert not table.horizontalScrollBar().isVisible()
    shown = sum(table.columnWidth(c) for c in range(6) if not table.isColumnHidden(c))
    assert shown <= table.viewport().width()
    for col in (EntryTableModel.DATE, EntryTableModel.TITLE, EntryTableModel.OUTCOME):
        assert not table.isColumnHidden(col)
    scroll = page.editor.form_scroll
    assert not scroll.horizontalScrollBar().isVisible()
    assert scroll.widget().width() <= scroll.viewport().width()


def test_columns_come_back_when_there_is_room(journal: Journal, qtbot,
                                              settings: AppSettings) -> None:
    window = _samples_window(journal, qtbot, settings, (1024, 640))
    table = window.journal_page.table
    narrow = [c for c in range(6) if table.isColumnHidden(c)]
    window.resize(1900, 1000)
    qtbot.wait(20)
    assert [c for c in range(6) if table.isColumnHidden(c)] == []
    assert narrow  # at 1024 wide something had to give way


@pytest.mark.parametrize("size", [(1024, 640), (1280, 720)])
def test_other_pages_and_share_fit_small_screens(journal: Journal, qtbot, settings: AppSettings,
                                                 size: tuple[int, int]) -> None:
    from ui.share.dialog import ShareDialog

    window = _samples_window(journal, qtbot, settings, size)
    for page in (window.dashboard, window.prompts, window.trash):
        window.show_page(page)
        qtbot.wait(20)
        assert window.width() == size[0], f"{type(page).__name__} widened the window"
        assert _clipped(window) == [], type(page).__name__
    dialog = ShareDialog(journal, window)
    qtbot.addWidget(dialog)
    dialog.resize(*size)
    dialog.show()
    qtbot.waitUntil(lambda: not dialog.busy() and dialog.data != b"", timeout=10000)
    assert dialog.width() <= size[0] and _clipped(dialog) == []


class _Screen:
    def __init__(self, width: int, height: int) -> None:
        self.room = QRect(0, 0, width, height)

    def availableGeometry(self) -> QRect:
        return self.room


@pytest.mark.parametrize(("screen", "expected"), [((1920, 1080), (1280, 800)),
                                                  ((1366, 768), (1280, 720)),
                                                  ((1024, 640), (1024, 592))])
def test_a_first_start_opens_a_window_that_fits_the_screen(
        monkeypatch: pytest.MonkeyPatch, screen: tuple[int, int],
        expected: tuple[int, int]) -> None:
    from PySide6.QtGui import QGuiApplication

    from ui.infra.screen_fit import fitted
    from ui.shell.main_window import DEFAULT_SIZE

    monkeypatch.setattr(QGuiApplication, "primaryScreen", staticmethod(lambda: _Screen(*screen)))
    size = fitted(DEFAULT_SIZE)
    assert (size.width(), size.height()) == expected


def test_the_first_windows_fit_the_test_screen(journal: Journal, qtbot, settings: AppSettings
                                               ) -> None:
    """The offscreen test screen is 800x800: smaller than the main window's and the Share
    dialog's first sizes."""
    from PySide6.QtGui import QGuiApplication

    from ui.conversations.review_dialog import ReviewDialog
    from ui.share.dialog import ShareDialog

    room = QGuiApplication.primaryScreen().availableGeometry()
    window = MainWindow(journal, settings)  # no saved size yet
    qtbot.addWidget(window)
    for widget in (window, ShareDialog(journal, window), ReviewDialog(journal, window)):
        assert widget.width() <= room.width() and widget.height() <= room.height(), widget
