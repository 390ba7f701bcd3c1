#!/usr/bin/env bash
# SARIF output through the real binary, on the multi-file project: checks
# its structure, then validates it with Microsoft's SARIF Multitool
# (`validate`, npm package @microsoft/sarif-multitool-linux, pinned in
# tests/workflow/package.json) and requires zero errors.  The Multitool is
# installed with `npm ci` into the build tree the first time.
source "$(dirname "$0")/lib.sh" "$@"

P=$TMP/p
new_project "$P"
cd "$P"

step "sarif output"
sw --select SW202,SW303 --format sarif -o "$TMP/run.sarif"
expect_rc 1
sw --select SW202,SW303 --format json
echo "$OUT" >"$TMP/run.json"
"$SYNCWISE" rules | awk 'NR > 1 {print $1}' >"$TMP/rules.txt"
python3 - "$TMP/run.sarif" "$TMP/run.json" "$TMP/rules.txt" "$P" <<'PY' || fail "SARIF structure"
import json, sys
sarif = json.load(open(sys.argv[1]))
js = json.load(open(sys.argv[2]))
codes = open(sys.argv[3]).read().split()
root = sys.argv[4]
assert sarif["version"] == "2.1.0"
assert "sarif-schema-2.1.0" in sarif["$schema"]
run, = sarif["runs"]
drv = run["tool"]["driver"]
assert drv["name"] == "syncwise" and drv["version"]
ids = [r["id"] for r in drv["rules"]]
assert ids == codes, (ids, codes)
for r in drv["rules"]:
    assert r.get("name", r["id"]) and r["shortDescription"]["text"] and r["fullDescription"]["text"]
    assert r["help"]["text"], r
    assert r["defaultConfiguration"]["level"] in ("note", "warning", "error")
base = run["originalUriBaseIds"]["SRCROOT"]["uri"]
assert base == "file://" + root + "/", base
res = run["results"]
assert len(res) == len(js["diagnostics"]) == 4, len(res)
files = set()
for r, d in zip(res, js["diagnostics"]):
    assert r["ruleId"] == d["rule"]
    assert ids[r["ruleIndex"]] == r["ruleId"]
    assert r["level"] == d["level"]
    loc = r["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == d["file"]
    assert loc["artifactLocation"]["uriBaseId"] == "SRCROOT"
    assert loc["region"]["startLine"] == d["line"]
    assert loc["region"]["startColumn"] == d["column"]
    assert r["partialFingerprints"]["syncwiseFingerprint/v1"] == d["fingerprint"]
    assert r["message"]["text"].startswith(d["message"])
    rel = r["relatedLocations"]
    flow = r["codeFlows"][0]["threadFlows"][0]["locations"]
    assert len(rel) == len(flow) == len(d["notes"]) > 0
    for n, rl, fl in zip(d["notes"], rel, flow):
        assert rl["physicalLocation"]["artifactLocation"]["uri"] == n["file"]
        assert rl["physicalLocation"]["region"]["startLine"] == n["line"]
        assert rl["message"]["text"].startswith(n["message"])
        assert fl["location"]["physicalLocation"] == rl["physicalLocation"]
        files.add(n["file"])
    files.add(d["file"])
assert {"src/server.c", "src/worker.c", "lib/users.c", "vendor/codec.c"} <= files, files
inv, = run["invocations"]
assert inv["executionSuccessful"] is True
PY

step "sarif with an input error and an unused suppression"
sed -i '12s|$| // syncwise: ignore[SW303]|' src/worker.c
sw --select SW202,SW303 --format sarif --report-unused-ignores -o "$TMP/errors.sarif" src/worker.c src/gone.c
expect_rc 2
python3 - "$TMP/errors.sarif" <<'PY' || fail "SARIF with errors"
import json, sys
run, = json.load(open(sys.argv[1]))["runs"]
inv, = run["invocations"]
assert inv["executionSuccessful"] is False
n, = inv["toolExecutionNotifications"]
assert n["level"] == "error" and "src/gone.c" in n["message"]["text"]
ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
unused = [r for r in run["results"] if r["ruleId"] == "unused-ignore"]
assert len(unused) == 1 and ids[unused[0]["ruleIndex"]] == "unused-ignore"
PY

step "partialFingerprints are stable when lines are inserted"
sed -i '1i\/* a new header comment */\n' src/worker.c src/server.c
sw --select SW202,SW303 --format sarif -o "$TMP/moved.sarif"
python3 - "$TMP/run.sarif" "$TMP/moved.sarif" <<'PY' || fail "fingerprints moved"
import json, sys
fp = lambda p: sorted(r["partialFingerprints"]["syncwiseFingerprint/v1"]
                      for r in json.load(open(p))["runs"][0]["results"])
lines = lambda p: [r["locations"][0]["physicalLocation"]["region"]["startLine"]
                   for r in json.load(open(p))["runs"][0]["results"]]
assert fp(sys.argv[1]) == fp(sys.argv[2])
assert lines(sys.argv[1]) != lines(sys.argv[2])
PY

step "install the SARIF Multitool (npm ci)"
NPM_DIR=${TEST_BUILD_DIR:-$TMP}/npm
MT=$NPM_DIR/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool
command -v npm >/dev/null || fail "npm is not installed (bash .ci/setup installs it)"
if [ ! -e "$MT" ] || ! cmp -s "$HERE/package-lock.json" "$NPM_DIR/package-lock.json"; then
    rm -rf "$NPM_DIR"
    mkdir -p "$NPM_DIR"
    cp "$HERE/package.json" "$HERE/package-lock.json" "$NPM_DIR/"
    (cd "$NPM_DIR" && npm ci --no-audit --no-fund --loglevel=error >/dev/null) ||
        fail "npm ci failed in $NPM_DIR"
fi
chmod u+x "$MT" # its postinstall script; newer npm does not run it
# The Multitool is a .NET program: without libicu it needs invariant mode.
export DOTNET_SYSTEM_GLOBALIZATION_INVARIANT=1 DOTNET_CLI_TELEMETRY_OPTOUT=1

step "SARIF Multitool validate: zero errors"
for f in run errors moved; do
    set +e
    "$MT" validate "$TMP/$f.sarif" -o "$TMP/$f.validation.sarif" --log ForceOverwrite \
        --level "Error;Warning" >"$TMP/$f.validate.log" 2>&1
    vrc=$?
    set -e
    cat "$TMP/$f.validate.log"
    [ -s "$TMP/$f.validation.sarif" ] || fail "the Multitool wrote no validation log (exit $vrc)"
    python3 - "$TMP/$f.validation.sarif" <<'PY' || fail "SARIF Multitool reported errors for $f.sarif"
import json, sys
run, = json.load(open(sys.argv[1]))["runs"]
errors = [r for r in run.get("results", []) if r.get("level", "warning") == "error"]
for r in errors:
    print("error", r["ruleId"], r["message"], file=sys.stderr)
bad = [n for i in run.get("invocations", []) for n in i.get("toolExecutionNotifications", [])
       if n.get("level") == "error"]
for n in bad:
    print("tool error", n["message"], file=sys.stderr)
sys.exit(1 if errors or bad else 0)
PY
    if grep -E ": error [A-Z]+[0-9]+:" "$TMP/$f.validate.log"; then
        fail "SARIF Multitool printed errors for $f.sarif"
    fi
    [ "$vrc" = 0 ] || fail "SARIF Multitool exited with $vrc"
done

step "the validator catches a broken file (so this test can fail)"
python3 - "$TMP/run.sarif" "$TMP/broken.sarif" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
d["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["region"]["startLine"] = 0
json.dump(d, open(sys.argv[2], "w"))
PY
"$MT" validate "$TMP/broken.sarif" -o "$TMP/broken.validation.sarif" --log ForceOverwrite >/dev/null 2>&1 || true
python3 - "$TMP/broken.validation.sarif" <<'PY' || fail "the Multitool did not flag startLine 0"
import json, sys
run, = json.load(open(sys.argv[1]))["runs"]
sys.exit(0 if any(r.get("level") == "error" for r in run.get("results", [])) else 1)
PY
echo "all sarif tests passed"
