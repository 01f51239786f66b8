#!/usr/bin/env bash
# fuzz.sh — build the libFuzzer targets (clang, ASan+UBSan, tests/fuzz/*.c) into
# build-fuzz/ and run each for SECONDS (default 60) over its committed seed
# corpus (tests/fuzz/corpus/<name>). New inputs go to a scratch corpus, not the
# repository; crashes, leaks and timeouts are written to build-fuzz/findings/.
# Prints one line per target: executions, coverage (edges), features, findings.
# Usage: scripts/fuzz.sh [SECONDS] [target...]   (targets: model idx safetensors py image)
# Exit status 1 when any target found a crash, leak or timeout. The timeout (25 s an input)
# sits above what the .py reader's own bounds allow (20M steps, a 1 GiB arena: about 6 s
# under ASan here), so a timeout is an input those bounds fail to stop.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_PER_TARGET=${1:-60}
shift || true
scripts/setup.sh build fuzz
BUILD_DIR=${BUILD_DIR:-build-fuzz}
CC=clang CXX=clang++ BUILD_DIR="$BUILD_DIR" scripts/build.sh -DCNNC_FUZZ=ON -DCNNC_TESTS=OFF -DCNNC_CUDA=OFF \
  -DCMAKE_C_COMPILER=clang -DCMAKE_CXX_COMPILER=clang++ -DCMAKE_BUILD_TYPE=RelWithDebInfo
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=(model idx safetensors py image)
findings="$BUILD_DIR/findings"
mkdir -p "$findings"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
status=0
printf '%-12s %10s %8s %8s %8s %s\n' target execs cov ft findings seconds
for t in "${targets[@]}"; do
  case "$t" in
    model) exe=fuzz_model_parser ;;
    py) exe=fuzz_py_reader ;;
    *) exe=fuzz_$t ;;
  esac
  corpus="tests/fuzz/corpus/$t"
  # The .py reader's seeds are the PyTorch sources the tests check (tests/pysrc), plus its own.
  extra=""; [ "$t" = py ] && extra=tests/pysrc
  mkdir -p "$work/$t" "$findings/$t"
  # crash-, leak-, timeout- and oom- files; slow-unit- files are libFuzzer's notes, not findings
  count_findings() { find "$findings/$t" -maxdepth 1 -type f ! -name 'slow-unit-*' | wc -l; }
  before=$(count_findings)
  log="$work/$t.log"
  rc=0
  ASAN_OPTIONS="detect_leaks=1" "$BUILD_DIR/$exe" -max_total_time="$SECONDS_PER_TARGET" -rss_limit_mb=2048 \
    -timeout=25 -report_slow_units=25 -print_final_stats=1 -artifact_prefix="$findings/$t/" "$work/$t" "$corpus" $extra >"$log" 2>&1 || rc=$?
  after=$(count_findings)
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  cov=$(grep -oE 'cov: [0-9]+' "$log" | tail -1 | grep -oE '[0-9]+' || echo 0)
  ft=$(grep -oE 'ft: [0-9]+' "$log" | tail -1 | grep -oE '[0-9]+' || echo 0)
  printf '%-12s %10s %8s %8s %8s %s\n' "$t" "${execs:-0}" "$cov" "$ft" "$((after - before))" "$SECONDS_PER_TARGET"
  if [ "$rc" -ne 0 ] || [ "$after" -ne "$before" ]; then
    status=1
    echo "fuzz.sh: $t: libFuzzer exit $rc; findings in $findings/$t:" >&2
    grep -E 'ERROR|SUMMARY|==[0-9]+==' "$log" | head -20 >&2 || true
  fi
done
exit $status
