#!/usr/bin/env bash
# ci-reliability.sh — the reliability half of CI (called by .ci/run after scripts/test.sh):
# sanitizer build + whole suite, a fuzz smoke (FUZZ_SECONDS per target, default 30),
# and valgrind memcheck of a few `cnnc train` steps. Each step prints its time.
set -euo pipefail
cd "$(dirname "$0")/.."
step() { local t0=$SECONDS; echo "== $*" >&2; "$@"; echo "== $1 done in $((SECONDS - t0)) s" >&2; }
step scripts/sanitize.sh
step scripts/fuzz.sh "${FUZZ_SECONDS:-30}"
step scripts/valgrind-train.sh
