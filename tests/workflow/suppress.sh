#!/usr/bin/env bash
# Suppression comments through the real binary: same line, the line above,
# bare "ignore", codes, prefixes and names, ignore-file, and
# --report-unused-ignores.
source "$(dirname "$0")/lib.sh" "$@"

P=$TMP/p
new_project "$P"
cd "$P"
# insert FILE LINE TEXT: inserts TEXT as line LINE.
insert() { sed -i "$2i\\$3" "$1"; }
# append FILE LINE TEXT: appends TEXT to line LINE.
append() { sed -i "$2s|\$|$3|" "$1"; }

step "baseline run"
sw --select SW202,SW303
expect_rc 1
has "$OUT" "src/server.c:32:9: warning: 'users_lookup'"
has "$OUT" "src/worker.c:11:21: warning: 'localtime'"
has "$OUT" "src/worker.c:12:18: warning: 'strtok'"
has "$OUT" "vendor/codec.c:9:26: warning: 'rand'"

step "same line, with a code"
append src/server.c 32 "  // syncwise: ignore[SW303] cached, answers in microseconds"
sw --select SW202,SW303
lacks "$OUT" "src/server.c:32"
has "$OUT" "src/worker.c:11:21"

step "a code for another rule does not silence"
append src/worker.c 12 " // syncwise: ignore[SW303]"
sw --select SW202,SW303
has "$OUT" "src/worker.c:12:18: warning: 'strtok'"

step "--report-unused-ignores reports it"
sw --select SW202,SW303 --report-unused-ignores
expect_rc 1
has "$OUT" "src/worker.c:12:"
has "$OUT" "warning: 'syncwise: ignore[SW303]' silences no finding [unused-ignore]"
[ "$(count "$OUT" "[unused-ignore]")" = 1 ] || fail "one unused suppression expected: $OUT"
sw --select SW202,SW303 --report-unused-ignores --format json
has "$OUT" '"rule":	"unused-ignore"'
sed -i '12s| // syncwise: ignore\[SW303\]||' src/worker.c

step "the line above, alone on its line"
insert src/worker.c 11 "    // syncwise: ignore[SW202] one thread calls this in production"
sw --select SW202,SW303 --report-unused-ignores
lacks "$OUT" "'localtime'"
has "$OUT" "src/worker.c:13:18: warning: 'strtok'" # it moved down one line
lacks "$OUT" "[unused-ignore]"

step "a comment after code covers its own line only"
append src/worker.c 10 " /* syncwise: ignore[SW202] */"
sw --select SW202,SW303 --report-unused-ignores
has "$OUT" "src/worker.c:10:"
has "$OUT" "[unused-ignore]"
sed -i '10s| /\* syncwise: ignore\[SW202\] \*/||' src/worker.c

step "bare ignore silences every rule on its line"
append src/worker.c 13 " // syncwise: ignore"
sw --select SW202,SW303
lacks "$OUT" "src/worker.c"

step "prefixes and rule names"
sed -i '13s|// syncwise: ignore$|// syncwise: ignore[SW2]|' src/worker.c
sw --select SW202,SW303
lacks "$OUT" "'strtok'"
sed -i '13s|ignore\[SW2\]|ignore[mt-unsafe-call-in-thread]|' src/worker.c
sw --select SW202,SW303
lacks "$OUT" "'strtok'"

step "ignore-file"
sw --select SW202
has "$OUT" "vendor/codec.c:9:26"
insert vendor/codec.c 1 "// syncwise: ignore-file[SW202] third-party code, reviewed"
sw --select SW202,SW303 --report-unused-ignores
lacks "$OUT" "vendor/codec.c"
sed -i '1s|ignore-file\[SW202\]|ignore-file[SW303]|' vendor/codec.c
sw --select SW202,SW303 --report-unused-ignores
has "$OUT" "vendor/codec.c:10:26: warning: 'rand'"
has "$OUT" "vendor/codec.c:1:4: warning: 'syncwise: ignore-file[SW303]' silences no finding [unused-ignore]"

step "not a suppression: other words, or outside comments"
cat >>src/worker.c <<'C'
/* syncwise: ignored on purpose, not a directive */
static const char *doc = "syncwise: ignore";
C
sw --select SW202,SW303 --report-unused-ignores
lacks "$OUT" "ignored on purpose"
lacks "$OUT" "src/worker.c:3"
echo "all suppression tests passed"
