#!/usr/bin/python3
"""param_kernels_oracle.py OUT.safetensors

PyTorch 1.13's forward and backward of ConvTranspose2d, BatchNorm1d,
InstanceNorm2d, GroupNorm and LayerNorm on seeded random inputs, for
tests/param_kernels_test.cpp (the CPU kernels) to compare against. For each
case in CASES (the test holds the same table) writes, as F32:

  <case>.x, <case>.dy               the input and the output gradient
  <case>.w, <case>.b                weight and bias (when the module has them)
  <case>.rm0, <case>.rv0            running statistics before (when tracked)
  <case>.y, <case>.dx, <case>.dw, <case>.db, <case>.rm, <case>.rv   PyTorch's results
  <case>.dx64                       the input gradient computed in float64 (rounded to F32)

Inputs may hold NaN and inf (the *_nan cases), to check where they propagate.
"""
import os
import sys

import torch
import torch.nn as nn

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from parity_common import st_save  # noqa: E402

# name: (module constructor, input shape, train?, nan?)
CASES = [
    ("ct_dcgan_first", "nn.ConvTranspose2d(100, 32, 4, 1, 0, bias=False)", (2, 100, 1, 1), True, False),
    ("ct_dcgan_up", "nn.ConvTranspose2d(32, 16, 4, 2, 1, bias=False)", (2, 32, 4, 4), True, False),
    ("ct_unet", "nn.ConvTranspose2d(16, 8, 2, 2)", (2, 16, 7, 7), True, False),
    ("ct_full", "nn.ConvTranspose2d(4, 6, (3, 2), stride=(2, 3), padding=(1, 0), output_padding=(1, 2), groups=2, "
                "dilation=(2, 1))", (3, 4, 5, 6), True, False),
    ("ct_outpad_dilation", "nn.ConvTranspose2d(4, 6, 3, stride=1, padding=1, output_padding=1, dilation=2)",
     (2, 4, 5, 5), True, False),
    ("ct_depthwise", "nn.ConvTranspose2d(6, 6, 5, stride=3, padding=2, output_padding=2, groups=6)", (1, 6, 3, 4),
     True, False),
    ("ct_nan", "nn.ConvTranspose2d(3, 2, 3, stride=2)", (2, 3, 4, 4), True, True),
    ("bn1d_2d", "nn.BatchNorm1d(5, momentum=0.3)", (8, 5), True, False),
    ("bn1d_3d", "nn.BatchNorm1d(3, eps=1e-3)", (4, 3, 7), True, False),
    ("bn1d_eval", "nn.BatchNorm1d(3)", (4, 3, 7), False, False),
    ("bn1d_nan", "nn.BatchNorm1d(3)", (4, 3, 5), True, True),
    ("in_affine_track", "nn.InstanceNorm2d(4, momentum=0.2, affine=True, track_running_stats=True)", (3, 4, 5, 6),
     True, False),
    ("in_plain", "nn.InstanceNorm2d(3)", (2, 3, 4, 4), True, False),
    ("in_eval", "nn.InstanceNorm2d(4, affine=True, track_running_stats=True)", (3, 4, 5, 6), False, False),
    ("in_nan", "nn.InstanceNorm2d(3, affine=True)", (2, 3, 4, 5), True, True),
    ("gn", "nn.GroupNorm(2, 6)", (3, 6, 5, 5), True, False),
    ("gn_2d", "nn.GroupNorm(3, 6, eps=1e-3)", (4, 6), True, False),
    ("gn_3d_noaffine", "nn.GroupNorm(4, 4, affine=False)", (2, 4, 9), True, False),
    ("ln_last", "nn.LayerNorm(8)", (3, 5, 8), True, False),
    ("ln_two_noaffine", "nn.LayerNorm((3, 4), elementwise_affine=False)", (2, 3, 4), True, False),
    ("ln_nan", "nn.LayerNorm(6)", (4, 6), True, True),
]


def main():
    torch.manual_seed(20261126)
    out = {}
    for name, ctor, shape, train, nan in CASES:
        m = eval(ctor)
        with torch.no_grad():   # parameters and running statistics away from their defaults
            for p in m.parameters():
                p.copy_(torch.randn(p.shape) * 0.5 + (1.0 if p.dim() == 1 and p is getattr(m, "weight", None) else 0.0))
            if getattr(m, "running_mean", None) is not None:
                m.running_mean.copy_(torch.randn(m.running_mean.shape) * 0.3)
                m.running_var.copy_(torch.rand(m.running_var.shape) + 0.5)
        x = torch.randn(shape) * 2.0 + 0.5
        if nan:
            flat = x.view(-1)
            flat[3] = float("nan")
            flat[flat.numel() - 2] = float("inf")
        dy_shape = None
        m.train(train)
        state = {k: v.clone() for k, v in m.state_dict().items()}
        out[name + ".x"] = x.clone()
        if getattr(m, "weight", None) is not None:
            out[name + ".w"] = m.weight.detach().clone()
        if getattr(m, "bias", None) is not None:
            out[name + ".b"] = m.bias.detach().clone()
        if getattr(m, "running_mean", None) is not None:
            out[name + ".rm0"] = m.running_mean.clone()
            out[name + ".rv0"] = m.running_var.clone()
        xr = x.clone().requires_grad_(True)
        y = m(xr)
        dy_shape = y.shape
        dy = torch.randn(dy_shape)
        y.backward(dy)
        out[name + ".dy"] = dy
        out[name + ".y"] = y.detach()
        out[name + ".dx"] = xr.grad.detach()
        if getattr(m, "weight", None) is not None:
            out[name + ".dw"] = m.weight.grad.detach()
        if getattr(m, "bias", None) is not None:
            out[name + ".db"] = m.bias.grad.detach()
        if getattr(m, "running_mean", None) is not None:
            out[name + ".rm"] = m.running_mean.clone()
            out[name + ".rv"] = m.running_var.clone()
        # The same in float64, from the same float32 values: where float32
        # rounding dominates (groups of two values cancel), the exact answer.
        m64 = eval(ctor).double()
        m64.load_state_dict({k: v.double() if v.is_floating_point() else v for k, v in state.items()})
        m64.train(train)
        x64 = x.double().requires_grad_(True)
        m64(x64).backward(dy.double())
        out[name + ".dx64"] = x64.grad.detach().float()
    st_save(sys.argv[1], out, {"torch": torch.__version__})


if __name__ == "__main__":
    main()
