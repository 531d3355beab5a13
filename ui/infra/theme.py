"""Light/dark appearance: follow the system scheme, or force one, and the outcome colours."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QGuiApplication, QPalette
from PySide6.QtWidgets import QApplication, QWidget

# (background, text) per outcome, for light and dark surroundings.
_BADGES = {
    False: {"worked": ("#d7f2dd", "#17642b"), "partly": ("#fdefc8", "#7a5500"),
            "broke": ("#fbd9d6", "#9a1f17")},
    True: {"worked": ("#1f5130", "#bff0cb"), "partly": ("#5a4714", "#ffe6a3"),
           "broke": ("#5e2320", "#ffc9c4")},
}
# The chosen outcome button: strong enough to stand >= 3:1 against a plain button in each theme.
_CHOICE = {
    False: {"worked": ("#1e7b34", "#ffffff"), "partly": ("#8a5a00", "#ffffff"),
            "broke": ("#b3261e", "#ffffff")},
    True: {"worked": ("#6fd08c", "#0d1f12"), "partly": ("#f0c24b", "#2a1f00"),
           "broke": ("#ff8f86", "#2b0b08")},
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


def outcome_choice_colors(outcome: str) -> tuple[QColor, QColor]:
    bg, fg = _CHOICE[is_dark()].get(outcome, ("#555555", "#ffffff"))
    return QColor(bg), QColor(fg)


def contrast(a: QColor, b: QColor) -> float:
    """WCAG contrast ratio of two colours (1 = same, 21 = black on white)."""

    def luminance(c: QColor) -> float:
        def channel(v: float) -> float:
            return v / 12.92 if v <= 0.03928 else ((v + 0.055) / 1.055) ** 2.4
        return (0.2126 * channel(c.redF()) + 0.7152 * channel(c.greenF())
                + 0.0722 * channel(c.blueF()))

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def net_color(minutes: int) -> QColor:
    return QColor(_GAIN[is_dark()] if minutes >= 0 else _LOSS[is_dark()])


def error_color() -> str:
    return _LOSS[is_dark()]


def set_style(widget: QWidget, sheet: str) -> None:
    """Set a style sheet only if it differs: each set re-polishes the widget, and some labels
    are restyled on every keystroke (15 error lines per key once cost ~0.4 ms a key)."""
    if widget.styleSheet() != sheet:
        widget.setStyleSheet(sheet)


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
    platform themes ignore QStyleHints.setColorScheme. Open windows follow at once."""
    hints = app.styleHints()
    if mode == "system":
        hints.unsetColorScheme()
        app.setPalette(app.style().standardPalette())
    else:
        wanted = Qt.ColorScheme.Dark if mode == "dark" else Qt.ColorScheme.Light
        hints.setColorScheme(wanted)
        if hints.colorScheme() != wanted or mode == "dark" or is_dark():
            app.setStyle("Fusion")
            app.setPalette(_dark_palette() if mode == "dark" else app.style().standardPalette())
    repolish(app)


def repolish(app: QApplication) -> None:
    """Widgets with a style sheet keep the palette they were polished with (the sidebar stayed
    dark, the editor heading went grey on grey): polish them again so they take the new one."""
    for top in app.topLevelWidgets():
        for widget in [top, *top.findChildren(QWidget)]:
            retheme = getattr(widget, "retheme", None)
            if callable(retheme):  # colours baked into a style sheet (net saved, errors)
                retheme()
            if widget.styleSheet():
                widget.setStyleSheet(widget.styleSheet())
            widget.update()


def follow_system(app: QApplication,
                  current_mode: Callable[[], str]) -> Callable[[Qt.ColorScheme], None]:
    """Re-apply 'system' when the desktop's light/dark scheme changes while we run (a forced
    Light or Dark stays as chosen)."""

    def changed(_scheme: Qt.ColorScheme) -> None:
        if current_mode() == "system":
            apply(app, "system")

    app.styleHints().colorSchemeChanged.connect(changed)
    return changed  # to disconnect
