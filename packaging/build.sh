#!/bin/sh
# `make package`: build Offscript's desktop bundle with PyInstaller, trim it, verify it, and on
# Linux pack dist/offscript-VERSION-linux-x86_64.tar.gz and dist/offscript_VERSION_amd64.deb.
# Installs the exact versions in packaging/constraints.txt into the venv first.
#
#   PYTHON=.venv/bin/python sh packaging/build.sh
#   OFFSCRIPT_TRIM=0 ...   build without excludes and pruning (to measure the difference)
#   OFFSCRIPT_NO_DEB=1 ... skip the .deb (e.g. where dpkg-deb is missing)
set -eu
cd "$(dirname "$0")/.."
ROOT=$(pwd)
PY=${PYTHON:-.venv/bin/python}
TRIM=${OFFSCRIPT_TRIM:-1}
START=$(date +%s)
VERSION=$("$PY" -c 'import journal; print(journal.__version__)')
FINGERPRINT="$("$PY" packaging/fingerprint.py) trim=$TRIM"  # of the sources as built
BUNDLE=dist/Offscript
mb() { du -sb "$1" | awk '{printf "%.1f MB", $1 / 1e6}'; }

if [ "$(uname -s)" = Linux ] && ! command -v objdump >/dev/null 2>&1; then
    # PyInstaller and prune.py read ELF headers with binutils (objdump, strip).
    if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
        echo "binutils is missing; installing it"
        DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends binutils >/dev/null \
            || { apt-get update >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends binutils >/dev/null; }
    else
        echo "PyInstaller needs binutils (objdump): sudo apt-get install binutils" >&2; exit 1
    fi
fi
# The bundle is built from exact versions (PySide6 6.12.0 aborted the app while typing); see the
# header of packaging/constraints.txt to regenerate it.
echo "== installing the pinned versions from packaging/constraints.txt"
"$PY" -m pip install --quiet -c packaging/constraints.txt -e ".[package]"

case "$(uname -s)" in
    Darwin|MINGW*|MSYS*|CYGWIN*) "$PY" packaging/render_icons.py --ico build/icons --icns build/icons ;;
esac

echo "== PyInstaller $("$PY" -m PyInstaller --version) (offscript $VERSION)"
OFFSCRIPT_TRIM=$TRIM "$PY" -m PyInstaller --noconfirm --log-level WARN \
    --workpath build/pyinstaller --distpath dist packaging/offscript.spec
[ "$(uname -s)" = Linux ] || { echo "built dist/ in $(( $(date +%s) - START )) s"; exit 0; }

BUILT=$(( $(date +%s) - START ))
BEFORE=$(mb "$BUNDLE")
if [ "$TRIM" != 0 ]; then
    echo "== pruning unused Qt plugins, translations and libraries"
    "$PY" packaging/prune.py "$BUNDLE" | tail -n 1
fi
AFTER=$(mb "$BUNDLE")
echo "$FINGERPRINT" > "$BUNDLE/_internal/BUILD_FINGERPRINT"

echo "== verifying the bundle"
"$BUNDLE/offscript" --version
QT_QPA_PLATFORM=offscreen PYTHON_KEYRING_BACKEND=keyring.backends.fail.Keyring \
    "$BUNDLE/offscript" --self-check

echo "== packing"
STAGE=build/stage/offscript-$VERSION-linux-x86_64
rm -rf build/stage && mkdir -p "$STAGE"
cp -a "$BUNDLE" "$STAGE/Offscript"
cp ui/resources/offscript.desktop ui/resources/io.offscript.Offscript.metainfo.xml "$STAGE/"
mkdir -p "$STAGE/icons/hicolor/scalable/apps"
cp -a ui/resources/icons/hicolor/. "$STAGE/icons/hicolor/"
cp ui/resources/offscript.svg "$STAGE/icons/hicolor/scalable/apps/offscript.svg"
cp packaging/linux/install.sh packaging/linux/uninstall.sh "$STAGE/"
chmod 755 "$STAGE/install.sh" "$STAGE/uninstall.sh"
TARBALL=dist/offscript-$VERSION-linux-x86_64.tar.gz
tar -C build/stage -czf "$TARBALL" "offscript-$VERSION-linux-x86_64"

DEB=""
if [ "${OFFSCRIPT_NO_DEB:-0}" != 1 ] && command -v dpkg-deb >/dev/null 2>&1; then
    DEB=$(sh packaging/linux/make-deb.sh "$BUNDLE" "$VERSION")
fi

echo "== done in $(( $(date +%s) - START )) s (PyInstaller $BUILT s)"
echo "bundle before trimming: $BEFORE"
echo "bundle after trimming:  $AFTER  ($BUNDLE, du -sb)"
echo "tarball: $(mb "$TARBALL")  $TARBALL"
[ -z "$DEB" ] || echo "deb:     $(mb "$DEB")  $DEB"
