#!/usr/bin/env bash
# run-nvim-test.sh SYNCWISE SRC_DIR EDITOR_NVIM_DIR: Neovim's built-in LSP
# client, headless, with editor/nvim's set-up.
set -euo pipefail
syncwise=$1 src=$2 nvimdir=$3
command -v nvim >/dev/null || { echo "nvim not found (bash .ci/setup installs neovim)" >&2; exit 1; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
# A copy of the project: the server writes its facts cache beside the database.
cp -R "$src/project" "$tmp/project"
export SYNCWISE=$syncwise PROJECT=$tmp/project SYNCWISE_NVIM=$nvimdir
export XDG_STATE_HOME=$tmp/state XDG_DATA_HOME=$tmp/data XDG_CACHE_HOME=$tmp/cache
timeout 200 nvim --headless -u NONE -i NONE -n -c "luafile $src/nvim_test.lua" </dev/null
