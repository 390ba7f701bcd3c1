#!/usr/bin/env bash
# npm-prepare.sh SRC_DIR DEST_DIR: copies a package (package.json,
# package-lock.json and any extra files named after them) into DEST_DIR and
# installs its locked dependencies there with `npm ci`, unless the same lock
# file is already installed.  Keeps node_modules out of the source tree.
set -euo pipefail
src=$1 dest=$2
shift 2
command -v npm >/dev/null || { echo "npm not found (bash .ci/setup installs it)" >&2; exit 1; }
mkdir -p "$dest"
for f in package.json package-lock.json "$@"; do
    cp -R "$src/$f" "$dest/"
done
if [ -d "$dest/node_modules" ] && cmp -s "$dest/package-lock.json" "$dest/node_modules/.syncwise-lock"; then
    exit 0
fi
(cd "$dest" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
cp "$dest/package-lock.json" "$dest/node_modules/.syncwise-lock"
