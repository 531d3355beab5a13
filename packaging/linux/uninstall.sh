#!/bin/sh
# Remove a per-user Offscript install (made by install.sh).
#   ./uninstall.sh               -> removes the app, menu entry and icons; KEEPS your journal
#   ./uninstall.sh --purge-data  -> also deletes your journal folder and settings (asks first)
set -eu
DATA=${XDG_DATA_HOME:-$HOME/.local/share}
CONFIG=${XDG_CONFIG_HOME:-$HOME/.config}
STATE=${XDG_STATE_HOME:-$HOME/.local/state}
PURGE=0
for arg in "$@"; do
    case "$arg" in
        --purge-data) PURGE=1 ;;
        -y|--yes) YES=1 ;;
        *) echo "usage: uninstall.sh [--purge-data [--yes]]" >&2; exit 2 ;;
    esac
done

rm -rf "$HOME/.local/opt/offscript"
[ -L "$HOME/.local/bin/offscript" ] && rm -f "$HOME/.local/bin/offscript"
rm -f "$DATA/applications/offscript.desktop" "$DATA/metainfo/io.offscript.Offscript.metainfo.xml"
rm -f "$DATA"/icons/hicolor/*/apps/offscript.png "$DATA"/icons/hicolor/*/apps/offscript.svg
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database -q "$DATA/applications" || true
echo "Offscript removed."

JOURNAL=${OFFSCRIPT_HOME:-$DATA/Offscript}
if [ "$PURGE" = 1 ]; then
    if [ "${YES:-0}" != 1 ]; then
        printf 'Delete your journal %s and settings for good? Type "delete": ' "$JOURNAL"
        read -r answer
        [ "$answer" = delete ] || { echo "Kept your journal."; exit 0; }
    fi
    rm -rf "$JOURNAL" "$CONFIG/Offscript" "$STATE/Offscript" "$HOME/.cache/Offscript"
    echo "Deleted your journal and settings."
else
    echo "Your journal is kept in $JOURNAL (uninstall.sh --purge-data removes it)."
fi
