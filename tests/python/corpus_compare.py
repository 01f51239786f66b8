#!/usr/bin/python3
"""corpus_compare.py [EXPECTED.tsv] [--cnnc build/cnnc] [--report OUT.tsv]

Runs `cnnc check FILE --class CLASS [--args ARGS] --input S[;S2...] --format json`
for every line of expected.tsv (FILE<TAB>CLASS<TAB>ARGS<TAB>INPUTS<TAB>RESULT) and compares
cnnc's answer with PyTorch's the way tests/corpus_test.cpp does:
  - cnnc's answer is its `result` when status is ok, else `Type: message` (first line of the
    message; a bare exception is `Type: ` with the trailing space), or, when status is
    `unsupported` (NotImplementedError: cnnc cannot follow ...), REFUSED<TAB>line<TAB>message;
  - same: the answer equals RESULT exactly; refused: a REFUSED answer; wrong: anything else
    (including a crash, no output, or unparseable output).
Writes a per-case report (verdict, the case, PyTorch's answer, cnnc's answer) and prints the
counts, every refusal grouped by message, and every wrong case. Run it from the repository root.
It measures the CLI as a user runs it; the suite's Corpus.* tests measure the same through the
library (tests/corpus_test.cpp).
"""
import collections
import json
import os
import subprocess
import sys
import time


def main(argv):
    expected = "tests/corpus/real4/expected.tsv"
    cnnc = "build/cnnc"
    report = "/tmp/corpus_report.tsv"
    i = 0
    while i < len(argv):
        if argv[i] == "--cnnc":
            cnnc = argv[i + 1]; i += 2
        elif argv[i] == "--report":
            report = argv[i + 1]; i += 2
        else:
            expected = argv[i]; i += 1
    folder = os.path.dirname(expected)
    cases = []
    with open(expected) as f:
        for line in f:
            line = line.rstrip("\n")
            if not line or line.startswith("#"):
                continue
            parts = line.split("\t")
            assert len(parts) == 5, line
            cases.append(parts)

    def first_line(s):
        return s.split("\n", 1)[0]

    def run(file, cls, args, inputs):
        cmd = [cnnc, "check", os.path.join(folder, file), "--class", cls]
        if args != "-":
            cmd += ["--args", args]
        cmd += ["--input", inputs]   # several shapes joined by ';' are one forward(a, b, ...)
        cmd += ["--format", "json"]
        for attempt in range(10):
            if os.path.exists(cnnc):
                break
            time.sleep(60)  # the binary is being rebuilt: wait for it
        try:
            p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=120)
        except subprocess.TimeoutExpired:
            return "CNNC TIMEOUT", None
        out = p.stdout.decode("utf-8", "replace").strip().splitlines()
        objs = []
        for l in out:
            try:
                objs.append(json.loads(l))
            except ValueError:
                pass
        if len(objs) != 1:
            return "CNNC OUTPUT rc=%d: %r %r" % (p.returncode, p.stdout[-300:], p.stderr[-300:]), None
        o = objs[0]
        st = o.get("status")
        if st == "ok":
            return o.get("result"), o
        if st == "unsupported":
            return "REFUSED\t%s\t%s" % (o.get("line"), first_line(o.get("message", ""))), o
        if st in ("shape", "error", "unreadable"):
            msg = o.get("message", "")
            return "%s: %s" % (o.get("type"), first_line(msg)), o
        return "CNNC STATUS %s: %s" % (st, json.dumps(o)), o

    counts = collections.Counter()
    refusals = collections.defaultdict(list)
    wrongs = []
    with open(report, "w") as rep:
        for file, cls, args, inputs, want in cases:
            got, obj = run(file, cls, args, inputs)
            if got == want:
                verdict = "same"
            elif got.startswith("REFUSED\t"):
                verdict = "refused"
                line = got.split("\t")[1]
                if not (line.isdigit() and int(line) > 0):
                    verdict = "refused-noline"
                refusals[got.split("\t", 2)[2]].append((file, cls, args, inputs, line, want))
            else:
                verdict = "WRONG"
                wrongs.append((file, cls, args, inputs, want, got))
            counts[verdict] += 1
            rep.write("\t".join([verdict, file, cls, args, inputs, want, got.replace("\t", " | ")]) + "\n")
            rep.flush()
    n = len(cases)
    print("%d cases, %d classes, %d files: %d same (%.1f%%), %d refused, %d wrong" % (
        n, len({(c[0], c[1]) for c in cases}), len({c[0] for c in cases}), counts["same"],
        100.0 * counts["same"] / n, counts["refused"] + counts["refused-noline"], counts["WRONG"]))
    if counts["refused-noline"]:
        print("  (%d refusals without a line)" % counts["refused-noline"])
    print("\nREFUSED, by message:")
    for msg, lst in sorted(refusals.items(), key=lambda kv: -len(kv[1])):
        print("  %3d  %s" % (len(lst), msg))
        for file, cls, args, inputs, line, want in lst:
            print("         %s:%s  %s(%s)  %s   [PyTorch: %s]" % (file, line, cls, "" if args == "-" else args, inputs, want))
    print("\nWRONG:")
    for file, cls, args, inputs, want, got in wrongs:
        print("  %s  %s(%s)  %s\n    PyTorch: %s\n    cnnc:    %s" % (file, cls, "" if args == "-" else args, inputs, want, got))
    print("\nreport:", report)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
