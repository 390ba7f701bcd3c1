# Helpers for the workflow tests: each test script sources this file and is
# run by ctest as `bash SCRIPT SYNCWISE BUILD_DIR TEST_BUILD_DIR`.
set -euo pipefail

SYNCWISE=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
BUILD_DIR=${2:-}
TEST_BUILD_DIR=${3:-}
HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
TMP=$(mktemp -d "${TMPDIR:-/tmp}/syncwise-wf.XXXXXX")
trap 'rm -rf "$TMP"' EXIT
STEP="setup"

fail() {
    echo "FAIL [$STEP]: $*" >&2
    exit 1
}

step() {
    STEP=$1
    echo "-- $STEP"
}

# new_project DIR: a fresh copy of tests/workflow/project with its
# compile_commands.json written for DIR.
new_project() {
    mkdir -p "$(dirname "$1")"
    cp -r "$HERE/project" "$1"
    sed "s#@DIR@#$1#g" "$1/compile_commands.json.in" >"$1/compile_commands.json"
}

# sw ARGS...: runs syncwise; sets OUT, ERR and RC.
sw() {
    set +e
    "$SYNCWISE" --color never --progress never "$@" >"$TMP/.out" 2>"$TMP/.err"
    RC=$?
    set -e
    OUT=$(cat "$TMP/.out")
    ERR=$(cat "$TMP/.err")
}

show() {
    printf 'exit status: %s\n--- stdout\n%s\n--- stderr\n%s\n' "$RC" "$OUT" "$ERR"
}

expect_rc() {
    [ "$RC" = "$1" ] || fail "exit status $RC, expected $1
$(show)"
}

# has TEXT NEEDLE / lacks TEXT NEEDLE: fixed-string checks.
has() {
    grep -qF -- "$2" <<<"$1" || fail "expected '$2' in:
$1
$(show)"
}

lacks() {
    if grep -qF -- "$2" <<<"$1"; then
        fail "did not expect '$2' in:
$1"
    fi
}

# count TEXT NEEDLE: number of lines containing NEEDLE.
count() {
    grep -cF -- "$2" <<<"$1" || true
}
