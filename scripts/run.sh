#!/usr/bin/env bash
# run.sh — the main job: show the seed net's PyTorch error and its fix, print the
# fixed net's summary, then train it on the default data (Fashion-MNIST) on the
# default device (CUDA when usable, else the CPU). Extra arguments go to `cnnc train`.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh build data
scripts/get-data.sh >/dev/null
scripts/build.sh >/dev/null
CNNC=build/cnnc
echo "== cnnc check models/mnist_cnn_broken.cnn  (what PyTorch would say, and the fix)"
$CNNC check models/mnist_cnn_broken.cnn --input 2x1x28x28 || true
echo
echo "== cnnc check models/mnist_cnn_broken.cnn --fix  (the repaired model file)"
$CNNC check models/mnist_cnn_broken.cnn --input 2x1x28x28 --fix
echo
echo "== cnnc summary models/mnist_cnn.cnn"
$CNNC summary models/mnist_cnn.cnn --input 1x28x28
echo
echo "== cnnc train models/mnist_cnn.cnn --data data/fashion-mnist"
exec $CNNC train models/mnist_cnn.cnn --data data/fashion-mnist --epochs 1 --batch 64 --optim adam --lr 2e-3 \
  --device auto --save build/mnist_cnn.safetensors --log build/metrics.csv --plot build/curve.svg "$@"
