#!/usr/bin/env bash
# run-ale-test.sh SYNCWISE SRC_DIR EDITOR_VIM_DIR: the ALE linter's handler
# on real `syncwise --format json` output, in headless Neovim.
set -euo pipefail
syncwise=$1 src=$2 vimdir=$3
command -v nvim >/dev/null || { echo "nvim not found (bash .ci/setup installs neovim)" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cp -R "$src/project" "$tmp/project"
export SYNCWISE=$syncwise PROJECT=$tmp/project SYNCWISE_VIM=$vimdir ALE_STUB=$src/ale-stub
export XDG_STATE_HOME=$tmp/state XDG_DATA_HOME=$tmp/data
timeout 120 nvim --headless -u NONE -i NONE -n -S "$src/ale_test.vim" </dev/null
