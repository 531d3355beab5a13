"""The window icon: the packagers' PNGs, every size present and drawable (ui/infra/resources)."""

from __future__ import annotations

from PySide6.QtCore import QSize
from PySide6.QtWidgets import QApplication

from ui.infra.resources import WINDOW_ICON_SIZES, app_icon


def test_window_icon_has_every_size_and_draws(qapp: QApplication) -> None:
    icon = app_icon()
    assert sorted(size.width() for size in icon.availableSizes()) == list(WINDOW_ICON_SIZES)
    for size in WINDOW_ICON_SIZES:
        image = icon.pixmap(QSize(size, size)).toImage()
        assert image.width() == size and not image.isNull()
        assert image.pixelColor(size // 2, size // 2).alpha() > 0  # drawn, not blank
