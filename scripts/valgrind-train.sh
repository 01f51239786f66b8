#!/usr/bin/env bash
# valgrind-train.sh — valgrind memcheck over a few `cnnc train` steps on the CPU
# (a tiny generated data set: 64 train / 16 test 8x8 images, 4 steps of 16),
# with a checkpoint save and a --resume load. Fails on any memcheck error or
# any definitely/indirectly lost block. Prints valgrind's summary lines.
# Usage: scripts/valgrind-train.sh      (uses build/cnnc; BUILD_DIR overrides)
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR=${BUILD_DIR:-build}
if ! command -v valgrind >/dev/null; then
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get install -y -qq --no-install-recommends valgrind >/dev/null
fi
[ -x "$BUILD_DIR/cnnc" ] || scripts/build.sh
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# IDX files written directly (magic 2051/2049, big-endian sizes).
python3 - "$work" <<'PY'
import struct, sys, random
d = sys.argv[1]
rng = random.Random(5)
for split, n in (("train", 64), ("t10k", 16)):
    labels = bytes(i % 10 for i in range(n))
    img = bytearray(rng.randrange(64) for _ in range(n * 64))
    for i in range(n):
        row = labels[i] * 7 // 10
        img[i * 64 + row * 8:i * 64 + row * 8 + 8] = b"\xff" * 8
    open(f"{d}/{split}-images-idx3-ubyte", "wb").write(struct.pack(">IIII", 2051, n, 8, 8) + bytes(img))
    open(f"{d}/{split}-labels-idx1-ubyte", "wb").write(struct.pack(">II", 2049, n) + labels)
PY
cat >"$work/tiny.cnn" <<'M'
input = (1, 8, 8)
features = Sequential(Conv2d(1, 4, 3, 1, 1), BatchNorm2d(4), ReLU(), MaxPool2d(2))
flatten = Flatten()
drop = Dropout(0.3)
out = Linear(64, 10)
M
vg=(valgrind --tool=memcheck --suppressions=scripts/valgrind.supp --leak-check=full --show-leak-kinds=definite,indirect
    --errors-for-leak-kinds=definite,indirect --error-exitcode=9 --track-origins=yes)
common=(train "$work/tiny.cnn" --data "$work" --device cpu --threads 1 --batch 16 --seed 1 --quiet)
status=0
# the third run also streams the set through 2 worker threads and keeps --ema's average
for run in "--epochs 1 --save $work/ck.st" "--epochs 2 --resume $work/ck.st --save $work/ck.st" \
           "--epochs 3 --resume $work/ck.st --save $work/ck.st --ema 0.9 --stream --workers 2"; do
  # shellcheck disable=SC2086
  OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 "${vg[@]}" "$BUILD_DIR/cnnc" "${common[@]}" $run >"$work/out" 2>"$work/vg" || status=$?
  echo "cnnc ${common[*]//$work/DATA} ${run//$work/DATA}:"
  grep -E 'ERROR SUMMARY|definitely lost|indirectly lost|possibly lost|All heap blocks were freed|total heap usage' "$work/vg" \
    | sed 's/^==[0-9]*== */  /'
  [ "$status" -eq 0 ] || { tail -n 60 "$work/vg" >&2; exit "$status"; }
done
