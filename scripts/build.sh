#!/usr/bin/env bash
# build.sh — configure and build cnnc into build/ (CUDA compiled in when nvcc is found).
# Extra arguments go to cmake's configure step, e.g. -DCNNC_CUDA=OFF.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${BUILD_DIR:-build}
# nvcc lives outside PATH in the CUDA toolkit's default location.
[ -x /usr/local/cuda/bin/nvcc ] && export PATH="$PATH:/usr/local/cuda/bin"
cmake -S . -B "$BUILD_DIR" -DCMAKE_BUILD_TYPE=Release -DCNNC_WERROR=ON "$@" >"${TMPDIR:-/tmp}/cnnc-configure.log" 2>&1 \
  || { cat "${TMPDIR:-/tmp}/cnnc-configure.log" >&2; exit 1; }
grep -E '^-- cnnc:' "${TMPDIR:-/tmp}/cnnc-configure.log" >&2 || true
log="${TMPDIR:-/tmp}/cnnc-build.log"
cmake --build "$BUILD_DIR" -j"$(nproc)" >"$log" 2>&1 || { grep -vE '^\[ *[0-9]+%\] ' "$log" | tail -n 80 >&2; exit 1; }
