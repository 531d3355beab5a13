"""Light/dark appearance: follow the system scheme, or force one, and the outcome colours."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication

# (background, text) per outcome, for light and dark surroundings.
_BADGES = {
    False: {"worked": ("#d7f2dd", "#17642b"), "partly": ("#fdefc8", "#7a5500"),
            "broke": ("#fbd9d6", "#9a1f17")},
    True: {"worked": ("#1f5130", "#bff0cb"), "partly": ("#5a4714", "#ffe6a3"),
           "broke": ("#5e2320", "#ffc9c4")},
}
_GAIN = {False: "#17642b", True: "#8ee0a3"}
_LOSS = {False: "#b3261e", True: "#ff9b93"}


def is_dark() -> bool:
    app = QGuiApplication.instance()
    if app is None:
        return False
    return QGuiApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128


def badge_colors(outcome: str) -> tuple[QColor, QColor]:
    bg, fg = _BADGES[is_dark()].get(outcome, ("#dddddd", "#222222"))
    return QColor(bg), QColor(fg)


def net_color(minutes: int) -> QColor:
    return QColor(_GAIN[is_dark()] if minutes >= 0 else _LOSS[is_dark()])


def error_color() -> str:
    return _LOSS[is_dark()]


def _dark_palette() -> QPalette:
    pal = QPalette()
    roles = QPalette.ColorRole
    for role, color in ((roles.Window, "#232629"), (roles.WindowText, "#e6e6e6"),
                        (roles.Base, "#1b1e20"), (roles.AlternateBase, "#26292c"),
                        (roles.Text, "#e6e6e6"), (roles.Button, "#2d3136"),
                        (roles.ButtonText, "#e6e6e6"), (roles.Highlight, "#3d6bd1"),
                        (roles.HighlightedText, "#ffffff"), (roles.ToolTipBase, "#2d3136"),
                        (roles.ToolTipText, "#e6e6e6"), (roles.PlaceholderText, "#8a8f94"),
                        (roles.Link, "#8ab4ff")):
        pal.setColor(role, QColor(color))
    pal.setColor(QPalette.ColorGroup.Disabled, roles.Text, QColor("#6c7075"))
    pal.setColor(QPalette.ColorGroup.Disabled, roles.ButtonText, QColor("#6c7075"))
    return pal


def apply(app: QApplication, mode: str) -> None:
    """mode is 'system', 'light' or 'dark'. Forced modes also set a palette because some
    platform themes ignore QStyleHints.setColorScheme."""
    hints = app.styleHints()
    if mode == "system":
        hints.unsetColorScheme()
        app.setPalette(app.style().standardPalette())
        return
    wanted = Qt.ColorScheme.Dark if mode == "dark" else Qt.ColorScheme.Light
    hints.setColorScheme(wanted)
    if hints.colorScheme() != wanted or mode == "dark":
        app.setStyle("Fusion")
        app.setPalette(_dark_palette() if mode == "dark" else app.style().standardPalette())
