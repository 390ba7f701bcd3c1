#!/usr/bin/env bash
# Tests of the facts cache and of extraction as build actions.
#
#   run-cache-tests.sh SYNCWISE SOURCE_DIR CASE
#
# Each CASE copies tests/cache/project to a fresh temporary directory,
# writes its compile_commands.json and checks one behaviour; it exits
# non-zero with a message on the first failed check.
set -euo pipefail
sw=$1
src=$2
case=$3
tmp=$(mktemp -d "${TMPDIR:-/tmp}/syncwise-cache-test.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
proj="$tmp/project"
cp -r "$src/tests/cache/project" "$proj"
args='"-I'"$proj"'/include", "-DSERVER_NAME=\"demo server\"", "-D_GNU_SOURCE", "-std=c11"'
{
    echo "["
    sep=""
    for f in main threads words; do
        printf '%s{"directory": "%s", "file": "src/%s.c", "arguments": ["cc", %s, "-c", "src/%s.c"]}\n' \
            "$sep" "$proj" "$f" "$args" "$f"
        sep=","
    done
    echo "]"
} >"$proj/compile_commands.json"
cache="$tmp/cache"

fail() {
    echo "FAIL ($case): $*" >&2
    exit 1
}

# run NAME [syncwise options...]: JSON report in $tmp/NAME.json, stats in
# $tmp/NAME.stats ("P parsed, C cached, S stored").
run() {
    local name=$1
    shift
    local rc=0
    (cd "$tmp" && "$sw" -p "$proj" --format json -o "$tmp/$name.json" --stats "$@") \
        2>"$tmp/$name.err" || rc=$?
    [ "$rc" -le 1 ] || fail "syncwise exited with $rc: $(cat "$tmp/$name.err")"
    grep -o '[0-9]* parsed, [0-9]* cached, [0-9]* stored' "$tmp/$name.err" \
        >"$tmp/$name.stats" || fail "no stats line in: $(cat "$tmp/$name.err")"
}

expect_stats() {
    local name=$1 want=$2
    [ "$(cat "$tmp/$name.stats")" = "$want" ] ||
        fail "$name: stats '$(cat "$tmp/$name.stats")', expected '$want'"
}

same() {
    cmp -s "$1" "$2" || fail "$1 and $2 differ: $(diff "$1" "$2" | head -5)"
}

entries() {
    find "$cache" -name '*.facts' | sort
}

# An entry is a line of JSON (the header) and then the binary facts, whose
# size the header gives.
header_len() {
    head -1 "$1" | wc -c
}
facts_size() {
    head -1 "$1" | grep -o '"size":[0-9]*' | cut -d: -f2
}
# edit_header ENTRY SED_EXPR: edits the header, keeps the facts.
edit_header() {
    local off
    off=$(header_len "$1")
    { head -1 "$1" | sed "$2"; tail -c +$((off + 1)) "$1"; } >"$1.new"
    mv "$1.new" "$1"
}
# poke ENTRY OFFSET TEXT: overwrites bytes of the facts, in place.
poke() {
    printf '%s' "$3" | dd of="$1" bs=1 seek=$(($(header_len "$1") + $2)) \
        conv=notrunc status=none
}

case $case in
hit_miss)
    run cold --cache-dir "$cache"
    expect_stats cold "3 parsed, 0 cached, 3 stored"
    grep -q '"SW202"' "$tmp/cold.json" || fail "the project's SW202 finding is missing"
    ! grep -q '"SW900"' "$tmp/cold.json" || fail "the project does not parse cleanly"
    run warm --cache-dir "$cache"
    expect_stats warm "0 parsed, 3 cached, 0 stored"
    same "$tmp/cold.json" "$tmp/warm.json"
    run nocache --no-cache
    expect_stats nocache "3 parsed, 0 cached, 0 stored"
    same "$tmp/cold.json" "$tmp/nocache.json"
    ;;
touch)
    run cold --cache-dir "$cache"
    echo "/* an edit */" >>"$proj/src/words.c"
    run edited --cache-dir "$cache"
    expect_stats edited "1 parsed, 2 cached, 1 stored"
    same "$tmp/cold.json" "$tmp/edited.json"
    # A new modification time with the same contents is no change.
    touch "$proj/src/main.c"
    run touched --cache-dir "$cache"
    expect_stats touched "0 parsed, 3 cached, 0 stored"
    ;;
hint)
    # last-run: the start of the last run that saw a source file newer than
    # it.  A run expecting to parse preloads libclang; the report and what
    # is parsed do not depend on it.
    run cold --cache-dir "$cache" -j 2
    [ -f "$cache/last-run" ] || fail "no last-run after a cold run"
    [ -z "$(find "$proj/src" -newer "$cache/last-run")" ] ||
        fail "a source file is newer than last-run after the run"
    stamp=$(stat -c %y "$cache/last-run")
    run warm --cache-dir "$cache" -j 2
    expect_stats warm "0 parsed, 3 cached, 0 stored"
    [ "$(stat -c %y "$cache/last-run")" = "$stamp" ] ||
        fail "a run with no newer source file moved last-run"
    sleep 0.02
    echo "/* an edit */" >>"$proj/src/words.c"
    [ -n "$(find "$proj/src" -newer "$cache/last-run")" ] || fail "the edit is not newer"
    run edited --cache-dir "$cache" -j 2
    expect_stats edited "1 parsed, 2 cached, 1 stored"
    same "$tmp/cold.json" "$tmp/edited.json"
    [ -z "$(find "$proj/src" -newer "$cache/last-run")" ] ||
        fail "last-run did not move past the edit"
    # Without the hint file every run expects to parse; the results agree.
    rm "$cache/last-run"
    run nohint --cache-dir "$cache" -j 2
    expect_stats nohint "0 parsed, 3 cached, 0 stored"
    same "$tmp/cold.json" "$tmp/nohint.json"
    ;;
header)
    run cold --cache-dir "$cache"
    # last-run's guess does not see a header edit: the early worker is
    # stopped, and the first miss lets it go on.
    echo "int unused_declaration(void);" >>"$proj/include/shared.h"
    run edited --cache-dir "$cache" -j 2
    expect_stats edited "3 parsed, 0 cached, 3 stored"
    same "$tmp/cold.json" "$tmp/edited.json"
    run again --cache-dir "$cache"
    expect_stats again "0 parsed, 3 cached, 0 stored"
    ;;
missing_header)
    # A TU with errors is cached too; the header appearing re-parses it.
    sed -i '1i #include "later.h"' "$proj/src/words.c"
    run cold --cache-dir "$cache"
    expect_stats cold "3 parsed, 0 cached, 3 stored"
    grep -q '"SW900"' "$tmp/cold.json" || fail "no SW900 for the missing header"
    run warm --cache-dir "$cache"
    expect_stats warm "0 parsed, 3 cached, 0 stored"
    same "$tmp/cold.json" "$tmp/warm.json"
    echo "int later(void);" >"$proj/include/later.h"
    run appeared --cache-dir "$cache"
    expect_stats appeared "1 parsed, 2 cached, 1 stored"
    ! grep -q '"SW900"' "$tmp/appeared.json" || fail "SW900 after the header appeared"
    ;;
corrupt)
    run cold --cache-dir "$cache"
    e=$(entries | head -1)
    head -c 100 "$e" >"$e.cut" && mv "$e.cut" "$e"         # truncated
    e2=$(entries | sed -n 2p)
    printf 'garbage\n{"format":' >"$e2"                     # not JSON
    run rebuilt --cache-dir "$cache"
    expect_stats rebuilt "2 parsed, 1 cached, 2 stored"
    same "$tmp/cold.json" "$tmp/rebuilt.json"
    run warm --cache-dir "$cache"
    expect_stats warm "0 parsed, 3 cached, 0 stored"
    ;;
foreign)
    run cold --cache-dir "$cache"
    mapfile -t es < <(entries)
    # Another TU's entry under this TU's name: its key does not match.
    cp "${es[0]}" "${es[1]}"
    # An entry of another version: the header says so.
    grep -q '"cache_version":2,' "${es[2]}" || fail "no cache_version 2 in ${es[2]}"
    edit_header "${es[2]}" 's/"cache_version":2,/"cache_version":99,/'
    run rebuilt --cache-dir "$cache"
    expect_stats rebuilt "2 parsed, 1 cached, 2 stored"
    same "$tmp/cold.json" "$tmp/rebuilt.json"
    # Facts of another version (bytes 4 to 7 of the facts).
    poke "${es[0]}" 4 "XXXX"
    run version --cache-dir "$cache"
    expect_stats version "1 parsed, 2 cached, 1 stored"
    same "$tmp/cold.json" "$tmp/version.json"
    # Facts whose header matches but which end too early: the last byte
    # cut, and the header's size made to agree.
    n=$(facts_size "${es[1]}")
    truncate -s -1 "${es[1]}"
    edit_header "${es[1]}" "s/\"size\":$n}/\"size\":$((n - 1))}/"
    [ "$(facts_size "${es[1]}")" = $((n - 1)) ] || fail "size not edited"
    run shape --cache-dir "$cache"
    expect_stats shape "1 parsed, 2 cached, 1 stored"
    same "$tmp/cold.json" "$tmp/shape.json"
    ;;
atomic)
    run cold --cache-dir "$cache"
    [ -z "$(find "$cache" -name '*.tmp.*')" ] || fail "temporary files left behind"
    [ "$(cat "$cache/.gitignore" | grep -c '^\*$')" = 1 ] || fail "no .gitignore of '*'"
    [ -f "$cache/CACHEDIR.TAG" ] || fail "no CACHEDIR.TAG"
    # Kill runs at random points: whatever is left must be whole entries.
    for delay in 0.05 0.1 0.2 0.3; do
        rm -rf "$cache"
        (cd "$tmp" && exec "$sw" -p "$proj" --cache-dir "$cache" -o /dev/null -j1) &
        pid=$!
        sleep "$delay"
        kill -9 "$pid" 2>/dev/null || true
        wait "$pid" 2>/dev/null || true
        for e in $(entries); do
            head -1 "$e" | grep -q '^{"format":"syncwise-cache"' || fail "partial entry $e"
            [ "$(stat -c %s "$e")" = $(($(header_len "$e") + $(facts_size "$e"))) ] ||
                fail "partial entry $e"
        done
        run after --cache-dir "$cache"
        same "$tmp/cold.json" "$tmp/after.json"
    done
    # An unwritable cache warns once and the analysis goes on.
    rm -rf "$cache" && echo "not a directory" >"$cache"
    run readonly --cache-dir "$cache"
    expect_stats readonly "3 parsed, 0 cached, 0 stored"
    [ "$(grep -c 'warning: cannot write cache' "$tmp/readonly.err")" = 1 ] ||
        fail "expected one warning: $(cat "$tmp/readonly.err")"
    same "$tmp/cold.json" "$tmp/readonly.json"
    ;;
default_dir)
    run cold
    [ -d "$proj/.syncwise-cache" ] || fail "no .syncwise-cache beside compile_commands.json"
    run warm
    expect_stats warm "0 parsed, 3 cached, 0 stored"
    rm -rf "$proj/.syncwise-cache"
    run nocache --no-cache
    [ ! -e "$proj/.syncwise-cache" ] || fail "--no-cache wrote a cache"
    ;;
extract_identical)
    cd "$proj"
    flags=(-Iinclude '-DSERVER_NAME="demo server"' -D_GNU_SOURCE -std=c11)
    "$sw" extract src/threads.c -o "$tmp/a.facts" --depfile "$tmp/a.d" -- "${flags[@]}"
    "$sw" extract src/threads.c -o "$tmp/b.facts" -- "${flags[@]}"
    same "$tmp/a.facts" "$tmp/b.facts"
    # From another working directory, with the same absolute inputs.
    (cd "$tmp" && "$sw" extract "$proj/src/threads.c" -o "$tmp/c.facts" -- \
        "-I$proj/include" '-DSERVER_NAME="demo server"' -D_GNU_SOURCE -std=c11)
    same "$tmp/a.facts" "$tmp/c.facts"
    grep -q "^$tmp/a.facts:.*src/threads.c" "$tmp/a.d" || fail "depfile: $(cat "$tmp/a.d")"
    grep -q "include/shared.h" "$tmp/a.d" || fail "depfile lacks the header: $(cat "$tmp/a.d")"
    # No pointer values, and no path but the project's own.
    ! grep -Eq '0x[0-9a-f]{8,}|\.tmp\.|\.facts' "$tmp/a.facts" ||
        fail "a pointer or output path leaked into the facts"
    # stdout without -o is the same document.
    "$sw" extract src/threads.c -- "${flags[@]}" >"$tmp/d.facts"
    same "$tmp/a.facts" "$tmp/d.facts"
    # The binary form is byte-identical too, and is not for a terminal.
    "$sw" extract src/threads.c -o "$tmp/a.bfacts" --binary -- "${flags[@]}"
    "$sw" extract src/threads.c --binary -o "$tmp/b.bfacts" -- "${flags[@]}"
    same "$tmp/a.bfacts" "$tmp/b.bfacts"
    [ "$(head -c 4 "$tmp/a.bfacts")" = SWFB ] || fail "--binary wrote no binary facts"
    rc=0
    "$sw" extract src/threads.c --binary -- "${flags[@]}" >/dev/null 2>"$tmp/bin.err" || rc=$?
    [ "$rc" = 2 ] && grep -q -- "--binary needs -o" "$tmp/bin.err" ||
        fail "--binary without -o: exit $rc, $(cat "$tmp/bin.err")"
    ;;
extract_link)
    run whole --no-cache
    cd "$proj"
    flags=(-Iinclude '-DSERVER_NAME="demo server"' -D_GNU_SOURCE -std=c11)
    : >"$tmp/list"
    for f in main threads words; do
        "$sw" extract "src/$f.c" -o "$tmp/$f.facts" -- "${flags[@]}"
        echo "$tmp/$f.facts" >>"$tmp/list"
    done
    cd "$tmp"
    rc=0
    "$sw" link main.facts threads.facts words.facts --format json -o linked.json || rc=$?
    [ "$rc" = 1 ] || fail "link exited with $rc, expected 1 (findings)"
    same "$tmp/whole.json" "$tmp/linked.json"
    "$sw" link --list "$tmp/list" --format json -o listed.json --fail-on never
    same "$tmp/whole.json" "$tmp/listed.json"
    "$sw" link "@$tmp/list" --format json -o at.json --fail-on never
    same "$tmp/whole.json" "$tmp/at.json"
    # Binary facts (extract --binary), alone or mixed with JSON ones.
    cd "$proj"
    for f in main threads; do
        "$sw" extract "src/$f.c" -o "$tmp/$f.bfacts" --binary -- "${flags[@]}"
    done
    cd "$tmp"
    "$sw" link main.bfacts threads.bfacts words.facts --format json -o bin.json \
        --fail-on never
    same "$tmp/whole.json" "$tmp/bin.json"
    # A truncated binary facts file is an error naming it.
    head -c 100 main.bfacts >cut.facts
    rc=0
    "$sw" link cut.facts threads.facts --format json -o cut.json 2>cut.err || rc=$?
    [ "$rc" = 2 ] || fail "link of a truncated binary facts file exited with $rc"
    grep -q "'cut.facts' is not a facts file" cut.err || fail "$(cat cut.err)"
    # A broken facts file is an error naming it; the rest is still linked.
    echo '{"format":"syncwise-facts","version":1,"functions":5}' >bad.facts
    rc=0
    "$sw" link main.facts bad.facts --format json -o bad.json 2>bad.err || rc=$?
    [ "$rc" = 2 ] || fail "link of a bad facts file exited with $rc"
    grep -q "'bad.facts' is not a facts file" bad.err || fail "$(cat bad.err)"
    ;;
cmake_module)
    command -v ninja >/dev/null || { echo "ninja not installed: skipped"; exit 0; }
    b="$tmp/build"
    cmake -S "$proj" -B "$b" -G Ninja -DSYNCWISE_SOURCE_DIR="$src" \
        -DSYNCWISE_EXECUTABLE="$sw" >"$tmp/configure.log" 2>&1 ||
        fail "configure: $(cat "$tmp/configure.log")"
    ninja -C "$b" server_syncwise >"$tmp/b1.log" 2>&1 || fail "build: $(cat "$tmp/b1.log")"
    [ "$(grep -c 'syncwise: extracting' "$tmp/b1.log")" = 3 ] || fail "$(cat "$tmp/b1.log")"
    grep -q '"SW202"' "$b/server.syncwise.json" || fail "no SW202 in the report"
    ! grep -q '"SW900"' "$b/server.syncwise.json" || fail "arguments lost: $(grep -A3 SW900 "$b/server.syncwise.json")"
    ninja -C "$b" server_syncwise >"$tmp/b2.log" 2>&1
    grep -q 'no work to do' "$tmp/b2.log" || fail "second build did work: $(cat "$tmp/b2.log")"
    # Editing the header re-extracts the files that include it (depfiles).
    echo "/* edit */" >>"$proj/src/words.c"
    ninja -C "$b" server_syncwise >"$tmp/b3.log" 2>&1
    [ "$(grep -c 'syncwise: extracting' "$tmp/b3.log")" = 1 ] || fail "$(cat "$tmp/b3.log")"
    grep -q 'syncwise: linking' "$tmp/b3.log" || fail "no link after an edit"
    echo "int more(void);" >>"$proj/include/shared.h"
    ninja -C "$b" server_syncwise >"$tmp/b4.log" 2>&1
    [ "$(grep -c 'syncwise: extracting' "$tmp/b4.log")" = 3 ] ||
        fail "a header edit should re-extract all 3: $(cat "$tmp/b4.log")"
    # The report equals a normal run on the same files.
    run whole --no-cache
    python3 - "$tmp/whole.json" "$b/server.syncwise.json" <<'PY' || fail "cmake report differs from a normal run"
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:])
key = lambda d: [(x["rule"], x["file"].split("/")[-1], x["line"], x["message"]) for x in d["diagnostics"]]
sys.exit(0 if key(a) == key(b) else 1)
PY
    ;;
*)
    fail "unknown case"
    ;;
esac
echo "ok ($case)"
