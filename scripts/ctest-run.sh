#!/usr/bin/env bash
# ctest-run.sh — ctest in the current build folder, and when tests fail, their
# output again at the very end (CI keeps only the tail of a log), each failed
# test run once more alone to say whether it fails again. The exit status is
# ctest's first one: a test that passes only the second time still fails the run.
# Usage: (cd BUILD && ../scripts/ctest-run.sh [ctest args...])
set -uo pipefail
ctest --output-on-failure "$@"
rc=$?
[ "$rc" -eq 0 ] && exit 0
failed=Testing/Temporary/LastTestsFailed.log
log=Testing/Temporary/LastTest.log
[ -s "$failed" ] || exit "$rc"
saved=$(mktemp)
cp "$log" "$saved"
echo
echo "==== ctest failed (exit $rc); the failed tests' output again ===="
# LastTestsFailed.log lines are "N:NAME"; at most 10 tests, 80 lines each.
cut -d: -f2- "$failed" | head -n 10 | while IFS= read -r name; do
  echo "---- $name"
  awk -v t="$name" '
    $0 ~ /^[0-9]+\/[0-9]+ Test: / { sub(/^[0-9]+\/[0-9]+ Test: /, ""); on = ($0 == t); next }
    on && /^<end of output>/ { on = 0 }
    on' "$saved" | tail -n 80
  if ctest -R "^$(printf '%s' "$name" | sed 's/[][\.*^$(){}+?|]/\\&/g')\$" --timeout 1800 >/dev/null 2>&1; then
    echo "---- $name passed when run again alone (it fails only sometimes)"
  else
    echo "---- $name failed again when run alone"
  fi
done
rm -f "$saved"
exit "$rc"
