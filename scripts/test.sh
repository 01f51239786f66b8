#!/usr/bin/env bash
# test.sh — install what the tests need, build with warnings as errors, run the whole suite with ctest,
# then install into a temporary prefix and build examples/ against it (scripts/test-install.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh build test
scripts/get-data.sh >/dev/null
scripts/build.sh -DCNNC_TESTS=ON -DCNNC_REQUIRE_TESTS=ON "$@"
root=$PWD
(cd "${BUILD_DIR:-build}" && "$root"/scripts/ctest-run.sh -j"$(nproc)" --timeout 900)
scripts/test-install.sh "${BUILD_DIR:-build}"
