#!/usr/bin/env bash
# check_many.sh — `cnnc check` over many real sources (issue 14's goal: at least 10,000 files a
# second on this machine): COPIES copies of tests/corpus/real (126 real model sources, 10,080 .py
# files at the default 80) in a scratch folder, checked RUNS times with --jobs JOBS. Prints each
# run's wall seconds and files/s, then the median and the best. With BASE=OTHER_BINARY the
# two binaries run alternately, so that both see the same machine: this VM's speed drifts by up to
# 40% between minutes (docs/check-at-scale.md), and only alternating runs compare.
# Usage: [BASE=old/cnnc] bench/check_many.sh [CNNC_BINARY] [RUNS] [JOBS] [COPIES]
set -euo pipefail
cd "$(dirname "$0")/.."
exe=${1:-build/cnnc}
runs=${2:-7}
jobs=${3:-2}
copies=${4:-80}
[ -x "$exe" ] || { echo "check_many.sh: $exe is not an executable (build first: scripts/build.sh)" >&2; exit 2; }
if [ -n "${BASE:-}" ] && [ ! -x "$BASE" ]; then echo "check_many.sh: BASE=$BASE is not an executable" >&2; exit 2; fi
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
for i in $(seq 1 "$copies"); do cp -r tests/corpus/real "$dir/c$i"; done
files=$(find "$dir" -name '*.py' | wc -l)
echo "$files .py files ($copies copies of tests/corpus/real), --jobs $jobs, $runs runs"
exec python3 - "$dir" "$files" "$runs" "$jobs" "$exe" ${BASE:+"$BASE"} <<'PY'
import os, statistics, subprocess, sys, time
folder, files, runs, jobs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
bins = sys.argv[5:]
walls = {b: [] for b in bins}
for r in range(runs):
    for b in bins:
        t0 = time.perf_counter()
        p = subprocess.Popen([b, "check", folder, "--jobs", jobs], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        _, err = p.communicate()
        wall = time.perf_counter() - t0
        if p.returncode not in (0, 1, 2, 6):
            sys.exit(f"{b} exited {p.returncode}: {err.decode()[-500:]}")
        walls[b].append(wall)
        print(f"run {r + 1} {b}: {wall:.2f} s wall, {files / wall:,.0f} files/s", flush=True)
for b in bins:
    w = walls[b]
    print(f"{b}: median {statistics.median(w):.2f} s ({files / statistics.median(w):,.0f} files/s), "
          f"best {min(w):.2f} s ({files / min(w):,.0f} files/s)")
if len(bins) == 2:
    ratio = statistics.median(a / b for a, b in zip(walls[bins[0]], walls[bins[1]]))
    print(f"{bins[0]} / {bins[1]}, median of the alternating pairs: {ratio:.2f}")
PY
