#!/usr/bin/env python3
"""Checks that `syncwise advise` and the rules never contradict each other.

For each program given (a C file, or a directory with compile_commands.json)
it runs `syncwise check` (SW101-SW104, SW303) and `syncwise advise`, both as
JSON, and checks:
  - a SW101-SW104 finding at a place where an entry point is started makes
    that entry "async-adds-nothing", with the finding as evidence;
  - every "async-adds-nothing" entry's evidence is a finding of the rules;
  - a loop entry is "async-would-help" exactly when SW303 reports in it;
  - every SW103 finding is the evidence of some entry (at a spawn, of the
    task; at a loop's run call, of the loop's callbacks).
  - any other entry is "async-would-help (N independent remote waits)"
    exactly when SW301 reports the same N waits in its body (outside loops).

usage: consistency.py SYNCWISE PROGRAM... [-- EXTRA_CFLAGS...]
"""
import json
import os
import re
import subprocess
import sys

ASYNC_RULES = {"SW101", "SW102", "SW103", "SW104"}
SW301_COUNT = re.compile(r"depend on the (\d+) remote wait")


def run(cmd, cwd):
    p = subprocess.run(cmd, capture_output=True, text=True, cwd=cwd)
    if p.returncode not in (0, 1):
        sys.stderr.write(p.stderr)
        raise SystemExit("consistency: %s failed (%d)" % (" ".join(cmd), p.returncode))
    return json.loads(p.stdout)


def check_one(tool, prog, cflags):
    if os.path.isdir(prog):
        cwd, inputs = prog, ["-p", "."]
    else:
        cwd, inputs = os.path.dirname(prog) or ".", [os.path.basename(prog), "--"] + cflags
    rules = run([tool, "check", "--no-cache", "--format", "json", "--fail-on", "never",
                 "--select", "SW101,SW102,SW103,SW104,SW301,SW303"] + inputs, cwd)
    adv = run([tool, "advise", "--format", "json"] + inputs, cwd)
    found = {(d["rule"], d["file"], d["line"]) for d in rules["diagnostics"]}
    sw303 = {}
    for d in rules["diagnostics"]:
        if d["rule"] == "SW303":
            sw303.setdefault(d["function"], 0)
            sw303[d["function"]] += 1
    sw301 = {}
    for d in rules["diagnostics"]:
        m = SW301_COUNT.search(d["message"]) if d["rule"] == "SW301" else None
        if m and "iteration of the loop" not in d["message"]:
            sw301[d["function"]] = int(m.group(1)) + 1
    problems = []
    all_ev = {(x["rule"], x["file"], x["line"]) for e in adv["entries"] for x in e["evidence"]}
    for rule, f, line in sorted(found):
        if rule == "SW103" and (rule, f, line) not in all_ev:
            problems.append("%s:%d %s is the evidence of no entry" % (f, line, rule))
    for e in adv["entries"]:
        starts = {(s["file"], s["line"]) for s in e["started_at"]}
        ev = {(x["rule"], x["file"], x["line"]) for x in e["evidence"]}
        for rule, f, line in found:
            if rule in ASYNC_RULES and (f, line) in starts and (rule, f, line) not in ev:
                problems.append("%s:%d %s is not in the advice for '%s'"
                                % (f, line, rule, e["function"]))
        if e["verdict"] == "async-adds-nothing":
            if not ev:
                problems.append("'%s' adds nothing without evidence" % e["function"])
            for x in ev:
                if x not in found:
                    problems.append("'%s': evidence %s %s:%d is not a finding"
                                    % (e["function"], x[0], x[1], x[2]))
        elif ev:
            problems.append("'%s' has evidence %s but verdict %s"
                            % (e["function"], sorted(ev), e["verdict"]))
        if e["kind"] != "loop" and e["verdict"] != "async-adds-nothing":
            n = e.get("independent_remote_waits") if e["verdict"] == "async-would-help" else None
            if n != sw301.get(e["function"]):
                problems.append("'%s': advice counts %s independent remote waits, SW301 %s"
                                % (e["function"], n, sw301.get(e["function"])))
        if e["kind"] == "loop":
            helps = e["verdict"] == "async-would-help"
            if helps != (e["function"] in sw303) and e["verdict"] != "async-adds-nothing":
                problems.append("loop entry '%s': verdict %s, SW303 findings %d"
                                % (e["function"], e["verdict"], sw303.get(e["function"], 0)))
    return problems


def main():
    args = sys.argv[1:]
    if len(args) < 2:
        raise SystemExit(__doc__)
    cflags = []
    if "--" in args:
        i = args.index("--")
        args, cflags = args[:i], args[i + 1:]
    tool, progs = os.path.abspath(args[0]), args[1:]
    files = []
    for p in progs:
        if os.path.isdir(p) and not os.path.exists(os.path.join(p, "compile_commands.json")):
            # A fixture directory's compile_flags.txt applies to its files.
            extra = []
            flags = os.path.join(p, "compile_flags.txt")
            if os.path.exists(flags):
                with open(flags) as fh:
                    extra = [l.strip() for l in fh if l.strip()]
            files += [(os.path.join(p, f), extra) for f in sorted(os.listdir(p)) if f.endswith(".c")]
        else:
            files.append((p, []))
    bad = 0
    for f, extra in files:
        for msg in check_one(tool, os.path.abspath(f), cflags + extra):
            print("%s: %s" % (f, msg))
            bad += 1
    print("%d programs checked, %d contradictions" % (len(files), bad))
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
