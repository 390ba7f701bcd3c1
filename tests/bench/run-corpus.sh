#!/usr/bin/env bash
# Runs syncwise and the bare-parse floor on each corpus project and prints
# wall times, their ratio, peak RSS and findings per rule.
#
#   tests/bench/run-corpus.sh BUILD_DIR [CORPUS_DIR] [JOBS]
#
# CORPUS_DIR defaults to ~/.cache/syncwise-corpus (made by
# ../shared/corpus/fetch-corpus.sh).
set -euo pipefail
build=$(cd "$1" && pwd)
corpus=${2:-$HOME/.cache/syncwise-corpus}
jobs=${3:-2}
for p in memcached redis libuv; do
    db="$corpus/$p"
    [ -f "$db/compile_commands.json" ] || { echo "$p: no compile_commands.json"; continue; }
    bare=$("$build/tests/bare_parse" -p "$db" -j "$jobs" | sed 's/.*, \([0-9.]*\) s/\1/')
    start=$(date +%s.%N)
    /usr/bin/time -f "%M" -o /tmp/sw-rss.$$ "$build/syncwise" -p "$db" -j "$jobs" \
        --format json -o /tmp/sw-out.$$.json || true
    end=$(date +%s.%N)
    python3 - "$p" "$bare" "$start" "$end" /tmp/sw-out.$$.json /tmp/sw-rss.$$ <<'PY'
import json, sys
name, bare, start, end, out, rss = sys.argv[1:]
sw = float(end) - float(start)
d = json.load(open(out))
s = d["summary"]
print(f"{name:10} files={s['files']:4} functions={s['functions']:6} "
      f"syncwise={sw:6.2f}s bare={float(bare):6.2f}s ratio={sw/float(bare):4.2f} "
      f"rss={int(open(rss).read().split()[-1])//1024}MB findings={s['by_rule']}")
PY
done
rm -f /tmp/sw-out.$$.json /tmp/sw-rss.$$
