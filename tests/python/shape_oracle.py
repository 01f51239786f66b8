#!/usr/bin/python3
"""shape_oracle.py FILE.cnn [--input 2x1x28x28]
   shape_oracle.py --tsv FILE.cnn...

Runs each model in PyTorch (train mode, as a fresh module) on random data of the
given shape and prints what Python would: the output size as a list, `[2, 10]`,
or the exception line, `RuntimeError: mat1 and mat2 shapes cannot be multiplied (...)`.
The input shape comes from --input, else from a leading `# input: 2x1x28x28`
comment, else batch 2 + the model's `input = (C, H, W)`.
With --tsv, prints `FILE<TAB>INPUT<TAB>RESULT` per file (one interpreter for all).

cnnc follows PyTorch 2.x's message texts; the oracle is Debian's torch 1.13. Where
1.13's text differs, REWRITES below turns it into 2.x's (each entry names the 2.x
source it comes from). A 1.13 error that 2.x would not raise at all cannot be
rewritten: the oracle prints `UNSUPPORTED: ...` and such a file must not be in the corpus.
"""
import os
import re
import sys

import torch
import torch.nn as nn

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from parity_common import build_module, exception_line, model_input_hint  # noqa: E402


def _pool_pad_rewrite(match, module):
    """1.13 (aten/src/ATen/native/Pool.h, pool2d_shape_check):
         pad should be at most half of kernel size, but got pad=P and kernel_size=K
       2.x (aten/src/ATen/native/Pool.h, pooling_output_shape; the check uses the
       effective kernel (K-1)*D+1, and avg_pool2d passes dilation 1):
         pad should be at most half of effective kernel size, but got pad=P, kernel_size=K and dilation=D"""
    pad, k = int(match.group(1)), int(match.group(2))
    if isinstance(module, nn.AvgPool1d):
        # avg_pool2d at height 1 (kernel (1, K), dilation 1): 2.x's effective-kernel check is the one
        return ("pad should be at most half of effective kernel size, "
                "but got pad=%d, kernel_size=%d and dilation=1" % (pad, k))
    pads = _pair(module.padding)
    ks = _pair(module.kernel_size)
    dils = _pair(getattr(module, "dilation", 1))
    for i in range(2):
        if pads[i] == pad and ks[i] == k:
            d = dils[i]
            if pad > ((k - 1) * d + 1) // 2:
                return ("pad should be at most half of effective kernel size, "
                        "but got pad=%d, kernel_size=%d and dilation=%d" % (pad, k, d))
            # Within the effective kernel, 2.x goes on to pool2d_shape_check, whose rule is on
            # the kernel itself (seen on torch 2.11.0, 2026-11-26, for MaxPool2d(3, padding=2, dilation=2)).
            return ("pad should be smaller than or equal to half of kernel size, but got "
                    "padW = %d, padH = %d, kW = %d, kH = %d" % (pads[1], pads[0], ks[1], ks[0]))
    return None


def _pair(v):
    return list(v) if isinstance(v, (tuple, list)) else [v, v]


# (exception type, regex on the 1.13 message, rewrite(match, module) -> 2.x message or None)
REWRITES = [
    ("RuntimeError", re.compile(r"^pad should be at most half of kernel size, but got pad=(\d+) and kernel_size=(\d+)$"),
     _pool_pad_rewrite),
]


def rewritten(exc, module):
    """2.x's message for `exc` raised by `module` where REWRITES has one, else None."""
    for typ, rx, fn in REWRITES:
        m = rx.match(str(exc))
        if type(exc).__name__ == typ and m and module is not None:
            new = fn(m, module)
            if new is not None:
                return new
    return None


def leaves(model):
    for m in model.modules():
        if not list(m.children()):
            yield m


def run_one(path, shape):
    model, per_sample = build_module(path)
    model.train()
    if shape is None:
        with open(path) as f:
            shape = model_input_hint(f.read())
    if shape is None:
        shape = [2] + list(per_sample or [1, 28, 28])
    torch.manual_seed(0)
    x = torch.rand(*shape)
    module = None
    try:
        for module in leaves(model):  # leaf by leaf, to know which layer raised
            x = module(x)
        return shape, str(list(x.shape))
    except Exception as exc:  # the oracle reports whatever PyTorch raised
        line = exception_line(exc)
        for typ, rx, fn in REWRITES:
            m = rx.match(str(exc))
            if type(exc).__name__ == typ and m:
                new = fn(m, module)
                if new is None:
                    return shape, "UNSUPPORTED: torch 1.13 raised what 2.x accepts: " + line
                return shape, "%s: %s" % (typ, new)
        return shape, line


def main(argv):
    if argv and argv[0] == "--tsv":
        for path in argv[1:]:
            shape, res = run_one(path, None)
            print("%s\t%s\t%s" % (path, "x".join(map(str, shape)), res))
        return 0
    if not argv:
        print(__doc__, file=sys.stderr)
        return 2
    shape = None
    if len(argv) >= 3 and argv[1] == "--input":
        shape = [int(v) for v in argv[2].split("x")]
    print(run_one(argv[0], shape)[1])
    return 0


if __name__ == "__main__":
    import warnings
    warnings.filterwarnings("ignore")  # e.g. padding='same' with even kernels warns; not part of the answer
    sys.exit(main(sys.argv[1:]))
