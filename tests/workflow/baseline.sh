#!/usr/bin/env bash
# Baselines through the real binary: --write-baseline records the current
# findings, --baseline reports only new ones, and stays stable when lines
# are inserted above the recorded findings.
source "$(dirname "$0")/lib.sh" "$@"

P=$TMP/p
new_project "$P"
cd "$P"
SEL=(--select SW202,SW303)

step "write a baseline"
sw "${SEL[@]}" --write-baseline baseline.json
expect_rc 0
has "$ERR" "syncwise: wrote 4 findings to 'baseline.json'"
[ -z "$OUT" ] || fail "no report expected with --write-baseline: $OUT"
python3 - <<'PY' || fail "baseline.json is not what was expected"
import json
b = json.load(open("baseline.json"))
assert b["syncwise_baseline"] == 1
fs = b["findings"]
assert len(fs) == 4, fs
for f in fs:
    assert len(f["fingerprint"]) == 16 and f["rule"] in ("SW202", "SW303"), f
    assert not f["file"].startswith("/"), f
    assert "line" not in f, f
PY

step "with the baseline: nothing new"
sw "${SEL[@]}" --baseline baseline.json
expect_rc 0
has "$OUT" "no findings"

step "stable when unrelated lines are inserted above the findings"
sed -i '1i\/* Copyright notice. */\n/* More lines, */\n/* and more. */' src/worker.c src/server.c vendor/codec.c
sed -i '/^static void handle/i\static int unrelated(int x)\n{\n    return x * 2;\n}\n' src/worker.c
sw "${SEL[@]}"
has "$OUT" "src/worker.c:20:18: warning: 'strtok'" # moved from line 12
sw "${SEL[@]}" --baseline baseline.json
expect_rc 0
has "$OUT" "no findings"

step "a new finding is reported, and only it"
sed -i 's|    printf("%d %s\\n", tm->tm_hour, word ? word : "?");|    printf("%d %s %d\\n", tm->tm_hour, word ? word : "?", rand());|' src/worker.c
sed -i '1i\#include <stdlib.h>' src/worker.c
sw "${SEL[@]}" --baseline baseline.json
expect_rc 1
has "$OUT" "src/worker.c:22:58: warning: 'rand' is not thread-safe"
[ "$(count "$OUT" "warning:")" = 1 ] || fail "only the new finding expected: $OUT"

step "a fingerprint accepts as many findings as it was recorded for"
python3 - <<'PY'
import json
b = json.load(open("baseline.json"))
b["findings"] = [f for f in b["findings"] if f["rule"] != "SW303"]
json.dump(b, open("partial.json", "w"))
PY
sw "${SEL[@]}" --baseline partial.json
expect_rc 1
has "$OUT" "[SW303]"
lacks "$OUT" "'strtok'"

step "same fingerprints in json and sarif output"
sw "${SEL[@]}" --format json
python3 - "$OUT" <<'PY' || fail "json fingerprints do not match the baseline"
import json, sys
doc = json.loads(sys.argv[1])
base = {f["fingerprint"] for f in json.load(open("baseline.json"))["findings"]}
fps = [d["fingerprint"] for d in doc["diagnostics"]]
assert len([f for f in fps if f in base]) == 4 and len(fps) == 5, (fps, base)
PY

step "bad baselines: exit 2"
sw --baseline missing.json
expect_rc 2
has "$ERR" "syncwise: error: cannot read baseline 'missing.json': No such file or directory"
echo '{"findings": []}' >bad.json
sw --baseline bad.json
expect_rc 2
has "$ERR" "syncwise: error: 'bad.json' is not a syncwise baseline (write one with --write-baseline)"
echo '{"syncwise_baseline": 1, "findings": [{"fingerprint": "xyz"}]}' >bad.json
sw --baseline bad.json
expect_rc 2
has "$ERR" "syncwise: error: 'bad.json': findings[0]: 'fingerprint' must be 16 lower-case hex digits"
sw --write-baseline /nonexistent/dir/b.json
expect_rc 2
has "$ERR" "syncwise: error: cannot write baseline '/nonexistent/dir/b.json'"
echo "all baseline tests passed"
