#!/usr/bin/env bash
# stream.sh [CNNC] [RUNS] [WORKERS] — one epoch of the seed net (models/mnist_cnn.cnn)
# on the CPU (one compute thread) with the training set loaded whole against
# streamed from disk (--stream --workers W, default 2), alternating the two, printing
# each epoch's images/s. The data: the uncompressed MNIST IDX files of data/mnist
# (streaming reads raw IDX; gunzip a .gz copy first).
set -euo pipefail
cd "$(dirname "$0")/.."
CNNC=${1:-build/cnnc}
RUNS=${2:-2}
WORKERS=${3:-2}
DATA=${DATA:-data/mnist}
for r in $(seq "$RUNS"); do
  for mode in resident "stream --workers $WORKERS"; do
    flags=""
    [ "$mode" = resident ] || flags="--$mode"
    line=$("$CNNC" train models/mnist_cnn.cnn --device cpu --threads 1 --epochs 1 --batch 64 --seed 1 --data "$DATA" \
      --quiet $flags | grep '^epoch')
    printf '%-22s %s\n' "$mode" "$(echo "$line" | grep -oE '[0-9]+ img/s')"
  done
done
