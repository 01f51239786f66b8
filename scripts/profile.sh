#!/usr/bin/env bash
# profile.sh — Nsight Systems and Nsight Compute on a few training steps of the
# seed net (GPU machine, carrying build-gpu/). Reports land in $OUT (or ./profile-out):
#   cnnc-profile.txt      `cnnc profile` per-layer table (CUDA events)
#   nsys.nsys-rep         timeline of steps A..B with the NVTX ranges (--no-graph, so
#                         each layer's kernels sit under its "conv1.0 forward" range)
#   nsys-stats.txt        nsys stats: CUDA kernel and NVTX range summaries
#   ncu.ncu-rep / ncu.txt per-kernel metrics (SOL, occupancy) of one profiled step
# See docs/profiling.md. Usage: scripts/profile.sh [BATCH] [A:B]
set -u
cd "$(dirname "$0")/.."
OUT=${OUT:-$PWD/profile-out}
mkdir -p "$OUT"
BATCH=${1:-256}
STEPS=${2:-20:24}
. scripts/gpu-env.sh >/dev/null
[ -n "$BIN" ] || { echo "no carried build-gpu/bin: run scripts/gpu-check.sh prepare here first"; exit 1; }
MODEL=models/mnist_cnn.cnn
find_tool() {  # on PATH, in the toolkit, or inside an Nsight install
    command -v "$1" 2>/dev/null && return
    ls /usr/local/cuda/bin/"$1" /opt/nvidia/nsight-systems/*/bin/"$1" /opt/nvidia/nsight-compute/*/"$1" \
       /opt/nvidia/nsight-compute/*/host/target-linux-x64/"$1" 2>/dev/null | head -1
}
NSYS=$(find_tool nsys); NCU=$(find_tool ncu)
echo "nsys: ${NSYS:-not found}; ncu: ${NCU:-not found}; batch $BATCH, steps $STEPS"

timeout 60 "$BIN/cnnc" profile $MODEL --device cuda --batch "$BATCH" --steps 20 > "$OUT/cnnc-profile.txt" 2>&1
cat "$OUT/cnnc-profile.txt"

# A short training run: a 6,000-image slice is enough for steps A..B.
TRAIN=(train $MODEL --data "$DATA" --device cuda --batch "$BATCH" --epochs 1 --quiet --no-graph --profile-steps "$STEPS")
if [ -n "$NSYS" ]; then
    # CUDA and NVTX only, no CPU sampling: on the H100 (2026-11-26) the fuller set
    # (cublas,cudnn API tracing plus sampling) left a 737 MB .qdstrm that was not turned
    # into a report within 120 s. nsys's own messages go to nsys.log.
    timeout 240 "$NSYS" profile -o "$OUT/nsys" --force-overwrite true --trace cuda,nvtx --sample none \
        --cpuctxsw none --capture-range cudaProfilerApi --capture-range-end stop "$BIN/cnnc" "${TRAIN[@]}" \
        > "$OUT/nsys.log" 2>&1
    if [ -f "$OUT/nsys.nsys-rep" ]; then
        timeout 60 "$NSYS" stats --report cuda_gpu_kern_sum,nvtx_sum --format table "$OUT/nsys.nsys-rep" \
            > "$OUT/nsys-stats.txt" 2>&1
        head -40 "$OUT/nsys-stats.txt"
    else
        echo "nsys wrote no report; its log:"; tail -20 "$OUT/nsys.log"; ls -la "$OUT"/nsys* 2>/dev/null
        rm -f "$OUT"/*.qdstrm   # raw streams are large and useless without the importer
    fi
fi
if [ -n "$NCU" ]; then
    A=${STEPS%%:*}
    # One step's kernels (--profile-steps A:A) with the basic set: SOL, launch, occupancy.
    timeout 180 "$NCU" --profile-from-start off --set basic -o "$OUT/ncu" -f "$BIN/cnnc" \
        train $MODEL --data "$DATA" --device cuda --batch "$BATCH" --epochs 1 --quiet --no-graph \
        --profile-steps "$A:$A" > /dev/null 2>&1
    timeout 60 "$NCU" --import "$OUT/ncu.ncu-rep" --page details --csv > "$OUT/ncu.csv" 2>/dev/null
    timeout 60 "$NCU" --import "$OUT/ncu.ncu-rep" > "$OUT/ncu.txt" 2>&1
    grep -E '^\s+[a-z_].*\(|Duration|Memory Throughput|Compute \(SM\) Throughput' "$OUT/ncu.txt" | head -60
fi
ls -la "$OUT"
