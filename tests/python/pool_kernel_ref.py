#!/usr/bin/python3
"""pool_kernel_ref.py OUT.safetensors < CASES.tsv

The PyTorch side of tests/pool_kernels_test.cpp. Each row is
`NAME<TAB>CALL<TAB>INPUT<TAB>SPECIAL`: CALL a module constructor (under
`from torch.nn import *`), INPUT a shape such as 2x3x5x5, SPECIAL `-` or
`nan` (some inputs become NaN, +inf and -inf) or `ties` (values from a few
levels, so maxima tie). With a seed per row, writes NAME.x (the input, randn),
NAME.g (a random gradient of the output), NAME.y = module(x) and NAME.dx (the
gradient of x after y.backward(g)), all float32.
"""
import os
import sys
import warnings
import zlib
from collections import OrderedDict

import torch
from torch.nn import *  # noqa: F401,F403  (the rows name the classes bare)

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from parity_common import st_save  # noqa: E402


def main(argv):
    warnings.filterwarnings("ignore")  # UpsamplingNearest2d's deprecation
    out = OrderedDict()
    for line in sys.stdin:
        line = line.rstrip("\n")
        if not line:
            continue
        name, call, inp, special = line.split("\t")
        shape = [int(v) for v in inp.split("x")]
        gen = torch.Generator().manual_seed(zlib.crc32(name.encode()))
        x = torch.randn(*shape, generator=gen)
        if special == "ties":
            x = torch.round(x * 2) / 2
        if special == "nan":
            flat = x.view(-1)
            n = flat.numel()
            idx = torch.randperm(n, generator=gen)[: max(3, n // 15)]
            for k, i in enumerate(idx.tolist()):
                flat[i] = [float("nan"), float("inf"), float("-inf")][k % 3]
        m = eval(call)
        xr = x.clone().requires_grad_(True)
        y = m(xr)
        g = torch.randn(*y.shape, generator=gen)
        y.backward(g)
        out[name + ".x"] = x
        out[name + ".g"] = g
        out[name + ".y"] = y.detach()
        out[name + ".dx"] = xr.grad.detach()
    st_save(argv[0], out, {"torch": torch.__version__})
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
