#!/usr/bin/env bash
# run-node-test.sh SYNCWISE SRC_DIR BUILD_DIR: the vscode-jsonrpc client test.
set -euo pipefail
syncwise=$1 src=$2 build=$3
command -v node >/dev/null || { echo "node not found (bash .ci/setup installs it)" >&2; exit 1; }
bash "$src/npm-prepare.sh" "$src" "$build/node"
# A copy of the project: the server writes its facts cache beside the database.
rm -rf "$build/node-project" && cp -R "$src/project" "$build/node-project"
NODE_PATH="$build/node/node_modules" exec node "$src/client_test.js" "$syncwise" "$build/node-project"
