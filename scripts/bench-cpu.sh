#!/usr/bin/env bash
# bench-cpu.sh — a model's training step in cnnc and in PyTorch on this
# machine's CPU, same threads and batches, in one run; prints images/s, the
# cnnc/PyTorch ratio and peak RSS. The model is the seed net, or MODEL=FILE
# (e.g. MODEL=models/resnet_fmnist.cnn). Usage: [MODEL=FILE] scripts/bench-cpu.sh [threads] [steps]
set -euo pipefail
cd "$(dirname "$0")/.."
threads=${1:-2}
steps=${2:-50}
model=${MODEL:-models/mnist_cnn.cnn}
[ -f "$model" ] || { echo "bench-cpu.sh: no model file '$model'" >&2; exit 2; }
pymodel=()
[ "$model" = models/mnist_cnn.cnn ] || pymodel=(--model "$model")
echo "model: $model"
[ -x build/cnnc ] || scripts/build.sh >/dev/null
printf '%-6s %-8s %14s %14s %8s %12s %12s\n' batch threads "cnnc img/s" "torch img/s" ratio "cnnc RSS" "torch RSS"
for batch in 64 256; do
  c=$(build/cnnc bench "$model" --device cpu --threads "$threads" --batch "$batch" --steps "$steps" | tail -n 1)
  p=$(/usr/bin/python3 bench/pytorch_cpu.py "${pymodel[@]}" --threads "$threads" --batch "$batch" --steps "$steps" | tail -n 1)
  /usr/bin/python3 - "$c" "$p" "$batch" "$threads" <<'PY'
import json, sys
c, p = json.loads(sys.argv[1]), json.loads(sys.argv[2])
print("%-6s %-8s %14.0f %14.0f %8.2f %9.1f MiB %9.1f MiB" % (sys.argv[3], sys.argv[4], c["images_per_s"],
      p["images_per_s"], c["images_per_s"] / p["images_per_s"], c["peak_rss_mib"], p["peak_rss_mib"]))
PY
done
