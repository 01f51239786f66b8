#!/usr/bin/env python3
"""idx-to-imagefolder.py IDX_DIR OUT [COUNT] — write an IDX data set (raw or .gz, as
cnnc reads it) as torchvision's ImageFolder layout, OUT/train/<label>/<index>.png and
OUT/test/<label>/<index>.png (8-bit gray PNG, standard library only). Labels become
folder names 0..9 and indices are zero-padded, so torchvision's sorted order is by
label, then by index in the IDX file. COUNT limits each split to its first COUNT
images. Used for the ImageFolder figures in docs/data.md."""
import gzip
import os
import struct
import sys
import zlib


def read_idx(path):
    for p in (path, path + ".gz"):
        if os.path.exists(p):
            with (gzip.open(p) if p.endswith(".gz") else open(p, "rb")) as f:
                return f.read()
    raise FileNotFoundError(path)


def png_gray(w, h, pixels):
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    raw = b"".join(b"\x00" + pixels[y * w:(y + 1) * w] for y in range(h))
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 0, 0, 0, 0)) +
            chunk(b"IDAT", zlib.compress(raw, 6)) + chunk(b"IEND", b""))


def main():
    src, out = sys.argv[1], sys.argv[2]
    count = int(sys.argv[3]) if len(sys.argv) > 3 else None
    for split, pre in (("train", "train"), ("test", "t10k")):
        images = read_idx(os.path.join(src, pre + "-images-idx3-ubyte"))
        labels = read_idx(os.path.join(src, pre + "-labels-idx1-ubyte"))
        n, rows, cols = struct.unpack(">III", images[4:16])
        n = min(n, count) if count else n
        digits = len(str(n - 1))
        for i in range(n):
            label = labels[8 + i]
            folder = os.path.join(out, split, str(label))
            os.makedirs(folder, exist_ok=True)
            px = images[16 + i * rows * cols:16 + (i + 1) * rows * cols]
            with open(os.path.join(folder, f"{i:0{digits}d}.png"), "wb") as f:
                f.write(png_gray(cols, rows, px))


if __name__ == "__main__":
    main()
