"""Trim a PyInstaller onedir bundle of Offscript down to what the app uses (Linux).

    python packaging/prune.py dist/Offscript [--dry-run]

1. Qt translations: the UI is English only and loads no QTranslator, so all go.
2. Qt plugins: keep only the families and members listed in KEEP_PLUGINS.
3. Qt/ICU/other shared libraries that nothing left in the bundle needs: computed as the
   DT_NEEDED closure (read with `objdump -p`, which PyInstaller itself requires on Linux) from
   the executable, Python extension modules and kept plugins. A library only reached from a
   removed plugin (libQt6Pdf via the pdf image format, libQt6Quick via a wayland plugin, ...)
   is removed with it.

4. System libraries PyInstaller copied from the build machine that must come from the
   user's system instead (SYSTEM_PROVIDED): the GTK stack only the gtk3 platform theme reaches
   (it loads the system's libgtk-3 anyway, and a bundled cairo/pango next to a newer system GTK
   is a classic crash), fontconfig/freetype (a bundled fontconfig chokes on a newer system
   fonts.conf), libdbus, and libstdc++/libgcc_s (a bundled older libstdc++ breaks the system's
   Mesa drivers: "GLIBCXX_3.4.x not found"). All are in packaging/system-deps.txt or their
   dependencies, and in every desktop install. Libraries only they needed then go in step 3.
   The xcb helper libraries (libxcb-cursor, -icccm, ...) stay bundled: their absence is the
   most common reason a Qt 6 app will not start from a tarball.
5. Symbols: every shared object goes through `strip --strip-unneeded` (pyenv's libpython and
   several wheels ship symbol tables); the executable is left alone (PyInstaller appends its
   archive to it).

Prints what it removed and the bytes saved. Never touches anything outside the bundle.
"""

from __future__ import annotations

import argparse
import re
import shutil
import subprocess
import sys
from pathlib import Path

# plugin family -> kept plugin stems (libq<stem>.so); a family absent here is removed whole.
KEEP_PLUGINS: dict[str, set[str]] = {
    "platforms": {"xcb", "offscreen", "minimal", "wayland", "wayland-generic"},
    "imageformats": {"svg"},  # PNG is built into QtGui; the app icon is SVG
    "iconengines": {"svgicon"},
    "platformthemes": {"gtk3", "xdgdesktopportal"},  # native file dialogs and colours
    "platforminputcontexts": {"composeplatforminputcontextplugin", "ibusplatforminputcontextplugin"},
    "xcbglintegrations": {"xcb-glx-integration", "xcb-egl-integration"},  # QtCharts uses OpenGL
    "wayland-shell-integration": {"xdg-shell"},
    "wayland-decoration-client": {"bradient"},
    "wayland-graphics-integration-client": {"t-plugin-wayland-egl"},  # libqt-plugin-wayland-egl
    "generic": set(),
    "tls": set(),  # QLocalServer only; no TLS sockets
    "networkinformation": set(),
    "egldeviceintegrations": set(),
}
SYSTEM_PROVIDED = (
    "libgtk-3.", "libgdk-3.", "libgdk_pixbuf-2.0.", "libcairo.", "libcairo-gobject.",
    "libpango-1.0.", "libpangocairo-1.0.", "libpangoft2-1.0.", "libatk-1.0.", "libatk-bridge-2.0.",
    "libharfbuzz.", "libfribidi.", "libthai.", "libdatrie.", "libgraphite2.", "libpixman-1.",
    "libjpeg.", "libepoxy.", "libXrender.", "libfontconfig.", "libfreetype.", "libdbus-1.",
    "libstdc++.", "libgcc_s.",
)
SONAME = re.compile(r"^\s*NEEDED\s+(\S+)", re.MULTILINE)


def qt_dir(bundle: Path) -> Path:
    for candidate in (bundle / "_internal" / "PySide6" / "Qt", bundle / "PySide6" / "Qt"):
        if candidate.is_dir():
            return candidate
    raise SystemExit(f"no PySide6/Qt folder in {bundle}: is it a PyInstaller bundle?")


def plugin_stem(path: Path) -> str:
    return path.name.split(".")[0].removeprefix("lib").removeprefix("q")


def is_elf(path: Path) -> bool:
    if not path.is_file() or path.is_symlink():
        return False
    with path.open("rb") as fh:
        return fh.read(4) == b"\x7fELF"


def _tool(name: str, *args: str) -> subprocess.CompletedProcess[str]:
    """Run a binutils tool on a file of the bundle (paths we listed ourselves, no shell)."""
    exe = shutil.which(name)
    if exe is None:
        raise SystemExit(f"{name} (binutils) is needed, as for PyInstaller itself")
    return subprocess.run([exe, *args], capture_output=True, text=True, check=False)  # noqa: S603


def needed(path: Path) -> set[str]:
    return set(SONAME.findall(_tool("objdump", "-p", str(path)).stdout))


def _size(path: Path) -> int:
    if path.is_dir():
        return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())
    return path.stat().st_size if path.exists() and not path.is_symlink() else 0


def _remove(path: Path, dry_run: bool, removed: list[tuple[Path, int]]) -> None:
    removed.append((path, _size(path)))
    if dry_run:
        return
    if path.is_dir() and not path.is_symlink():
        shutil.rmtree(path)
    else:
        path.unlink()


def prune_plugins(qt: Path, dry_run: bool, removed: list[tuple[Path, int]]) -> None:
    plugins = qt / "plugins"
    for family in sorted(p for p in plugins.iterdir() if p.is_dir()) if plugins.is_dir() else []:
        keep = KEEP_PLUGINS.get(family.name)
        if not keep:
            _remove(family, dry_run, removed)
            continue
        for plugin in sorted(family.iterdir()):
            if plugin_stem(plugin) not in keep:
                _remove(plugin, dry_run, removed)


def prune_system_libraries(bundle: Path, dry_run: bool,
                           removed: list[tuple[Path, int]]) -> None:
    for path in sorted(bundle.rglob("lib*.so*")):
        if path.name.startswith(SYSTEM_PROVIDED) and "plugins" not in path.parts:
            _remove(path, dry_run, removed)


def prune_libraries(bundle: Path, dry_run: bool, removed: list[tuple[Path, int]]) -> None:
    """Drop shared libraries no remaining ELF file needs, until nothing changes."""
    gone = {p for p, _ in removed}
    while True:
        elves = [p for p in bundle.rglob("*") if is_elf(p)
                 and not any(p == g or g in p.parents for g in gone)]
        wanted: set[str] = set()
        for elf in elves:
            wanted |= needed(elf)
        libs = [p for p in elves if ".so" in p.name and not _is_python_module(p)]
        orphans = [p for p in libs if p.name not in wanted and not _loaded_by_name(p)]
        if not orphans:
            break
        for lib in orphans:
            gone.add(lib)
            _remove(lib, dry_run, removed)
    for link in [p for p in bundle.rglob("*") if p.is_symlink() and not p.exists()]:
        link.unlink()  # PyInstaller's links to libraries removed above


def _is_python_module(path: Path) -> bool:
    """Extension modules and Qt plugins are loaded by path, never through DT_NEEDED."""
    return (".cpython-" in path.name or ".abi3." in path.name or "plugins" in path.parts
            or (path.suffix == ".so" and path.parent.name == "lib-dynload"))


def _loaded_by_name(path: Path) -> bool:
    """Libraries opened with dlopen() by name at run time: keep them even if unreferenced."""
    return path.name.startswith(("libpython", "libshiboken", "libpyside", "libQt6XcbQpa",
                                 "libQt6WaylandClient", "libQt6WlShellIntegration",
                                 "libQt6WaylandEglClientHwIntegration"))


def strip_symbols(bundle: Path) -> int:
    """`strip --strip-unneeded` every shared object (wheels often ship symbol tables, pyenv's
    libpython its debug info); the executable is left alone. Returns the bytes saved."""
    saved = 0
    for path in sorted(p for p in bundle.rglob("*") if is_elf(p) and p.parent != bundle):
        before = path.stat().st_size
        if _tool("strip", "--strip-unneeded", str(path)).returncode == 0:
            saved += before - path.stat().st_size
    return saved


def remove_empty_dirs(root: Path) -> None:
    for folder in sorted((p for p in root.rglob("*") if p.is_dir()), key=lambda p: -len(p.parts)):
        if not any(folder.iterdir()):
            folder.rmdir()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Trim an Offscript onedir bundle.")
    parser.add_argument("bundle", type=Path)
    parser.add_argument("--dry-run", action="store_true")
    args = parser.parse_args(argv)
    bundle: Path = args.bundle.resolve()
    if shutil.which("objdump") is None:
        raise SystemExit("objdump (binutils) is needed, as for PyInstaller itself")
    qt = qt_dir(bundle)
    removed: list[tuple[Path, int]] = []
    if (qt / "translations").is_dir():
        _remove(qt / "translations", args.dry_run, removed)
    prune_plugins(qt, args.dry_run, removed)
    prune_system_libraries(bundle, args.dry_run, removed)
    stripped = 0
    if not args.dry_run:
        prune_libraries(bundle, args.dry_run, removed)
        stripped = strip_symbols(bundle)
        remove_empty_dirs(qt / "plugins")
    for path, size in removed:
        print(f"  pruned {path.relative_to(bundle)} ({size / 1e6:.1f} MB)")
    total = sum(size for _, size in removed)
    print(f"prune: removed {len(removed)} items, {total / 1e6:.1f} MB; "
          f"stripped symbols, {stripped / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
