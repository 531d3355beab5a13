"""The Qt part of `offscript --self-check`: can this install draw Offscript's windows?

Imports PySide6 only when called. Uses the offscreen platform unless QT_QPA_PLATFORM is
already set, so it runs without a display. Checks the platform plugins on disk (xcb and
offscreen on Linux), that QtWidgets and QtCharts load and render a chart, and that the SVG app
icon renders (the svg image-format/icon-engine plugins are present). Last, that the binding
keeps None alive across 10,000 void Qt calls (ui/infra/binding_probe.py): PySide6 6.12.0 on
Python 3.11 did not, and the app aborted while typing.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

REQUIRED_PLATFORMS = {"linux": ("xcb", "offscreen"), "darwin": ("cocoa", "offscreen"),
                      "win32": ("windows", "offscreen")}


def platform_plugins(plugins_dir: Path) -> list[str]:
    """Names of the platform plugins in Qt's plugins folder: libqxcb.so -> 'xcb'."""
    names = []
    for path in sorted((plugins_dir / "platforms").glob("*")):
        stem = path.name.split(".")[0]
        stem = stem.removeprefix("lib").removeprefix("q")
        if path.suffix in (".so", ".dylib", ".dll"):
            names.append(stem)
    return names


def check_qt() -> tuple[bool, str]:
    """(ok, one-line detail). Never raises for an expected failure; reports it instead."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    try:
        from PySide6 import __version__ as pyside_version
        from PySide6.QtCharts import QChart, QChartView, QPieSeries
        from PySide6.QtCore import QLibraryInfo, QSize
        from PySide6.QtGui import QIcon
        from PySide6.QtWidgets import QApplication
    except ImportError as exc:
        return False, f"PySide6 does not load: {exc}"
    plugins_dir = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.PluginsPath))
    found = platform_plugins(plugins_dir)
    wanted = REQUIRED_PLATFORMS.get(sys.platform, ("offscreen",))
    missing = [p for p in wanted if p not in found]
    if missing:
        return False, f"platform plugins missing {missing} in {plugins_dir} (found {found})"
    _app = QApplication.instance() or QApplication(["offscript-self-check"])
    series = QPieSeries()
    series.append("worked", 2)
    series.append("broke", 1)
    chart = QChart()
    chart.addSeries(series)
    view = QChartView(chart)
    view.resize(320, 240)
    if view.grab().isNull():
        return False, "QtCharts could not render a chart"
    from ui.infra.resources import APP_ICON, resource_path

    icon_file = resource_path(APP_ICON)
    pixmap = QIcon(str(icon_file)).pixmap(QSize(64, 64))
    if pixmap.isNull():
        return False, f"the SVG app icon does not render ({icon_file}; svg plugin missing?)"
    view.deleteLater()
    from ui.infra.binding_probe import check_binding

    binding_ok, binding = check_binding()
    if not binding_ok:
        return False, f"PySide6 {pyside_version}: {binding}"
    return True, (f"PySide6 {pyside_version} on '{QApplication.platformName()}'; widgets, charts and "
                  f"SVG icon render; platform plugins: {', '.join(found)}; {binding}")
