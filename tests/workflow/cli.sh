#!/usr/bin/env bash
# Command-line behaviour around the report: --fail-on, --color, --progress,
# --format, the summary line.
source "$(dirname "$0")/lib.sh" "$@"

P=$TMP/p
new_project "$P"
cd "$P"

step "summary line"
sw --select SW202,SW303
expect_rc 1
has "$(tail -n 1 <<<"$OUT")" "4 warnings in 3 files (4 files analysed)"
sw --select SW303 lib/users.c
expect_rc 0
has "$OUT" "no findings (4 files analysed)"

step "--fail-on"
sw --select SW202,SW303 --fail-on error
expect_rc 0
sw --select SW202,SW303 --fail-on never
expect_rc 0
sw --select SW202,SW303 --fail-on note
expect_rc 1
echo '{"levels": {"SW2": "note"}}' >.syncwise.json
sw --select SW202
expect_rc 0 # notes are below the default --fail-on warning
has "$OUT" "note: 'strtok' is not thread-safe"
sw --select SW202 --fail-on note
expect_rc 1
echo '{"levels": {"SW202": "error"}}' >.syncwise.json
sw --select SW202 --fail-on error
expect_rc 1
rm .syncwise.json
sw --fail-on sometimes
expect_rc 2
has "$ERR" "syncwise: error: --fail-on: 'sometimes' is not one of note, warning, error, never"

step "--color"
sw --select SW303 --color always
has "$OUT" $'\033[1;35mwarning'
has "$OUT" "  32 |         users_lookup(name);" # the source line
sw --select SW303
lacks "$OUT" $'\033['
sw --color sometimes
expect_rc 2

step "--progress"
sw --select SW303 --progress always
has "$ERR" "[1/4] "
has "$ERR" "[4/4] "
has "$ERR" "src/server.c"
lacks "$OUT" "[1/4]"
sw --select SW303 --progress auto # stderr is not a terminal here
lacks "$ERR" "[1/4]"
sw --select SW303 --progress never
[ -z "$ERR" ] || fail "no progress expected: $ERR"
sw --progress sometimes
expect_rc 2
has "$ERR" "syncwise: error: --progress: 'sometimes' is not one of auto, always, never"
if command -v script >/dev/null; then
    # On a terminal: one line rewritten in place, cleared at the end.
    script -qec "'$SYNCWISE' --select SW303 --color never -o /dev/null" /dev/null >"$TMP/tty.log" 2>&1 || true
    grep -q $'\r\\[4/4\\]' "$TMP/tty.log" || fail "no progress on a terminal: $(cat -v "$TMP/tty.log")"
fi

step "--format"
sw --select SW303 --format sarif
expect_rc 1
has "$OUT" '"version":	"2.1.0"'
sw --format xml
expect_rc 2
has "$ERR" "syncwise: error: --format: 'xml' is not a format (text, json or sarif)"
echo "all cli tests passed"
