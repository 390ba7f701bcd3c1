#!/usr/bin/env bash
# Configuration through the real binary: .syncwise.json discovery in nested
# directories, --config, select/ignore/levels/exclude, catalogs (inline and
# file), rule options, command-line select/ignore, malformed configurations.
source "$(dirname "$0")/lib.sh" "$@"

P=$TMP/p
new_project "$P"
cd "$P"

step "no configuration: every default finding"
sw --select SW202,SW303
expect_rc 1
has "$OUT" "src/server.c:32:9: warning: 'users_lookup' blocks the libuv loop"
has "$OUT" "src/worker.c:12:18: warning: 'strtok' is not thread-safe"
has "$OUT" "vendor/codec.c:9:26: warning: 'rand' is not thread-safe"
lacks "$OUT" "rpc_call"
lacks "$OUT" "fopen"

step "nested discovery: the nearest .syncwise.json applies to each file"
cat >.syncwise.json <<'JSON'
{"select": ["SW2", "SW303"], "exclude": ["vendor/"]}
JSON
cat >src/.syncwise.json <<'JSON'
{"select": ["SW303"], "levels": {"SW303": "error"}}
JSON
sw
expect_rc 1
has "$OUT" "src/server.c:32:9: error: 'users_lookup' blocks the libuv loop"
lacks "$OUT" "src/worker.c"   # src/ selects SW303 only
lacks "$OUT" "vendor/codec.c" # excluded by the root configuration
lacks "$OUT" "[SW102]"        # not selected by either
has "$OUT" "1 error in 1 file"

step "discovery does not depend on the working directory"
mkdir -p "$TMP/elsewhere"
(cd "$TMP/elsewhere" && "$SYNCWISE" --color never -p "$P") >"$TMP/o2" || true
has "$(cat "$TMP/o2")" "src/server.c:32:9: error:"
lacks "$(cat "$TMP/o2")" "src/worker.c"

step "a deeper directory without a config uses its parent's"
mkdir -p src/net/deep
cp src/worker.c src/net/deep/worker2.c
sed -i 's/workers_start/workers2_start/; s/static void \*worker(/static void *worker2(/; s/NULL, worker,/NULL, worker2,/' src/net/deep/worker2.c
sw src/net/deep/worker2.c -- -std=c11 -D_GNU_SOURCE
lacks "$OUT" "worker2.c" # src/.syncwise.json selects SW303 only
echo '{"select": ["SW202"]}' >src/net/.syncwise.json
sw src/net/deep/worker2.c -- -std=c11 -D_GNU_SOURCE
expect_rc 1
has "$OUT" "src/net/deep/worker2.c:12:18: warning: 'strtok' is not thread-safe"
rm -rf src/net

step "the command line's --select replaces the config's, --ignore adds"
sw --select SW2
expect_rc 1
has "$OUT" "src/worker.c:12:18: warning: 'strtok'"
lacks "$OUT" "vendor/codec.c" # exclude still applies
lacks "$OUT" "src/server.c"
sw --ignore SW303
expect_rc 0
has "$OUT" "no findings"
sw --select SW202 --ignore SW2
expect_rc 1 # the longer match wins
has "$OUT" "[SW202]"

step "--config overrides discovery"
echo '{"select": ["SW202"], "ignore": ["mt-unsafe-call-in-thread"]}' >"$TMP/none.json"
sw --config "$TMP/none.json"
expect_rc 0
echo '{"select": ["SW202"]}' >"$TMP/only202.json"
sw --config "$TMP/only202.json"
expect_rc 1
has "$OUT" "src/worker.c:12:18: warning: 'strtok'"
has "$OUT" "vendor/codec.c:9:26: warning: 'rand'"
lacks "$OUT" "[SW303]"
rm src/.syncwise.json

step "catalogs: inline entries and files add the project's own APIs"
cat >.syncwise.json <<'JSON'
{"select": ["SW303"],
 "catalogs": [{"blocking": {"rpc_call": {"category": "net", "locality": "remote",
                                         "async": "rpc_call_async"}}}]}
JSON
sw
expect_rc 1
has "$OUT" "src/server.c:33:9: warning: 'rpc_call' blocks the libuv loop in 'on_read' (network I/O) [SW303]"
mkdir -p conf
echo '{"blocking": {"rpc_call": {"category": "net", "locality": "remote"}}}' >conf/rpc.json
echo '{"select": ["SW303"], "catalogs": ["conf/rpc.json"]}' >.syncwise.json
sw
has "$OUT" "src/server.c:33:9: warning: 'rpc_call' blocks"
echo '{"select": ["SW303"], "catalogs": {"blocking": {"rpc_call": {"category": "net", "locality": "remote"}}}}' >.syncwise.json
sw
has "$OUT" "'rpc_call' blocks"

step "rule options: include-local-io"
echo '{"select": ["SW303"]}' >.syncwise.json
sw
lacks "$OUT" "'log_line'"
echo '{"select": ["SW303"], "options": {"SW303": {"include-local-io": true}}}' >.syncwise.json
sw
has "$OUT" "src/server.c:34:9: warning: 'log_line' blocks the libuv loop in 'on_read': it calls 'fopen' (file I/O) [SW303]"
rm .syncwise.json

step "malformed configurations: exit 2, one line naming the file and key"
bad() { # JSON EXPECTED-SUBSTRING
    printf '%s' "$1" >src/.syncwise.json
    sw --select SW202,SW303
    expect_rc 2
    has "$ERR" "syncwise: error: 'src/.syncwise.json'"
    has "$ERR" "$2"
    # The rest of the analysis runs; the broken file counts as absent.
    has "$OUT" "vendor/codec.c:9:26: warning: 'rand'"
    has "$OUT" "src/worker.c:12:18: warning: 'strtok'"
}
bad '{"select": ["SW2",' "invalid JSON at line 1"
bad $'{\n  "select": ["SW2"]\n  "ignore": []\n}' "invalid JSON at line 3"
bad '["SW2"]' "a configuration must be a JSON object, not an array"
bad '{"selct": ["SW2"]}' "unknown key 'selct' (expected select, ignore, levels, exclude, catalogs, options, tu-timeout or tu-memory)"
bad '{"select": "SW2"}' "'select' must be an array of rule codes or prefixes"
bad '{"ignore": [303]}' "'ignore' must contain rule codes as strings, not a number"
bad '{"select": ["SW999"]}' "'select': 'SW999' is not a rule code or prefix"
bad '{"levels": {"SW303": "fatal"}}' "'levels': 'SW303' must be one of \"note\", \"warning\", \"error\""
bad '{"levels": {"XX1": "error"}}' "'levels': 'XX1' is not a rule code or prefix"
bad '{"levels": ["SW303"]}' "'levels' must be an object"
bad '{"exclude": "vendor"}' "'exclude' must be an array of globs"
bad '{"catalogs": [42]}' "'catalogs' entries must be catalog file paths or inline catalog objects, not a number"
bad '{"catalogs": ["missing.json"]}' "'catalogs': cannot read 'missing.json': No such file or directory"
bad '{"options": {"SW303": {"include_local_io": true}}}' "'options': 'SW303' has no option 'include_local_io' (expected include-local-io)"
bad '{"options": {"SW303": {"include-local-io": "yes"}}}' "'include-local-io' must be true or false, not a string"
bad '{"tu-timeout": "10"}' "'tu-timeout' must be a whole number of seconds from 0 (no limit) to 86400, not a string"
bad '{"tu-timeout": 1.5}' "'tu-timeout' must be a whole number of seconds from 0 (no limit) to 86400, not 1.5"
bad '{"tu-memory": -1}' "'tu-memory' must be a whole number of MiB from 0 (no limit) to 1048576, not -1"
bad '{"options": {"SW999": {}}}' "'options': 'SW999' is not a rule code"
# Catalog entries are checked by the catalog loader, which names the origin.
printf '%s' '{"catalogs": [{"blocking": {"rpc_call": {"category": "telepathy"}}}]}' >src/.syncwise.json
sw
expect_rc 2
has "$ERR" "syncwise: error: src/.syncwise.json: catalogs[0]"
has "$ERR" "rpc_call"
sw --format json
expect_rc 2
python3 - "$OUT" <<'PY' || fail "the catalog error is not in the JSON errors"
import json, sys
errs = json.loads(sys.argv[1])["errors"]
assert any(e["file"] == "src/.syncwise.json" and "rpc_call" in e["message"] for e in errs), errs
PY
# Two problems, two lines.
printf '%s' '{"selct": [], "levels": {"SW303": 1}}' >src/.syncwise.json
sw
expect_rc 2
[ "$(count "$ERR" "syncwise: error:")" = 2 ] || fail "expected two error lines: $ERR"
rm src/.syncwise.json
sw --config "$TMP/missing.json"
expect_rc 2
[ -z "$OUT" ] || fail "no report expected without the --config file: $OUT"
has "$ERR" "syncwise: error: cannot read configuration '$TMP/missing.json': No such file or directory"

step "command-line codes and prefixes"
sw --select SW2
expect_rc 1
has "$OUT" "[SW202]"
lacks "$OUT" "[SW303]"
sw --select SW9999
expect_rc 2
has "$ERR" "syncwise: error: --select: 'SW9999' is not a rule code or prefix"
echo "all config tests passed"
