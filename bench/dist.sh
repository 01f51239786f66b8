#!/usr/bin/env bash
# dist.sh — data-parallel scaling on the CPU (issue 16, docs/scaling.md): images/s of
# one training epoch for 1 process x 1 thread, 2 MPI ranks x 1 thread each (mpirun),
# and, for reference, 1 process x 2 threads, in one run on the same data, batch and seed.
# The goal: 2 ranks x 1 thread at least 1.7x the images/s of 1 x 1. The figure is the
# engine's own (training steps only: no start-up, data loading or evaluation).
# Usage: bench/dist.sh [CNNC_BINARY] [MODEL] [extra train args...]
#   (default build/cnnc models/mnist_cnn.cnn, on the default Fashion-MNIST, --batch 64
#   --epochs 1); last line JSON.
set -euo pipefail
cd "$(dirname "$0")/.."
exe=${1:-build/cnnc}
model=${2:-models/mnist_cnn.cnn}
shift $(( $# > 2 ? 2 : $# ))
[ -x "$exe" ] || { echo "dist.sh: $exe is not an executable (build first: scripts/build.sh)" >&2; exit 2; }
command -v mpirun >/dev/null || { echo "dist.sh: no mpirun (apt-get install openmpi-bin libopenmpi-dev)" >&2; exit 2; }
# Open MPI refuses root without this, and more ranks than cores without --oversubscribe.
mpi_flags=(--oversubscribe)
[ "$(id -u)" -eq 0 ] && mpi_flags+=(--allow-run-as-root)
args=(train "$model" --device cpu --epochs 1 --batch 64 --seed 1 --optim adam --lr 2e-3 "$@")

ips() { sed -n 's/^epoch .* \([0-9][0-9]*\) img\/s$/\1/p' | tail -n 1; }
one=$("$exe" "${args[@]}" --threads 1 | ips)
two=$(mpirun "${mpi_flags[@]}" -np 2 "$exe" "${args[@]}" --threads 1 | ips)
thr=$("$exe" "${args[@]}" --threads 2 | ips)
[ -n "$one" ] && [ -n "$two" ] && [ -n "$thr" ] || { echo "dist.sh: a run printed no epoch line" >&2; exit 1; }
python3 - "$one" "$two" "$thr" "$(nproc)" "$(cat /proc/loadavg | cut -d' ' -f1)" <<'PY'
import json, sys
one, two, thr, cores, load = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), int(sys.argv[4]), sys.argv[5]
print(f"1 process x 1 thread : {one:6d} img/s")
print(f"2 ranks   x 1 thread : {two:6d} img/s  ({two / one:.2f}x; goal 1.7x)")
print(f"1 process x 2 threads: {thr:6d} img/s  ({thr / one:.2f}x)")
print(json.dumps({"one_rank_img_s": one, "two_ranks_img_s": two, "two_threads_img_s": thr,
                  "speedup_two_ranks": round(two / one, 3), "speedup_two_threads": round(thr / one, 3),
                  "cores": cores, "load_before": float(load)}))
PY
