#!/usr/bin/env python3
"""Scores SW101-SW104 and `syncwise advise` on the labelled suite.

Each program in suite/ is a small C file written like real code.  Labels:
  // label: SW101            a finding of that rule is expected on this line
  // advise: FUNC VERDICT    advise gives entry FUNC this verdict key
Lines without a label must not get a finding.  Prints precision and recall
per rule and the advise verdict accuracy, and exits 1 when a rule misses
the targets (precision >= 0.9, recall >= 0.8).

usage: score_suite.py SYNCWISE SUITE_DIR [EXTRA_CFLAGS...]
"""
import json
import os
import re
import subprocess
import sys

RULES = ["SW101", "SW102", "SW103", "SW104"]
PRECISION_TARGET = 0.9
RECALL_TARGET = 0.8


def labels(path):
    want, verdicts = set(), {}
    with open(path, encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            for m in re.finditer(r"label:\s*(SW\d{3})", line):
                want.add((m.group(1), n))
            m = re.search(r"advise:\s*(\w+)\s+([\w-]+)", line)
            if m:
                verdicts[m.group(1)] = m.group(2)
    return want, verdicts


def run(cmd):
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode not in (0, 1):
        sys.stderr.write(p.stderr)
        raise SystemExit("score_suite: %s failed (%d)" % (cmd[1], p.returncode))
    return json.loads(p.stdout)


def main():
    if len(sys.argv) < 3:
        raise SystemExit(__doc__)
    tool, suite, cflags = sys.argv[1], sys.argv[2], sys.argv[3:]
    files = sorted(f for f in os.listdir(suite) if f.endswith(".c"))
    tp = {r: 0 for r in RULES}
    fp = {r: 0 for r in RULES}
    fn = {r: 0 for r in RULES}
    vt = vn = 0
    for name in files:
        path = os.path.join(suite, name)
        want, verdicts = labels(path)
        out = run([tool, "check", "--no-cache", "--format", "json", "--fail-on", "never",
                   "--select", ",".join(RULES), path, "--"] + cflags)
        got = {(d["rule"], d["line"]) for d in out["diagnostics"]
               if d["rule"] in RULES}
        for r, line in got | want:
            if (r, line) in got and (r, line) in want:
                tp[r] += 1
            elif (r, line) in got:
                fp[r] += 1
                print("  false alarm: %s:%d %s" % (name, line, r))
            else:
                fn[r] += 1
                print("  missed:      %s:%d %s" % (name, line, r))
        if verdicts:
            adv = run([tool, "advise", "--format", "json", path, "--"] + cflags)
            have = {e["function"]: e["verdict"] for e in adv["entries"]}
            for func, v in verdicts.items():
                vn += 1
                if have.get(func) == v:
                    vt += 1
                else:
                    print("  advise:      %s %s: %s, expected %s"
                          % (name, func, have.get(func), v))
    ok = True
    print("%d programs" % len(files))
    print("%-6s %4s %4s %4s %9s %6s" % ("rule", "tp", "fp", "fn", "precision",
                                         "recall"))
    for r in RULES:
        p = tp[r] / (tp[r] + fp[r]) if tp[r] + fp[r] else 1.0
        rc = tp[r] / (tp[r] + fn[r]) if tp[r] + fn[r] else 1.0
        miss = p < PRECISION_TARGET or rc < RECALL_TARGET
        ok &= not miss
        print("%-6s %4d %4d %4d %9.2f %6.2f%s" % (r, tp[r], fp[r], fn[r], p, rc,
                                                 "  BELOW TARGET" if miss else ""))
    if vn:
        print("advise verdicts: %d/%d as labelled" % (vt, vn))
    return 0 if ok and vt == vn else 1


if __name__ == "__main__":
    sys.exit(main())
