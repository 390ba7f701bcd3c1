#!/usr/bin/env python3
"""Scores syncwise rules on a labelled suite of small programs.

A suite is a directory.  Each *.c file in it is one program; each
subdirectory is one multi-file program (every .c file under it, analysed
together; an optional compile_flags.txt there holds one extra flag a line,
a relative -I path taken from that directory).
Programs are labelled inline:

  // label: SW201            a finding of that rule is expected on this line
  // advise: FUNC VERDICT    `syncwise advise` gives entry FUNC this verdict

A line without a label must not get a finding of a scored rule.  Prints
every false alarm and miss, then precision and recall per rule, and exits 1
when a rule misses the targets (precision >= 0.9, recall >= 0.8) or an
advise verdict differs.

usage: score.py SYNCWISE SUITE_DIR --rules SW201,SW202 [-- CFLAGS...]
"""
import json
import os
import re
import subprocess
import sys

PRECISION_TARGET = 0.9
RECALL_TARGET = 0.8


def programs(suite):
    """(name, [files], [extra flags]) for each program of the suite."""
    for entry in sorted(os.listdir(suite)):
        path = os.path.join(suite, entry)
        if entry.endswith(".c") and os.path.isfile(path):
            yield entry, [path], []
        elif os.path.isdir(path):
            files = sorted(os.path.join(d, f) for d, _, fs in os.walk(path)
                           for f in fs if f.endswith(".c"))
            flags = []
            cf = os.path.join(path, "compile_flags.txt")
            if os.path.exists(cf):
                with open(cf, encoding="utf-8") as f:
                    flags = [l.strip() for l in f if l.strip()]
                # Relative include paths are relative to the file, as
                # clangd reads compile_flags.txt.
                flags = ["-I" + os.path.join(path, fl[2:])
                         if fl.startswith("-I") and not os.path.isabs(fl[2:])
                         else fl for fl in flags]
            if files:
                yield entry, files, flags


def labels(files, rules):
    want, verdicts = set(), {}
    for path in files:
        with open(path, encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                for m in re.finditer(r"label:\s*((?:SW\d{3}[,\s]*)+)", line):
                    for code in re.findall(r"SW\d{3}", m.group(1)):
                        if code in rules:
                            want.add((code, os.path.realpath(path), n))
                m = re.search(r"advise:\s*(\w+)\s+([\w-]+)", line)
                if m:
                    verdicts[m.group(1)] = m.group(2)
    return want, verdicts


def run(cmd):
    p = subprocess.run(cmd, capture_output=True, text=True)
    if p.returncode not in (0, 1):
        sys.stderr.write(p.stderr)
        raise SystemExit("score: %s failed (exit %d)" % (" ".join(cmd[:2]),
                                                         p.returncode))
    return json.loads(p.stdout)


def main(argv):
    if "--rules" not in argv or len(argv) < 5:
        raise SystemExit(__doc__)
    cflags = []
    if "--" in argv:
        cflags = argv[argv.index("--") + 1:]
        argv = argv[:argv.index("--")]
    tool, suite = argv[1], argv[2]
    rules = argv[argv.index("--rules") + 1].split(",")
    known = set(re.findall(r"^(SW\d{3})\s", subprocess.run(
        [tool, "rules"], capture_output=True, text=True).stdout, re.M))
    missing = [r for r in rules if r not in known]
    if missing:
        print("  not in this syncwise (every label a miss): %s"
              % ",".join(missing))
    select = ",".join(r for r in rules if r in known)
    tp = {r: 0 for r in rules}
    fp = {r: 0 for r in rules}
    fn = {r: 0 for r in rules}
    vt = vn = count = 0
    for name, files, flags in programs(suite):
        count += 1
        want, verdicts = labels(files, rules)
        got = set()
        if select:
            out = run([tool, "check", "--no-cache", "--format", "json",
                       "--fail-on", "never", "--select", select]
                      + files + ["--"] + cflags + flags)
            got = {(d["rule"], os.path.realpath(d["file"]), d["line"])
                   for d in out["diagnostics"] if d["rule"] in rules}
        for r, path, line in sorted(got | want):
            where = "%s:%d" % (os.path.relpath(path, suite), line)
            if (r, path, line) in got and (r, path, line) in want:
                tp[r] += 1
            elif (r, path, line) in got:
                fp[r] += 1
                print("  false alarm: %s %s" % (where, r))
            else:
                fn[r] += 1
                print("  missed:      %s %s" % (where, r))
        if verdicts:
            adv = run([tool, "advise", "--format", "json"] + files + ["--"]
                      + cflags + flags)
            have = {e["function"]: e["verdict"] for e in adv["entries"]}
            for func, v in sorted(verdicts.items()):
                vn += 1
                if have.get(func) == v:
                    vt += 1
                else:
                    print("  advise:      %s %s: %s, expected %s"
                          % (name, func, have.get(func), v))
    ok = True
    print("%d programs" % count)
    print("%-6s %4s %4s %4s %9s %6s" % ("rule", "tp", "fp", "fn", "precision",
                                         "recall"))
    for r in rules:
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
    sys.exit(main(sys.argv))
