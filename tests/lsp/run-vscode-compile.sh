#!/usr/bin/env bash
# run-vscode-compile.sh EXTENSION_DIR BUILD_DIR: `npm run compile` of the
# VS Code extension, in a copy under the build directory.
set -euo pipefail
ext=$1 build=$2
bash "$(dirname "$0")/npm-prepare.sh" "$ext" "$build/vscode" tsconfig.json src
rm -rf "$build/vscode/out"
(cd "$build/vscode" && npm run --silent compile)
test -s "$build/vscode/out/extension.js"
echo "vscode extension: compiled"
