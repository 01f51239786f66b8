#!/usr/bin/env bash
# test-install.sh — install a built cnnc into a temporary prefix and build examples/ against
# it as a downstream project would: once with CMake's find_package(cnnc), once with
# pkg-config; then run both programs (train_seed on 512 samples, check_dir on models/).
# Usage: scripts/test-install.sh [BUILD_DIR]   (default build; scripts/test.sh runs it)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-${BUILD_DIR:-build}}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/cnnc-install.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
prefix=$tmp/prefix
cmake --install "$build" --prefix "$prefix" >"$tmp/install.log"
for f in bin/cnnc lib/libcnnc.a lib/pkgconfig/cnnc.pc lib/cmake/cnnc/cnnc-config.cmake include/cnnc/cnnc.h; do
  [ -e "$prefix/$f" ] || { echo "test-install: $f was not installed" >&2; exit 1; }
done
so=$(readelf -d "$prefix"/lib/libcnnc.so.*.*.* | sed -n 's/.*(SONAME).*\[\(.*\)\]/\1/p')
[ "$so" = "libcnnc.so.0" ] || { echo "test-install: libcnnc.so's SONAME is '$so', not libcnnc.so.0" >&2; exit 1; }
if [ -e "$build/libcnnc-cuda.so" ]; then
  [ -e "$prefix/lib/libcnnc-cuda.so" ] || { echo "test-install: the CUDA plugin was not installed" >&2; exit 1; }
  # The installed program finds it in ../lib (exit 4 without a GPU, but loaded).
  out=$("$prefix/bin/cnnc" devices 2>&1 || true)
  grep -q "^CUDA plugin: .*/lib/libcnnc-cuda.so$" <<<"$out" \
    || { echo "test-install: the installed cnnc did not load its plugin:" >&2; echo "$out" >&2; exit 1; }
fi
if [ -e "$build/libcnnc-mpi.so" ]; then
  # mpirun/srun ranks find the MPI module in ../lib like the CUDA plugin (src/engine/mpi_loader.c).
  [ -e "$prefix/lib/libcnnc-mpi.so" ] || { echo "test-install: the MPI module was not installed" >&2; exit 1; }
fi
if readelf -d "$prefix/bin/cnnc" | grep -E 'NEEDED.*libmpi'; then
  echo "test-install: bin/cnnc links libmpi (only libcnnc-mpi.so may)" >&2; exit 1
fi
# The installed program is the core alone: no CUDA library among what it links.
if readelf -d "$prefix/bin/cnnc" | grep -E 'NEEDED.*(cuda|cublas|cudnn)'; then
  echo "test-install: bin/cnnc links a CUDA library" >&2; exit 1
fi

# 1. find_package(cnnc)
cmake -S examples -B "$tmp/ex-cmake" -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_BUILD_TYPE=Release >"$tmp/ex.log" 2>&1 \
  || { cat "$tmp/ex.log" >&2; exit 1; }
cmake --build "$tmp/ex-cmake" -j2 >>"$tmp/ex.log" 2>&1 || { cat "$tmp/ex.log" >&2; exit 1; }
# 2. pkg-config, by hand as a Makefile would
export PKG_CONFIG_PATH="$prefix/lib/pkgconfig"
mkdir -p "$tmp/ex-pc"
for ex in train_seed check_dir; do
  # shellcheck disable=SC2046
  cc -std=c11 -Wall -Wextra -Werror -o "$tmp/ex-pc/$ex" "examples/$ex.c" $(pkg-config --cflags --libs cnnc) \
    -Wl,-rpath,"$(pkg-config --variable=libdir cnnc)"
done
cc -std=c11 -o "$tmp/ex-pc/check_dir_static" examples/check_dir.c -rdynamic \
  $(pkg-config --cflags cnnc) "$prefix/lib/libcnnc.a" $(pkg-config --static --libs-only-other --libs-only-l cnnc | sed 's/-lcnnc//')

data=${CNNC_DATA:-data/fashion-mnist}
[ -d "$data" ] || data=/usr/share/datasets/fashion-mnist
for dir in ex-cmake ex-pc; do
  "$tmp/$dir/train_seed" models/mnist_cnn.cnn "$data" "$tmp/$dir-seed.safetensors" 512 cpu
  [ -s "$tmp/$dir-seed.safetensors" ] || { echo "test-install: $dir/train_seed wrote no checkpoint" >&2; exit 1; }
  for prog in check_dir check_dir_static; do
    set +e
    out=$("$tmp/$dir/$prog" models 2>&1); rc=$?
    set -e
    # models/ holds the broken seed net: exit 1, its PyTorch error and the fix.
    if [ $rc -ne 1 ] || ! grep -q 'mnist_cnn_broken.cnn: RuntimeError: mat1 and mat2 shapes cannot be multiplied (2x1568 and 1050x10)' <<<"$out" \
       || ! grep -q 'hint: set in_features=1568' <<<"$out" || ! grep -q 'mnist_cnn.cnn: ok' <<<"$out"; then
      echo "test-install: $dir/$prog models gave (exit $rc):" >&2; echo "$out" >&2; exit 1
    fi
  done
done
echo "test-install: installed into a temporary prefix; examples built with find_package and pkg-config, and ran"
