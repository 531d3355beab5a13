"""Live theme switch (issue 14): Light <-> Dark repaints the sidebar, the editor heading and
the net-saved line at once, without a restart."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QLabel, QWidget

from journal import Journal
from ui.infra import theme
from ui.infra.settings import AppSettings
from ui.shell.main_window import MainWindow


@pytest.fixture
def app() -> Iterator[QApplication]:
    instance = QApplication.instance()
    assert isinstance(instance, QApplication)
    yield instance
    theme.apply(instance, "light")


def _background(widget: QWidget) -> QColor:
    image = widget.grab().toImage()
    return image.pixelColor(image.width() - 4, image.height() - 4)  # below the last item


def _ink(label: QLabel) -> QColor:
    """The colour of the text: the pixel that differs most from the label's corner."""
    image = label.grab().toImage()
    corner = image.pixelColor(0, 0)
    best, far = corner, -1
    for y in range(image.height()):
        for x in range(min(image.width(), 120)):
            c = image.pixelColor(x, y)
            d = abs(c.lightness() - corner.lightness())
            if d > far:
                best, far = c, d
    return best


def test_switching_theme_repaints_sidebar_heading_and_net(journal: Journal, qtbot,
                                                          settings: AppSettings,
                                                          app: QApplication) -> None:
    window = MainWindow(journal, settings)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    editor = window.journal_page.editor
    editor.without_ai.setValue(30)
    for mode, dark in (("dark", True), ("light", False), ("dark", True)):
        window.set_appearance(mode)
        qtbot.wait(20)
        side = _background(window.sidebar)
        assert (side.lightness() < 100) is dark, (mode, side.name())
        heading = _ink(editor.heading)
        assert (heading.lightness() > 150) is dark, (mode, heading.name())
        assert theme.contrast(heading, _background(editor)) >= 4.5
        net = _ink(editor.net)
        assert net.name() in {theme.net_color(30).name()} or theme.contrast(
            net, theme.net_color(30)) < 1.3, (mode, net.name())


def test_error_lines_follow_the_theme_but_typing_leaves_their_style_alone(
        journal: Journal, qtbot, settings: AppSettings, app: QApplication) -> None:
    """The editor's error colour is set when a line is made and on a theme switch, never per
    keystroke (a style sheet set on 15 labels per key was half the cost of typing)."""
    window = MainWindow(journal, settings)
    qtbot.addWidget(window)
    window.show()
    editor = window.journal_page.editor
    label = editor.errors.labels["title"]
    for mode in ("dark", "light"):
        window.set_appearance(mode)
        assert label.styleSheet() == f"color: {theme.error_color()};", mode
    sheets: list[str] = []
    for each in editor.errors.labels.values():
        each.setStyleSheet = sheets.append  # type: ignore[method-assign]
    editor.title.setFocus()
    qtbot.keyClicks(editor.title, "twelve keys.")
    qtbot.keyClick(editor.title, Qt.Key.Key_Tab)
    editor.title.setFocus()
    qtbot.keyClicks(editor.title, " more")
    assert sheets == []
    assert editor.values()["title"] == "twelve keys. more"


def test_system_scheme_change_is_followed_only_in_system_mode(app: QApplication,
                                                              monkeypatch) -> None:
    calls: list[str] = []
    monkeypatch.setattr(theme, "apply", lambda _app, mode: calls.append(mode))
    mode = "dark"
    slot = theme.follow_system(app, lambda: mode)
    try:
        app.styleHints().colorSchemeChanged.emit(app.styleHints().colorScheme())
        assert calls == []
        mode = "system"
        app.styleHints().colorSchemeChanged.emit(app.styleHints().colorScheme())
        assert calls == ["system"]
    finally:
        app.styleHints().colorSchemeChanged.disconnect(slot)


def test_dashboard_charts_and_cards_follow_the_theme(journal: Journal, qtbot,
                                                     settings: AppSettings,
                                                     app: QApplication) -> None:
    from journal.samples import sample_entries

    journal.add_many(sample_entries())
    window = MainWindow(journal, settings)
    qtbot.addWidget(window)
    window.resize(1280, 800)
    window.show()
    qtbot.waitExposed(window)
    window.show_page(window.dashboard)
    chart = window.dashboard.weekly.view
    for mode, dark in (("dark", True), ("light", False)):
        window.set_appearance(mode)

        def followed(chart=chart, dark=dark) -> bool:
            image = chart.grab().toImage()
            return (image.pixelColor(3, 3).lightness() < 100) is dark

        qtbot.waitUntil(followed, timeout=2000)
        side = _background(window.sidebar)
        assert (side.lightness() < 100) is dark
