#!/bin/sh
# Build dist/offscript_VERSION_amd64.deb from a pruned bundle; prints the .deb's path.
#   sh packaging/linux/make-deb.sh dist/Offscript 0.1.0
# Layout: /opt/offscript (bundle), /usr/bin/offscript -> /opt/offscript/offscript,
# /usr/share/{applications,icons/hicolor,metainfo}. Depends come from packaging/system-deps.txt.
# Icon caches and the desktop database are refreshed by dpkg triggers, so no maintainer scripts.
set -eu
BUNDLE=$1
VERSION=$2
ROOT=build/deb/offscript_${VERSION}_amd64
DEB=dist/offscript_${VERSION}_amd64.deb
rm -rf build/deb && mkdir -p "$ROOT/DEBIAN" "$ROOT/opt" "$ROOT/usr/bin" \
    "$ROOT/usr/share/applications" "$ROOT/usr/share/metainfo" "$ROOT/usr/share/icons/hicolor/scalable/apps" \
    "$ROOT/usr/share/doc/offscript"
cp -a "$BUNDLE" "$ROOT/opt/offscript"
ln -s /opt/offscript/offscript "$ROOT/usr/bin/offscript"
cp ui/resources/offscript.desktop "$ROOT/usr/share/applications/"
cp ui/resources/io.offscript.Offscript.metainfo.xml "$ROOT/usr/share/metainfo/"
cp -a ui/resources/icons/hicolor/. "$ROOT/usr/share/icons/hicolor/"
cp ui/resources/offscript.svg "$ROOT/usr/share/icons/hicolor/scalable/apps/"
cat > "$ROOT/usr/share/doc/offscript/copyright" <<COPYRIGHT
Format: https://www.debian.org/doc/packaging-manuals/copyright-format/1.0/
Upstream-Name: Offscript
License: MIT (Offscript); bundled Qt for Python (PySide6) is LGPL-3.0, SQLCipher BSD-3-Clause.
COPYRIGHT
chmod -R u+rwX,go+rX,go-w "$ROOT"

DEPENDS=$(grep -v '^#' packaging/system-deps.txt | grep -v '^[[:space:]]*$' | paste -sd, - | sed 's/,/, /g')
# The bundle needs at least the C library it was built against; libstdc++ comes from the system
# (prune.py takes the bundled copy out). Everything else Qt needs is in system-deps.txt.
MAINTAINER=${OFFSCRIPT_MAINTAINER:-Offscript maintainers <maintainers@offscript.invalid>}
GLIBC=$(getconf GNU_LIBC_VERSION | awk '{print $2}')
SIZE_KB=$(du -sk --exclude=DEBIAN "$ROOT" | cut -f1)
cat > "$ROOT/DEBIAN/control" <<CONTROL
Package: offscript
Version: $VERSION
Architecture: amd64
Maintainer: $MAINTAINER
Installed-Size: $SIZE_KB
Depends: libc6 (>= $GLIBC), libstdc++6, $DEPENDS
Section: utils
Priority: optional
Description: private, encrypted journal of your own AI experiments
 Offscript is a lab notebook for the AI experiments you run on real tasks:
 what you asked, which tool, how many tries, the minutes saved or lost,
 what broke and what you learned. A dashboard shows the honest net result.
 .
 The journal is one SQLCipher-encrypted file in your data folder; nothing is
 sent anywhere. Anonymized summaries can be previewed and exported to share.
CONTROL
mkdir -p dist
# zstd: 0.5 s against 19.4 s for dpkg-deb's default gzip -9 (and 5.8 s at -6), and a smaller
# .deb (59.7 vs 60.2 MB). Every dpkg that can install this package reads it: the package needs
# the glibc it was built against (Depends: libc6 >= that version, 2.36 on Debian 12), and dpkg
# reads zstd since Debian 12 (1.21.18) and Ubuntu 21.10.
dpkg-deb --root-owner-group -Zzstd --build "$ROOT" "$DEB" >/dev/null
echo "$DEB"
