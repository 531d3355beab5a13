#!/bin/sh
# Install Offscript for the current user from the unpacked tarball: no root needed.
#   ./install.sh            -> ~/.local/opt/offscript, ~/.local/bin/offscript, menu entry, icons
# Re-running upgrades in place. Your journal is not touched (it lives in ~/.local/share/Offscript).
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
DATA=${XDG_DATA_HOME:-$HOME/.local/share}
OPT=$HOME/.local/opt/offscript
BIN=$HOME/.local/bin

[ -x "$HERE/Offscript/offscript" ] || { echo "run install.sh from the unpacked tarball" >&2; exit 1; }
mkdir -p "$HOME/.local/opt" "$BIN" "$DATA/applications" "$DATA/metainfo"
rm -rf "$OPT.new"
cp -a "$HERE/Offscript" "$OPT.new"
rm -rf "$OPT" && mv "$OPT.new" "$OPT"
ln -sfn "$OPT/offscript" "$BIN/offscript"

# The menu entry runs the absolute path, so it works even if ~/.local/bin is not on PATH.
sed -e "s|^Exec=offscript|Exec=$OPT/offscript|" -e "s|^TryExec=offscript|TryExec=$OPT/offscript|" \
    "$HERE/offscript.desktop" > "$DATA/applications/offscript.desktop"
cp "$HERE/io.offscript.Offscript.metainfo.xml" "$DATA/metainfo/"
for dir in "$HERE"/icons/hicolor/*/apps; do
    size=$(basename "$(dirname "$dir")")
    mkdir -p "$DATA/icons/hicolor/$size/apps"
    cp "$dir"/offscript.* "$DATA/icons/hicolor/$size/apps/"
done
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$DATA/applications" || true
command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q -t "$DATA/icons/hicolor" || true

echo "Offscript installed in $OPT"
echo "Start it from your applications menu, or run: $BIN/offscript"
case ":$PATH:" in *":$BIN:"*) ;; *) echo "(add $BIN to your PATH to type just 'offscript')" ;; esac
