#!/usr/bin/env bash
# Builds the libFuzzer targets (clang, -DSYNCWISE_FUZZ=ON) and runs each
# for SECONDS seconds, starting from tests/fuzz/seeds/NAME (lsp_serve:
# tests/lsp/fuzz-seeds).  Fails when a target crashes, leaks, hangs or
# breaks an invariant; the input that did it is kept under
# BUILD_DIR/fuzz-artifacts/NAME/.  To keep it as a test:
# minimise it (fuzz_NAME -minimize_crash=1 -runs=10000 FILE) and add it to
# tests/fuzz/regressions/NAME/.
#
#   tests/fuzz/run.sh SECONDS [BUILD_DIR]
#
# Environment: CC (default clang-14, else clang), FUZZ_JOBS targets at once
# (default: number of cores, at most 2), FUZZ_TARGETS (default: all: those
# of SW_FUZZ_TARGETS in tests/fuzz/CMakeLists.txt, and lsp_serve),
# FUZZ_CORPUS a directory to keep each target's corpus in between runs
# (default: a temporary one).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
secs=${1:?usage: run.sh SECONDS [BUILD_DIR]}
build=${2:-$root/build-fuzz}
all=$(sed -n 's/^set(SW_FUZZ_TARGETS \(.*\))$/\1/p' "$here/CMakeLists.txt")
[ -n "$all" ] || { echo "run.sh: no SW_FUZZ_TARGETS in $here/CMakeLists.txt" >&2; exit 1; }
targets=${FUZZ_TARGETS:-$all lsp_serve}
jobs=${FUZZ_JOBS:-$(nproc)}
[ "$jobs" -gt 2 ] && jobs=2

cc=${CC:-}
if [ -z "$cc" ]; then
    cc=$(command -v clang-14 || command -v clang || true)
fi
if [ -z "$cc" ]; then
    echo "run.sh: no clang found (install clang-14 and libclang-rt-14-dev)" >&2
    exit 1
fi

CC=$cc cmake -S "$root" -B "$build" -DSYNCWISE_FUZZ=ON -DSYNCWISE_WERROR=ON \
    -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null
# shellcheck disable=SC2046  # one --target per word
cmake --build "$build" -j"$(nproc)" \
    $(for t in $targets; do printf -- '--target fuzz_%s ' "$t"; done) >/dev/null

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
corpus_base=${FUZZ_CORPUS:-$tmp/corpus}

# Where a target's binary and seeds are (lsp_serve lives in tests/lsp/).
bin_of() {
    if [ -x "$build/tests/fuzz/fuzz_$1" ]; then
        echo "$build/tests/fuzz/fuzz_$1"
    else
        echo "$build/tests/lsp/fuzz_$1"
    fi
}
seeds_of() {
    if [ -d "$here/seeds/$1" ]; then
        echo "$here/seeds/$1"
    else
        echo "$root/tests/lsp/fuzz-seeds"
    fi
}

# Runs one target; its log goes to $tmp/NAME.log.  New inputs go to the
# corpus directory (libFuzzer writes to the first one), never to seeds/.
run_one() {
    local t=$1 corpus=$corpus_base/$1 art=$build/fuzz-artifacts/$1
    mkdir -p "$corpus" "$art"
    ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=0 \
    UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
        "$(bin_of "$t")" -max_total_time="$secs" -timeout=10 \
        -rss_limit_mb=2048 -print_final_stats=1 -dict="$here/json.dict" \
        -artifact_prefix="$art/" "$corpus" "$(seeds_of "$t")" \
        >"$tmp/$t.log" 2>&1
}

fail=0
# shellcheck disable=SC2086  # a list of words
set -- $targets
while [ $# -gt 0 ]; do
    pids=() names=()
    for _ in $(seq "$jobs"); do
        [ $# -gt 0 ] || break
        run_one "$1" &
        pids+=($!) names+=("$1")
        shift
    done
    for i in "${!pids[@]}"; do
        t=${names[$i]}
        if wait "${pids[$i]}"; then
            runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$tmp/$t.log")
            echo "fuzz_$t: ${runs:-?} runs in ${secs}s, no crash"
        else
            fail=1
            echo "fuzz_$t: FAILED; input kept in $build/fuzz-artifacts/$t/"
            grep -E "ERROR|runtime error|invariant|SUMMARY|Test unit written" \
                "$tmp/$t.log" | head -20 | sed 's/^/    /'
        fi
    done
done
exit $fail
