#!/usr/bin/env bash
# gpu-bench.sh — cnnc against PyTorch on the same card in one call (~6 minutes).
#   HERE:    scripts/gpu-check.sh prepare        (builds build-gpu/, copies the data)
#   ON GPU:  scripts/gpu-bench.sh                (carry ["build-gpu"])
# Runs `cnnc bench` (the default, then one option changed at a time) and bench/pytorch_gpu.py
# (eager, graph, compile) at batches 64 256 1024 4096, prints images/s and ms/step per
# mode and batch with cnnc/PyTorch ratios, one 60,000-image epoch at batch 512, and the
# training time to 0.90 Fashion-MNIST test accuracy for cnnc and PyTorch eager
# (Adam lr 1e-3, batch 100). Writes at most 5 files to $OUT.
set -u
cd "$(dirname "$0")/.."
ROOT=$PWD
OUT=${OUT:-$ROOT/gpu-bench-out}
mkdir -p "$OUT"
exec > >(tee -a "$OUT/gpu-bench.log") 2>&1
BUDGET=${CNNC_BENCH_BUDGET_S:-360}
T0=$(date +%s)
left() { echo $((BUDGET - ($(date +%s) - T0))); }
. scripts/gpu-env.sh
[ -n "$BIN" ] || { echo "no carried build-gpu/bin: run scripts/gpu-check.sh prepare here first"; exit 1; }
BATCHES="64 256 1024 4096"
MODEL=models/mnist_cnn.cnn
CNNC_JSON=$OUT/cnnc.jsonl
: > "$CNNC_JSON"
echo "gpu-bench: $(date -u +%FT%TZ), $(nvidia-smi --query-gpu=name --format=csv,noheader 2>/dev/null | head -1)"

# ---- cnnc: the default (conv auto per layer, exact cuDNN algorithms, graphs, fused
# conv+ReLU+pool) and one change at a time from it ----
VARIANTS=(
    "auto|"
    "auto-fastalgo|--conv-algo fast"
    "gemm|--conv gemm"
    "direct|--conv direct"
    "auto-nofuse|--no-fuse"
    "auto-nograph|--no-graph"
    "tf32-fastalgo|--precision tf32 --conv-algo fast"
    "bf16|--precision bf16"
)
for v in "${VARIANTS[@]}"; do
    name=${v%%|*}; flags=${v#*|}
    for b in $BATCHES; do
        [ "$(left)" -lt 200 ] && { echo "skip cnnc $name b$b (budget)"; continue; }
        # shellcheck disable=SC2086
        line=$(timeout 40 "$BIN/cnnc" bench $MODEL --device cuda $flags --batch $b --steps 50 \
               --warmup 10 2>&1 | tail -n 1)
        case "$line" in
            \{*) echo "$line" | sed "s/^{/{\"mode\": \"cnnc-$name\", /" | tee -a "$CNNC_JSON" ;;
            *) echo "cnnc $name b$b failed: $line" ;;
        esac
    done
done

# ---- PyTorch: eager and graph first (fast), compile with what is left ----
PT_JSON=$OUT/pytorch.jsonl
rem=$(left); cap=$((rem - 130)); [ $cap -lt 30 ] && cap=30
timeout $((cap + 20)) "$PYTHON" bench/pytorch_gpu.py --modes eager,graph,compile --batches "${BATCHES// /,}" \
    --steps 50 --warmup 10 --compile-cap 60 --time-cap "$cap" 2>&1 | tee "$OUT/pytorch.log" | grep -v '^{'
# Only pytorch_gpu.py's rows: inductor's autotuning also prints JSON lines.
grep '^{"mode"' "$OUT/pytorch.log" > "$PT_JSON" || true

# ---- one 60k epoch at batch 512, and time to 0.90 test accuracy ----
EPOCH_LINE=""; EPOCH_FAST=""; TTA_CNNC=""
if [ -d "$DATA" ] && [ "$(left)" -gt 60 ]; then
    EPOCH_LINE=$(timeout 60 "$BIN/cnnc" train $MODEL --data "$DATA" --device cuda --batch 512 --epochs 1 --quiet 2>&1 \
                 | grep -E '^epoch 1/1' | tail -1)
    echo "cnnc one epoch, batch 512: $EPOCH_LINE"
    EPOCH_FAST=$(timeout 60 "$BIN/cnnc" train $MODEL --data "$DATA" --device cuda --batch 512 --epochs 1 --quiet \
                 --conv-algo fast 2>&1 | grep -E '^epoch 1/1' | tail -1)
    echo "cnnc one epoch, batch 512, --conv-algo fast: $EPOCH_FAST"
    # Training seconds summed over epochs until the test accuracy reaches 0.90.
    TTA_CNNC=$(timeout 90 "$BIN/cnnc" train $MODEL --data "$DATA" --device cuda --batch 100 --optim adam --lr 1e-3 \
               --epochs 10 --quiet 2>&1 | awk '/^epoch [0-9]+\/[0-9]+:/ {
                   for (i = 1; i <= NF; i++) { if ($i == "acc") acc = $(i + 1) + 0; if ($(i + 1) == "s,") s = $i + 0 }
                   t += s; n++; if (acc >= 0.90) { printf "%.2f s in %d epoch(s), acc %.4f", t, n, acc; exit } }
                   END { if (acc < 0.90) printf "not reached in %d epoch(s) (%.2f s, acc %.4f)", n, t, acc }')
    echo "cnnc time to 0.90 (batch 100, adam 1e-3): $TTA_CNNC"
    if [ "$(left)" -gt 40 ]; then
        timeout $(( $(left) - 10 )) "$PYTHON" bench/pytorch_gpu.py --modes "" --tta "$DATA" --target-acc 0.90 \
            --tta-batch 100 2>&1 | tee -a "$OUT/pytorch.log" | grep -v '^{'
        grep '^{"mode": "eager", "tta' "$OUT/pytorch.log" >> "$PT_JSON" || true
    fi
fi

# ---- the table ----
"$PYTHON" - "$CNNC_JSON" "$PT_JSON" <<'PY'
import json, sys
cn = [json.loads(l) for l in open(sys.argv[1]) if l.startswith("{")]
pt = [json.loads(l) for l in open(sys.argv[2]) if l.startswith("{")]
best = {}
for r in pt:
    if "images_per_s" in r:
        best.setdefault(r["batch"], {})[r["mode"]] = r["images_per_s"]
print("\n%-22s %6s %9s %11s %9s %9s" % ("mode", "batch", "ms/step", "images/s", "/eager", "/best-pt"))
for r in pt + cn:
    if "images_per_s" not in r: continue
    b = r["batch"]; pe = best.get(b, {}).get("eager"); pb = max(best.get(b, {}).values(), default=None)
    name = r["mode"] if r.get("framework") != "pytorch" else "pytorch-" + r["mode"]
    print("%-22s %6d %9.3f %11.0f %9s %9s" % (name, b, r["step_ms_median"], r["images_per_s"],
          "%.2fx" % (r["images_per_s"] / pe) if pe else "-", "%.2fx" % (r["images_per_s"] / pb) if pb else "-"))
PY
echo "one 60k epoch at batch 512 (cnnc): ${EPOCH_LINE:-not run}"
echo "one 60k epoch at batch 512 (cnnc --conv-algo fast): ${EPOCH_FAST:-not run}"
echo "time to 0.90 (cnnc): ${TTA_CNNC:-not run}"
echo "gpu-bench: $(( $(date +%s) - T0 )) s of ${BUDGET} s; files in $OUT: $(ls "$OUT" | tr '\n' ' ')"
