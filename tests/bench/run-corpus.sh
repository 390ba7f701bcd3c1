#!/usr/bin/env bash
# Speed and memory of syncwise on the corpus, against the floor: prints, per
# project, the wall times of
#   bare      a bare libclang parse of the same TUs at the same -j (bare_parse)
#   bare -w   the same with -w, as syncwise parses (it reports no compiler
#             warnings): shown so that the gain from -w can be told apart
#   nocache   syncwise --no-cache
#   cold      syncwise with an empty cache (parses, writes every entry)
#   warm      syncwise again, nothing changed (parses nothing)
#   touched   syncwise after an edit of one file (parses that file only)
#   one       a bare parse of that one file alone (bare_parse --only)
#   tidy      clang-tidy --checks=-*,concurrency-mt-unsafe on the same files
#             (same -j), when clang-tidy is installed
# and the peak RSS of the cold run against the largest single-TU bare parse
# (bare_parse --rss-each), with the ratios the issue asks for.  Every time
# is that of a whole process, start to exit: bare_parse too loads libclang
# and reads the database.  Times are taken to the tenth of a millisecond
# (time(1) gives hundredths of a second, too coarse for a warm run); the
# touched run is also compared with its budget run by run.
#
#   tests/bench/run-corpus.sh BUILD_DIR [CORPUS_DIR] [JOBS] [PROJECTS...]
#
# CORPUS_DIR defaults to ~/.cache/syncwise-corpus (made by
# ../shared/corpus/fetch-corpus.sh).  The touched file is edited (a comment
# appended) and restored afterwards.  Each timing is the median of
# SW_BENCH_RUNS runs (default 3), interleaved.  Set SW_BENCH_NO_TIDY=1 or
# SW_BENCH_NO_RSS=1 to skip those (slow) measurements.
set -euo pipefail
build=$(cd "$1" && pwd)
corpus=${2:-$HOME/.cache/syncwise-corpus}
jobs=${3:-2}
shift $(($# < 3 ? $# : 3))
projects=("$@")
[ ${#projects[@]} -gt 0 ] || projects=(memcached redis libuv)
sw="$build/syncwise"
bare="$build/tests/bare_parse"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# secs CMD...: runs CMD, prints its wall time in seconds, and keeps its
# peak RSS (KB) in $tmp/rss and its CPU time (user + system, s) in $tmp/cpu,
# as time(1) does: from fork to wait4(), the process and every descendant
# it waited for.  On a busy machine compare CPU times: wall times then
# measure the others.
secs() {
    python3 - "$tmp" "$@" <<'PY'
import os, sys, time
tmp, cmd = sys.argv[1], sys.argv[2:]
out = os.open(tmp + "/out", os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
err = os.open(tmp + "/err", os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o644)
t0 = time.perf_counter()
pid = os.fork()
if pid == 0:
    os.dup2(out, 1)
    os.dup2(err, 2)
    try:
        os.execvp(cmd[0], cmd)
    finally:
        os._exit(127)
_, status, ru = os.wait4(pid, 0)
wall = time.perf_counter() - t0
with open(tmp + "/rss", "w") as f:
    f.write(f"{ru.ru_maxrss}\n")
with open(tmp + "/cpu", "w") as f:
    f.write(f"{ru.ru_utime + ru.ru_stime:.4f}\n")
print(f"{wall:.4f}")
PY
}

# Every measurement is repeated (SW_BENCH_RUNS, default 3), interleaved, and
# the median is reported: on a shared machine single runs are noisy.
runs=${SW_BENCH_RUNS:-3}
add() { eval "$1=\"\${$1:+\${$1},}$2\""; } # add LIST VALUE

for p in "${projects[@]}"; do
    db="$corpus/$p"
    [ -f "$db/compile_commands.json" ] || { echo "$p: no compile_commands.json"; continue; }
    cache="$tmp/cache-$p"
    # The touched file: the largest source file of the database.
    file=$(python3 -c 'import json,os,sys
d=json.load(open(sys.argv[1]))
fs=[os.path.join(e["directory"],e["file"]) for e in d]
print(max(fs,key=lambda f: os.path.getsize(f) if os.path.exists(f) else 0))' "$db/compile_commands.json")
    cp -p "$file" "$tmp/orig"
    trap 'cp -p "$tmp/orig" "$file"; rm -rf "$tmp"' EXIT
    b="" b_cpu="" bw="" nocache="" nocache_cpu="" cold="" cold_cpu="" cold_rss=0
    warm="" warm_cpu="" touched="" one=""
    for ((run = 1; run <= runs; run++)); do
        add b "$(secs "$bare" -p "$db" -j "$jobs")"
        add b_cpu "$(cat "$tmp/cpu")"
        add bw "$(secs "$bare" -p "$db" -j "$jobs" --no-warnings)"
        add nocache "$(secs "$sw" -p "$db" -j "$jobs" --no-cache -o "$tmp/nocache.txt")"
        add nocache_cpu "$(cat "$tmp/cpu")"
        rm -rf "$cache"
        add cold "$(secs "$sw" -p "$db" -j "$jobs" --cache-dir "$cache" -o "$tmp/cold.txt")"
        add cold_cpu "$(cat "$tmp/cpu")"
        [ "$(cat "$tmp/rss")" -le "$cold_rss" ] || cold_rss=$(cat "$tmp/rss")
        add warm "$(secs "$sw" -p "$db" -j "$jobs" --cache-dir "$cache" -o "$tmp/warm.txt" --stats)"
        add warm_cpu "$(cat "$tmp/cpu")"
        warm_stats=$(grep -o '[0-9]* parsed, [0-9]* cached' "$tmp/err" || echo "?")
        cmp -s "$tmp/cold.txt" "$tmp/warm.txt" || echo "$p: warm output differs from cold!"
        echo "/* syncwise benchmark edit */" >>"$file"
        add touched "$(secs "$sw" -p "$db" -j "$jobs" --cache-dir "$cache" -o "$tmp/touched.txt" --stats)"
        touched_stats=$(grep -o '[0-9]* parsed, [0-9]* cached' "$tmp/err" || echo "?")
        cp -p "$tmp/orig" "$file"
        add one "$(secs "$bare" -p "$db" -j 1 --only "$file")"
    done
    tidy="-"
    tidy_cpu="-"
    if [ -z "${SW_BENCH_NO_TIDY:-}" ] && command -v clang-tidy >/dev/null; then
        python3 -c 'import json,os,sys
for e in json.load(open(sys.argv[1])): print(os.path.join(e["directory"],e["file"]))' \
            "$db/compile_commands.json" >"$tmp/files"
        tidy=$(secs xargs -P "$jobs" -n 4 -a "$tmp/files" clang-tidy -p "$db" \
            --quiet '--checks=-*,concurrency-mt-unsafe')
        tidy_cpu=$(cat "$tmp/cpu")
    fi
    one_rss="-"
    if [ -z "${SW_BENCH_NO_RSS:-}" ]; then
        one_rss=$("$bare" -p "$db" --rss-each | sed 's/[^0-9]*\([0-9]*\) MB.*/\1/')
    fi
    python3 - "$p" "$b" "$nocache" "$cold" "$warm" "$touched" "$one" "$tidy" \
        "$cold_rss" "$one_rss" "$warm_stats" "$touched_stats" "$(basename "$file")" \
        "$b_cpu" "$nocache_cpu" "$cold_cpu" "$warm_cpu" "$tidy_cpu" "$runs" "$bw" <<'PY'
import sys
import statistics
(name, bare, nocache, cold, warm, touched, one, tidy, cold_rss, one_rss,
 wst, tst, tfile, bc, nc, cc, wc, tc, runs, bw) = sys.argv[1:]
def f(v):  # one value, or the median of a comma-separated list
    return statistics.median(float(x) for x in str(v).split(","))
print(f"{name} (median of {runs} runs): wall time     CPU time (user+sys)")
print(f"  bare parse        {f(bare):7.2f} s            {f(bc):7.2f} s")
print(f"  bare parse -w     {f(bw):7.2f} s  {f(bw)/f(bare):5.2f}x bare  "
      f"(cold is {f(cold)/f(bw):.2f}x this)")
print(f"  syncwise no cache {f(nocache):7.2f} s  {f(nocache)/f(bare):5.2f}x bare  "
      f"{f(nc):7.2f} s  {f(nc)/f(bc):5.2f}x bare")
print(f"  cold (cache fill) {f(cold):7.2f} s  {f(cold)/f(bare):5.2f}x bare  "
      f"{f(cc):7.2f} s  {f(cc)/f(bc):5.2f}x bare")
print(f"  warm              {f(warm):7.3f} s  {100*f(warm)/f(cold):5.1f}% of cold "
      f"{f(wc):7.2f} s  {100*f(wc)/f(cc):5.1f}% of cold  ({wst})")
print(f"  touched {tfile:9} {f(touched):7.3f} s  budget {f(one)+f(warm):.3f} s = "
      f"its parse {f(one):.3f} + link {f(warm):.3f}  ({tst})")
# Run by run: each touched run against the parse and warm run of its round.
over = [float(t) - float(o) - float(w)
        for t, o, w in zip(touched.split(","), one.split(","), warm.split(","))]
print(f"  touched - budget, run by run: median {1000*statistics.median(over):+.1f} ms, "
      f"{sum(d <= 0 for d in over)} of {len(over)} runs within budget")
if tidy != "-":
    print(f"  clang-tidy mt-unsafe {f(tidy):4.2f} s  {f(tidy)/f(bare):5.2f}x bare  "
          f"{f(tc):7.2f} s  {f(tc)/f(bc):5.2f}x bare")
rss = int(cold_rss) // 1024
if one_rss != "-":
    print(f"  peak RSS cold     {rss:7d} MB  {rss/int(one_rss):5.2f}x the largest "
          f"single-TU bare parse ({one_rss} MB)")
else:
    print(f"  peak RSS cold     {rss:7d} MB")
PY
done
