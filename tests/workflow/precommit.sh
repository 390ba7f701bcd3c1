#!/usr/bin/env bash
# The pre-commit hook with the real pre-commit: a hook repository holding
# this project's .pre-commit-hooks.yaml, and a project that uses it.  A
# commit that stages a C file with a finding is refused and the finding is
# printed; a clean commit passes.
source "$(dirname "$0")/lib.sh" "$@"

command -v pre-commit >/dev/null || fail "pre-commit is not installed (bash .ci/setup installs it)"
command -v git >/dev/null || fail "git is not installed (bash .ci/setup installs it)"
ROOT=$(cd "$HERE/../.." && pwd)

# Keep git and pre-commit away from the user's configuration and caches.
export HOME=$TMP/home PRE_COMMIT_HOME=$TMP/pre-commit-cache
export GIT_CONFIG_NOSYSTEM=1 GIT_AUTHOR_NAME=syncwise GIT_AUTHOR_EMAIL=ci@example.invalid
export GIT_COMMITTER_NAME=syncwise GIT_COMMITTER_EMAIL=ci@example.invalid
mkdir -p "$HOME"
git config --global init.defaultBranch main
git config --global commit.gpgsign false
# The hook runs the syncwise on PATH: the one under test.
BIN=$TMP/bin
mkdir -p "$BIN"
ln -s "$SYNCWISE" "$BIN/syncwise"
export PATH=$BIN:$PATH

step "a hook repository with the real .pre-commit-hooks.yaml"
HOOKS=$TMP/hooks
mkdir -p "$HOOKS"
cp "$ROOT/.pre-commit-hooks.yaml" "$HOOKS/"
git -C "$HOOKS" init -q
git -C "$HOOKS" add .pre-commit-hooks.yaml
git -C "$HOOKS" commit -q -m "hooks"
REV=$(git -C "$HOOKS" rev-parse HEAD)

step "a project that uses the hook"
P=$TMP/p
new_project "$P"
cd "$P"
cat >.pre-commit-config.yaml <<YAML
repos:
  - repo: $HOOKS
    rev: $REV
    hooks:
      - id: syncwise
        args: [--select, "SW202,SW303"]
YAML
git init -q
printf 'compile_commands.json\n' >.gitignore
git add .pre-commit-config.yaml .gitignore README.md
git commit -q -m "start" # before the hook is installed
pre-commit install >/dev/null

step "a clean commit passes"
git add src/app.h lib/users.c
set +e
git commit -m "users" >"$TMP/clean.log" 2>&1
rc=$?
set -e
cat "$TMP/clean.log"
[ "$rc" = 0 ] || fail "a commit without findings was refused"
has "$(cat "$TMP/clean.log")" "syncwise"
has "$(cat "$TMP/clean.log")" "Passed"

step "a commit with a finding is refused, and the finding is printed"
git add src/worker.c
set +e
git commit -m "worker" >"$TMP/refused.log" 2>&1
rc=$?
set -e
cat "$TMP/refused.log"
[ "$rc" != 0 ] || fail "a commit with a finding was accepted"
has "$(cat "$TMP/refused.log")" "Failed"
has "$(cat "$TMP/refused.log")" "src/worker.c:12:18: warning: 'strtok' is not thread-safe"
[ -z "$(git log --format=%s | grep -x worker || true)" ] || fail "the commit happened"

step "fixing the finding (or suppressing it) lets the commit through"
sed -i '11s|$| // syncwise: ignore[SW202]|; 12s|$| // syncwise: ignore[SW202]|' src/worker.c
git add src/worker.c
set +e
git commit -m "worker" >"$TMP/fixed.log" 2>&1
rc=$?
set -e
cat "$TMP/fixed.log"
[ "$rc" = 0 ] || fail "the suppressed commit was refused"

step "only staged files are checked: unstaged findings elsewhere do not block"
git add src/server.c # its SW303 finding lies in server.c, staged: refused
set +e
git commit -m "server" >"$TMP/server.log" 2>&1
rc=$?
set -e
[ "$rc" != 0 ] || fail "server.c with a finding was accepted"
has "$(cat "$TMP/server.log")" "src/server.c:32:9: warning: 'users_lookup' blocks the libuv loop"
lacks "$(cat "$TMP/server.log")" "vendor/codec.c" # not staged
echo "all pre-commit tests passed"
