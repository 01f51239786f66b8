#!/usr/bin/env python3
"""augment_oracle.py IN OUT — torchvision's RandomCrop(size, padding=P) then
RandomHorizontalFlip() then ToTensor() and Normalize(mean, std), written with torch
ops as torchvision 0.14 applies them (F.pad with constant 0, F.crop at top=i,
left=j, F.hflip = flip of the last dim; ToTensor: float().div(255); Normalize:
sub(mean).div(std)), for given draws. IN (little-endian): int32 n, C, H, W, P;
float32 mean, std; n*C*H*W uint8 images; n int32 codes (bits 0-11 left offset j,
12-23 top offset i, bit 24 flip). OUT: n*C*H*W float32."""
import struct
import sys

import torch
import torch.nn.functional as F


def main():
    data = open(sys.argv[1], "rb").read()
    n, C, H, W, P = struct.unpack_from("<5i", data, 0)
    mean, std = struct.unpack_from("<2f", data, 20)
    off = 28
    imgs = torch.frombuffer(bytearray(data[off:off + n * C * H * W]), dtype=torch.uint8).reshape(n, C, H, W)
    off += n * C * H * W
    codes = struct.unpack_from(f"<{n}i", data, off)
    out = []
    for k in range(n):
        j, i, flip = codes[k] & 0xFFF, (codes[k] >> 12) & 0xFFF, (codes[k] >> 24) & 1
        img = F.pad(imgs[k], (P, P, P, P), mode="constant", value=0)   # RandomCrop's padding, fill=0
        img = img[..., i:i + H, j:j + W]                                  # F.crop(img, i, j, H, W)
        if flip:
            img = img.flip(-1)                                            # F.hflip
        t = img.float().div(255)                                          # ToTensor
        t = t.sub(torch.tensor(mean, dtype=torch.float32)).div(torch.tensor(std, dtype=torch.float32))  # Normalize
        out.append(t.contiguous())
    open(sys.argv[2], "wb").write(torch.stack(out).numpy().astype("<f4").tobytes())


if __name__ == "__main__":
    main()
