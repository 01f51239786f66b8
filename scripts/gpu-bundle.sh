#!/usr/bin/env bash
# gpu-bundle.sh — build cnnc with CUDA here and pack what the GPU machine needs
# into .gpu/ (ignored by git, carried by the device tool): the binaries, the
# shared libraries its image may lack (OpenBLAS xz-compressed, gfortran,
# quadmath, gomp, png), and a real copy of Fashion-MNIST (symlinks don't travel).
# Then scripts/gpu-check.sh on the GPU machine uses .gpu/ instead of building.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/usr/local/cuda/bin"
BUILD_DIR=build-gpu scripts/build.sh -DCNNC_CUDA=ON -DCMAKE_CUDA_ARCHITECTURES=90
rm -rf .gpu && mkdir -p .gpu/bin .gpu/lib .gpu/data/fashion-mnist
cp build-gpu/cnnc build-gpu/cnnc_tests .gpu/bin/
for b in build-gpu/bench_*; do [ -x "$b" ] && cp "$b" .gpu/bin/; done
for lib in libgfortran.so.5 libquadmath.so.0 libgomp.so.1 libpng16.so.16; do
  cp -L "/lib/x86_64-linux-gnu/$lib" .gpu/lib/
done
xz -T2 -6 -c < /usr/lib/x86_64-linux-gnu/openblas-pthread/libopenblas.so.0 > .gpu/lib/libopenblas.so.0.xz
cp /usr/share/datasets/fashion-mnist/*.gz .gpu/data/fashion-mnist/
du -sh .gpu
