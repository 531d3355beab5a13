#!/bin/sh
# Makes sure the system libraries Qt needs for a real window are present (Debian/Ubuntu).
# Installs them when run as root, otherwise names the command to run. Never fails the build
# on other distributions: it only speaks for dpkg-based systems.
set -eu
deps_file="$(dirname "$0")/system-deps.txt"
command -v dpkg-query >/dev/null 2>&1 || exit 0
missing=""
for pkg in $(grep -v '^#' "$deps_file"); do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing="$missing $pkg"
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing system libraries Qt needs:$missing"
    DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $missing >/dev/null \
        || { apt-get update >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends $missing >/dev/null; }
else
    echo "Offscript's window needs these system libraries:$missing" >&2
    echo "Install them with:  sudo apt-get install$missing" >&2
    exit 1
fi
