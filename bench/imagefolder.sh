#!/usr/bin/env bash
# imagefolder.sh [CNNC] [RUNS] — training speed on Fashion-MNIST's IDX files against
# the same images as an ImageFolder of PNGs (made once by scripts/idx-to-imagefolder.py
# under ${TMPDIR:-/tmp}/cnnc-fmnist-folder): one epoch of models/mnist_cnn.cnn on the
# CPU (one thread: two spin-wait on a shared 2-core machine) per run, alternating the
# two, printing the wall time of each run (loading included) and the epoch's img/s
# (loading excluded).
set -euo pipefail
cd "$(dirname "$0")/.."
CNNC=${1:-build/cnnc}
RUNS=${2:-2}
IDX=/usr/share/datasets/fashion-mnist
FOLDER=${TMPDIR:-/tmp}/cnnc-fmnist-folder
[ -d "$FOLDER/test" ] || python3 scripts/idx-to-imagefolder.py "$IDX" "$FOLDER"
for r in $(seq "$RUNS"); do
  for data in "$IDX" "$FOLDER"; do
    t0=$(date +%s.%N)
    line=$("$CNNC" train models/mnist_cnn.cnn --device cpu --threads 1 --epochs 1 --batch 64 --seed 1 --data "$data" --quiet | grep '^epoch')
    t1=$(date +%s.%N)
    printf '%-40s wall %6.1f s  %s\n' "$data" "$(echo "$t1 - $t0" | bc)" "$(echo "$line" | grep -oE '[0-9]+ img/s')"
  done
done
