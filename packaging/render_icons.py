"""Render ui/resources/offscript.svg to the PNG and platform icons the packages need.

    python packaging/render_icons.py [--png] [--ico DIR] [--icns DIR]

--png rewrites ui/resources/icons/hicolor/NxN/apps/offscript.png (committed, so builds do not
need a renderer). --ico / --icns write offscript.ico / offscript.icns (PNG frames, packed here
in Python; no Pillow or iconutil needed) into DIR for the Windows and macOS bundles.
Uses Qt's QSvgRenderer on the offscreen platform.
"""

from __future__ import annotations

import argparse
import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SVG = ROOT / "ui" / "resources" / "offscript.svg"
HICOLOR = ROOT / "ui" / "resources" / "icons" / "hicolor"
SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
ICO_SIZES = (16, 24, 32, 48, 64, 128, 256)  # the ICO format stops at 256
ICNS_TYPES = ((b"icp4", 16), (b"icp5", 32), (b"icp6", 64), (b"ic07", 128), (b"ic08", 256),
              (b"ic09", 512))


def render(size: int):  # -> QImage; Qt imported lazily so --help works without it
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    renderer = QSvgRenderer(str(SVG))
    if not renderer.isValid():
        raise SystemExit(f"cannot read {SVG}")
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    return image


def write_pngs() -> list[Path]:
    written = []
    for size in SIZES:
        target = HICOLOR / f"{size}x{size}" / "apps" / "offscript.png"
        target.parent.mkdir(parents=True, exist_ok=True)
        if not render(size).save(str(target), "PNG"):
            raise SystemExit(f"cannot write {target}")
        written.append(target)
    return written


def _png_bytes(size: int) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    render(size).save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def write_ico(target: Path) -> Path:
    """A Windows .ico with PNG-compressed frames (readable since Windows Vista)."""
    frames = [(size, _png_bytes(size)) for size in ICO_SIZES]
    header = struct.pack("<HHH", 0, 1, len(frames))
    offset = len(header) + 16 * len(frames)
    entries, blobs = b"", b""
    for size, png in frames:
        side = 0 if size >= 256 else size  # 0 means 256 in an ICO directory entry
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        offset += len(png)
        blobs += png
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(header + entries + blobs)
    return target


def write_icns(target: Path) -> Path:
    """A macOS .icns with PNG frames; `iconutil -c icns` on a .iconset does the same."""
    body = b"".join(struct.pack(">4sI", kind, len(png) + 8) + png
                    for kind, png in ((k, _png_bytes(s)) for k, s in ICNS_TYPES))
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(struct.pack(">4sI", b"icns", len(body) + 8) + body)
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--png", action="store_true", help="rewrite the committed PNGs")
    parser.add_argument("--ico", type=Path, metavar="DIR", help="write DIR/offscript.ico")
    parser.add_argument("--icns", type=Path, metavar="DIR", help="write DIR/offscript.icns")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    if args.png:
        for path in write_pngs():
            print(f"wrote {path.relative_to(ROOT)}")
    if args.ico:
        print(f"wrote {write_ico(args.ico / 'offscript.ico')}")
    if args.icns:
        print(f"wrote {write_icns(args.icns / 'offscript.icns')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
