#!/usr/bin/python3
"""more_oracle.py — PyTorch 1.13 (run with /usr/bin/python3) as the oracle for
Hardswish, Hardsigmoid, PReLU, PixelShuffle, PixelUnshuffle, Softplus, Mish,
Hardshrink, Conv1d, the 1-d pools, expand, expand_as, repeat and slice_copy (tests/more_*_test.cpp).

  more_oracle.py modules > tests/more_module_cases.tsv
      One line per case in MODULES: CONSTRUCTOR<TAB>INPUT<TAB>MODE<TAB>WHEN<TAB>RESULT,
      as act_oracle.py's `shapes`: the constructor evaluated as a model file does
      (`from torch.nn import *`), the module run in MODE on a tensor of shape INPUT
      ("2x3", "" for 0-d); RESULT is the output size `[2, 3]` or the exception line
      (newlines as \\n); WHEN says where it was raised: ctor, forward or `-`.
  more_oracle.py ops > tests/more_op_cases.tsv
      One line per case in OPS: EXPR<TAB>INPUTS<TAB>WHEN<TAB>RESULT. EXPR is what
      forward(self, a[, b]) of an nn.Module returns (Python, with torch and F), on
      tensors of the shapes INPUTS ("2x3;3x1", "-" for 0-d); WHEN is forward or `-`.
  more_oracle.py kernels OUT.safetensors
      Seeded inputs with NaN, +-inf, +-0 and each kind's kinks ahead of the random
      values, and PyTorch's outputs and gradients: `<case>.x`, `.dy`, `.y`, `.dx`
      (`.w`, `.dw` for prelu).
"""
import os
import sys
import warnings
from collections import OrderedDict

import torch
import torch.nn as nn
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from parity_common import st_save  # noqa: E402
from shape_oracle import rewritten  # noqa: E402

# (constructor text, input shape, mode): what works, every rank rule, and what
# breaks each kind (constructor checks, the op's argument types and the shape
# checks PyTorch makes at forward).
MODULES = [
    # Hardswish / Hardsigmoid / Mish: inplace only
    ("Hardswish()", "2x3x4x5", "train"), ("Hardswish(inplace=True)", "", "eval"), ("Hardswish()", "0x3", "train"),
    ("Hardswish(True, 1)", "2x3", "train"), ("Hardswish(alpha=1)", "2x3", "train"),
    ("Hardsigmoid()", "2x3x4x5", "train"), ("Hardsigmoid(True)", "7", "train"), ("Hardsigmoid(1, 2)", "2x3", "train"),
    ("Hardsigmoid(beta=1)", "2x3", "train"),
    ("Mish()", "2x3x4x5", "train"), ("Mish(inplace=True)", "", "train"), ("Mish(1, 2)", "2x3", "train"),
    ("SELU()", "2x3x4x5", "train"), ("SELU(inplace=True)", "", "eval"), ("SELU(True)", "0x3", "train"),
    ("SELU(True, 1)", "2x3", "train"), ("SELU(alpha=1)", "2x3", "train"),
    # Softplus: beta and threshold are softplus()'s Numbers, checked at forward
    ("Softplus()", "2x3x4x5", "train"), ("Softplus(2, 10)", "5", "eval"), ("Softplus(beta=0.5, threshold=1.5)", "2x3", "train"),
    ("Softplus(0)", "2x3", "train"), ("Softplus(beta=True)", "", "train"), ("Softplus('a')", "2x3", "train"),
    ("Softplus(1, 'a')", "2x3", "train"), ("Softplus(None)", "2x3", "train"), ("Softplus((1,))", "2x3", "train"),
    ("Softplus('a', None)", "2x3", "train"), ("Softplus(1, 2, 3)", "2x3", "train"), ("Softplus(alpha=1)", "2x3", "train"),
    # Hardshrink: lambd is hardshrink()'s Number, checked at forward
    ("Hardshrink()", "2x3x4x5", "train"), ("Hardshrink(-1)", "3", "train"), ("Hardshrink(lambd=True)", "", "eval"),
    ("Hardshrink(0.25)", "0x2", "train"), ("Hardshrink('a')", "2x3", "train"), ("Hardshrink(None)", "2x3", "train"),
    ("Hardshrink(1, 2)", "2x3", "train"), ("Hardshrink(lam=1)", "2x3", "train"),
    # PReLU: torch.empty(num_parameters).fill_(init), then the channel check at forward
    ("PReLU()", "2x3x4x5", "train"), ("PReLU()", "", "train"), ("PReLU()", "7", "train"),
    ("PReLU(3)", "2x3x4x5", "train"), ("PReLU(3)", "2x4x4x5", "train"), ("PReLU(3)", "3", "train"),
    ("PReLU(3)", "", "train"), ("PReLU(3)", "2x3", "eval"), ("PReLU(4)", "4", "train"), ("PReLU(2)", "5x2x3x2x2", "train"),
    ("PReLU(0)", "2x0", "train"), ("PReLU(0)", "", "train"), ("PReLU(3, init=0.1)", "5x3x2", "train"),
    ("PReLU(1, 1)", "2x3", "train"), ("PReLU(3, init=True)", "2x3", "train"), ("PReLU(3, 1e999)", "2x3", "train"),
    ("PReLU(2, 0.5, None, torch.float32)", "2x2", "train"),
    ("PReLU(-1)", "2x3", "train"), ("PReLU(-1, 'a')", "2x3", "train"), ("PReLU(2.0)", "2x3", "train"),
    ("PReLU(True)", "2x3", "train"), ("PReLU(num_parameters=None)", "2", "train"), ("PReLU(3, 'a')", "2x3", "train"),
    ("PReLU(3, None)", "2x3", "train"), ("PReLU(1, (1, 2))", "2", "train"), ("PReLU(3, init=torch.float32)", "2x3", "train"),
    ("PReLU(x=1)", "2x3", "train"), ("PReLU(1, 2, None, None, 5)", "2x3", "train"),
    # PixelShuffle: pixel_shuffle()'s int and its checks at forward, in its order
    ("PixelShuffle(2)", "1x8x3x3", "train"), ("PixelShuffle(2)", "8x3x3", "train"), ("PixelShuffle(2)", "2x3x8x3x5", "train"),
    ("PixelShuffle(1)", "2x3x3", "train"), ("PixelShuffle(3)", "2x0x4x4", "train"), ("PixelShuffle(3)", "2x18x0x4", "train"),
    ("PixelShuffle(upscale_factor=2)", "1x4x2x2", "eval"),
    ("PixelShuffle(2)", "1x6x3x3", "train"), ("PixelShuffle(2)", "8x3", "train"), ("PixelShuffle(0)", "8x3", "train"),
    ("PixelShuffle(0)", "1x8x3x3", "train"), ("PixelShuffle(-2)", "1x8x3x3", "train"), ("PixelShuffle(3)", "1x8x3x3", "train"),
    ("PixelShuffle(2.0)", "1x8x3x3", "train"), ("PixelShuffle('a')", "1x8x3x3", "train"), ("PixelShuffle(None)", "1x8x3x3", "train"),
    ("PixelShuffle(True)", "1x8x3x3", "train"), ("PixelShuffle()", "1x8x3x3", "train"), ("PixelShuffle(2, 3)", "1x8x3x3", "train"),
    # PixelUnshuffle
    ("PixelUnshuffle(2)", "1x2x4x6", "train"), ("PixelUnshuffle(3)", "2x2x1x6x6", "train"), ("PixelUnshuffle(1)", "3x3x3", "train"),
    ("PixelUnshuffle(downscale_factor=2)", "1x1x2x2", "eval"), ("PixelUnshuffle(2)", "0x1x2x2", "train"),
    ("PixelUnshuffle(3)", "2x0x3x6", "train"),
    ("PixelUnshuffle(2)", "1x2x5x6", "train"), ("PixelUnshuffle(2)", "1x2x4x5", "train"), ("PixelUnshuffle(3)", "1x2x5x7", "train"),
    ("PixelUnshuffle(2)", "4x6", "train"), ("PixelUnshuffle(0)", "4x6", "train"), ("PixelUnshuffle(0)", "1x2x4x6", "train"),
    ("PixelUnshuffle(-1)", "1x2x4x6", "train"), ("PixelUnshuffle(2.0)", "1x2x4x6", "train"), ("PixelUnshuffle(True)", "1x2x4x6", "train"),
    ("PixelUnshuffle()", "1x2x4x6", "train"), ("PixelUnshuffle(factor=2)", "1x2x4x6", "train"),
    # Conv1d: _single sizes, padding strings, groups, and conv1d's checks at forward (no invalid
    # padding string: PyTorch's message prints a set, whose order changes with Python's hash seed)
    ("Conv1d(1, 16, 3)", "2x1x100", "train"), ("Conv1d(1, 16, 3)", "1x100", "train"), ("Conv1d(1, 16, 3)", "2x3x100", "train"),
    ("Conv1d(1, 16, 3)", "3x100", "train"), ("Conv1d(1, 16, 5)", "2x1x2", "train"), ("Conv1d(1, 16, 3)", "2x1x2x2", "train"),
    ("Conv1d(1, 16, 3)", "100", "train"), ("Conv1d(2, 16, 3, groups=2)", "2x3x10", "train"),
    ("Conv1d(1, 16, 3, padding='same')", "2x1x10", "train"), ("Conv1d(1, 16, 4, padding='same', dilation=2)", "2x1x10", "eval"),
    ("Conv1d(1, 16, 3, stride=2, padding=1, dilation=2)", "2x1x11", "train"), ("Conv1d(1, 16, (3,), stride=(2,))", "2x1x11", "train"),
    ("Conv1d(4, 8, 3, 1, 'valid', 1, 2, False)", "2x4x9", "train"), ("Conv1d(1, 16, 0)", "2x1x11", "train"),
    ("Conv1d(1, 16, 3, stride=0)", "2x1x11", "train"), ("Conv1d(1, 16, 3, padding=-1)", "2x1x11", "train"),
    ("Conv1d(3, 16, 3, groups=2)", "2x3x10", "train"), ("Conv1d(1, 16, 3.0)", "2x1x10", "train"),
    ("Conv1d(1, 16, 3, stride=2, padding='same')", "2x1x10", "train"),
    # the 3-d adaptive pools' _list_with_default: a tuple as long as the input's dims
    ("AdaptiveAvgPool3d((None, None, None, 1, 1))", "1x2x4x4x4", "train"), ("AdaptiveAvgPool3d((None, None, None, 1, 1))", "1x2x4x4", "train"),
    ("AdaptiveMaxPool3d((2, 2, 2, 2))", "1x2x4x4x4", "train"), ("AdaptiveAvgPool3d((1, None, 2))", "2x4x4", "train"),
    ("AdaptiveAvgPool3d((1, None, 2))", "2x3x4x4", "train"), ("AdaptiveMaxPool3d((1, 2, 2))", "4x4x4", "train"),
    ("AdaptiveAvgPool3d(2)", "4x4x4", "train"),
    # 'same' with an even kernel: the extra pad goes into the input, which the messages print
    ("Conv1d(2, 32, 32, padding='same')", "2x1x20", "train"), ("Conv1d(2, 4, 4, padding='same')", "1x20", "train"),
    ("Conv1d(2, 4, 4, padding='same', dilation=2)", "2x1x20", "train"), ("Conv2d(2, 8, 4, padding='same')", "2x1x16x16", "train"),
    ("Conv2d(2, 8, (3, 4), padding='same')", "2x1x16x16", "train"), ("Conv2d(2, 8, (2, 5), padding='same')", "1x16x16", "train"),
    ("Conv3d(2, 4, 2, padding='same')", "1x1x4x4x4", "train"), ("Conv3d(2, 4, (3, 2, 3), padding='same')", "1x1x4x4x4", "train"),
    ("Conv2d(2, 8, 4, padding='same')", "2x2x16x16", "train"),
    ("Conv1d(1, 16)", "2x1x10", "train"), ("Conv1d(1, -2, 3)", "2x1x10", "train"), ("Conv1d(1, 16, 3, groups=0)", "2x1x10", "train"),
    # the 1-d pools: MaxPool1d's own checks (the no-grad path), the others as their 2-d forms at height 1
    ("MaxPool1d(2)", "2x16x100", "train"), ("MaxPool1d(2)", "16x100", "train"), ("MaxPool1d(2)", "100", "train"),
    ("MaxPool1d(2)", "2x3x4x5", "train"), ("MaxPool1d(5)", "2x3x4", "train"), ("MaxPool1d(3, 2, 1)", "2x3x10", "eval"),
    ("MaxPool1d(3, 2, 2)", "2x3x10", "train"), ("MaxPool1d(3, ceil_mode=True)", "2x3x10", "train"),
    ("MaxPool1d(3, dilation=2)", "2x3x10", "train"), ("MaxPool1d(0)", "2x3x10", "train"), ("MaxPool1d(2, stride=0)", "2x3x10", "train"),
    ("MaxPool1d(2)", "2x0x10", "train"), ("MaxPool1d(2)", "0x3x10", "train"), ("MaxPool1d(2)", "0x10", "train"),
    ("MaxPool1d(0)", "100", "train"), ("MaxPool1d(2, padding=-1)", "2x3x10", "train"), ("MaxPool1d(2, dilation=0)", "2x3x10", "train"),
    ("MaxPool1d(9, dilation=2)", "2x3x10", "train"), ("MaxPool1d((3,), (2,))", "2x3x11", "train"),
    ("AvgPool1d(2)", "2x16x100", "train"), ("AvgPool1d(2)", "16x100", "train"), ("AvgPool1d(2)", "100", "train"),
    ("AvgPool1d(2)", "2x3x4x5", "train"), ("AvgPool1d(5)", "2x3x4", "train"), ("AvgPool1d(3, 2, 1)", "2x3x10", "eval"),
    ("AvgPool1d(3, 2, 2)", "2x3x10", "train"), ("AvgPool1d(3, ceil_mode=True, count_include_pad=False)", "2x3x10", "train"),
    ("AvgPool1d(0)", "2x3x10", "train"), ("AvgPool1d(3, 2, 1, True, False)", "2x3x11", "train"),
    ("AdaptiveAvgPool1d(1)", "2x16x100", "train"), ("AdaptiveAvgPool1d(7)", "16x100", "train"), ("AdaptiveAvgPool1d(1)", "100", "train"),
    ("AdaptiveAvgPool1d(1)", "2x3x4x5", "train"), ("AdaptiveAvgPool1d(0)", "2x3x4", "train"), ("AdaptiveAvgPool1d(5)", "2x3x0", "train"),
    ("AdaptiveAvgPool1d((3,))", "2x3x10", "eval"),
    ("AdaptiveMaxPool1d(1)", "2x16x100", "train"), ("AdaptiveMaxPool1d(4)", "3x10", "train"), ("AdaptiveMaxPool1d(1)", "100", "train"),
    ("AdaptiveMaxPool1d(3)", "2x3x4x5", "train"), ("AdaptiveMaxPool1d(5)", "2x3x0", "train"),
    # ConvTranspose1d: _single sizes, conv_transpose1d's checks on the 1-d tensors, then the 2-d
    # kernel's at height 1 (its messages speak of a height of 1)
    ("ConvTranspose1d(4, 8, 3)", "2x4x5", "train"), ("ConvTranspose1d(4, 8, 3)", "4x5", "train"),
    ("ConvTranspose1d(4, 8, 3)", "2x3x5", "train"), ("ConvTranspose1d(4, 8, 3)", "3x5", "train"),
    ("ConvTranspose1d(4, 8, 3)", "2x4x5x5", "train"), ("ConvTranspose1d(4, 8, 3)", "5", "train"),
    ("ConvTranspose1d(4, 8, 4, 2, 1)", "2x4x5", "train"), ("ConvTranspose1d(4, 8, 4, 2, 1, output_padding=1)", "2x4x5", "eval"),
    ("ConvTranspose1d(4, 8, 4, 2, 1, output_padding=2)", "2x4x5", "train"), ("ConvTranspose1d(4, 8, 3, padding=5)", "2x4x2", "train"),
    ("ConvTranspose1d(4, 8, 3, groups=2)", "2x4x2", "train"), ("ConvTranspose1d(4, 8, 3, groups=3)", "2x4x2", "train"),
    ("ConvTranspose1d(4, 8, 3, groups=2, dilation=2, bias=False)", "2x4x7", "train"),
    ("ConvTranspose1d(4, 8, (3,), stride=(2,))", "2x4x7", "train"), ("ConvTranspose1d(4, 8, 0)", "2x4x7", "train"),
    ("ConvTranspose1d(4, 8, 3, stride=0)", "2x4x7", "train"), ("ConvTranspose1d(4, 8, 3, padding=-1)", "2x4x7", "train"),
    ("ConvTranspose1d(4, 8, 3, padding_mode='reflect')", "2x4x7", "train"), ("ConvTranspose1d(4, 8)", "2x4x7", "train"),
    ("ConvTranspose1d(4, 8, 3.0)", "2x4x7", "train"), ("ConvTranspose1d(4, 8, 3, stride=2.0)", "2x4x7", "train"),
    ("ConvTranspose1d(100, 64, 4, 1, 0, bias=False)", "2x100x1", "train"), ("ConvTranspose1d(4, 8, 3)", "0x4x7", "train"),
    # InstanceNorm1d: InstanceNorm2d's rule with one spatial dim
    ("InstanceNorm1d(4)", "2x4x5", "train"), ("InstanceNorm1d(4)", "4x5", "train"), ("InstanceNorm1d(4)", "2x4x1", "train"),
    ("InstanceNorm1d(4)", "2x4x5x6", "train"), ("InstanceNorm1d(4)", "4", "train"), ("InstanceNorm1d(4, affine=True)", "2x3x5", "train"),
    ("InstanceNorm1d(4, track_running_stats=True)", "2x3x5", "train"), ("InstanceNorm1d(4)", "2x3x5", "train"),
    ("InstanceNorm1d(4, affine=True)", "3x5", "train"), ("InstanceNorm1d(4, affine=True)", "2x4x1", "eval"),
    ("InstanceNorm1d(4, track_running_stats=True)", "2x4x1", "eval"), ("InstanceNorm1d(4, eps=1e-3, momentum=0.2, affine=True)", "2x4x9", "train"),
    ("InstanceNorm1d(4, momentum='a')", "2x4x9", "train"), ("InstanceNorm1d(4.0, affine=True)", "2x4x9", "train"),
    # the 1-d padding modules: F.pad with _pair(padding)
    ("ReflectionPad1d(3)", "2x1x1024", "train"), ("ReflectionPad1d(3)", "1x1024", "train"), ("ReflectionPad1d(3)", "2x1x2", "train"),
    ("ReflectionPad1d((1, 2))", "2x3x5", "train"), ("ReflectionPad1d(3)", "2x3x4x5", "train"), ("ReflectionPad1d(3)", "5", "train"),
    ("ReflectionPad1d(3)", "2x0x5", "train"), ("ReflectionPad1d((1, 2, 3))", "2x3x5", "train"), ("ReflectionPad1d(3.0)", "2x3x5", "train"),
    ("ReflectionPad1d(-1)", "2x3x5", "train"), ("ReflectionPad1d((1, 2, 3, 4))", "2x3x5x6", "train"),
    ("ReplicationPad1d(2)", "2x3x5", "train"), ("ReplicationPad1d((0, 4))", "3x5", "train"), ("ReplicationPad1d(2)", "2x3x0", "train"),
    ("ReplicationPad1d(-3)", "2x3x5", "train"), ("ReplicationPad1d(2)", "2x3x4x5", "train"),
    ("ConstantPad1d(2, 3.5)", "2x3x5", "train"), ("ConstantPad1d((1, 0), 0)", "3x5", "train"), ("ConstantPad1d(-3, 0.0)", "2x3x5", "train"),
    ("ConstantPad1d(2)", "2x3x5", "train"), ("ConstantPad1d(2, 'a')", "2x3x5", "train"), ("ConstantPad1d(2, 1.0)", "2x3x4x5", "train"),
    # bicubic upsampling (upsample_bicubic2d): 4-D input only, align_corners as bilinear's
    ("Upsample(scale_factor=4, mode='bicubic')", "1x3x16x16", "train"), ("Upsample(scale_factor=2, mode='bicubic', align_corners=True)", "2x1x5x7", "train"),
    ("Upsample(size=(9, 4), mode='bicubic')", "2x3x5x7", "eval"), ("Upsample(scale_factor=4, mode='bicubic')", "3x16x16", "train"),
    ("Upsample(scale_factor=2, mode='bicubic')", "2x3x4x4x4", "train"), ("Upsample(scale_factor=0.5, mode='bicubic')", "1x1x1x1", "train"),
    ("Upsample(scale_factor=2.5, mode='bicubic', align_corners=False)", "1x2x3x3", "train"),
    ("Upsample(scale_factor=(2, 3), mode='bicubic')", "1x2x3x3", "train"),
    # Conv2d(padding_mode='circular'): F.pad(mode='circular'), then the unpadded convolution
    ("Conv2d(3, 3, 5, padding=2, padding_mode='circular', groups=3)", "2x3x8x8", "train"),
    ("Conv2d(3, 3, 5, padding=2, padding_mode='circular', groups=3)", "2x3x1x1", "train"),
    ("Conv2d(3, 3, 5, padding=2, padding_mode='circular', groups=3)", "2x3x2x2", "train"),
    ("Conv2d(3, 3, 5, padding=2, padding_mode='circular')", "3x8x8", "train"),
    ("Conv2d(3, 3, 5, padding=2, padding_mode='circular')", "1x2x3x8x8", "train"),
    ("Conv2d(3, 4, 4, padding='same', padding_mode='circular')", "2x3x8x8", "train"),
    ("Conv2d(3, 4, (3, 5), padding=(1, 2), stride=2, padding_mode='circular')", "2x3x7x9", "eval"),
    ("Conv2d(3, 4, 3, padding=1, padding_mode='circular')", "2x4x8x8", "train"),
    ("Conv2d(3, 4, 3, padding=(1, True))", "2x3x8x8", "train"),
    # Unfold (im2col) and Fold (col2im)
    ("Unfold(3)", "2x3x8x8", "train"), ("Unfold(kernel_size=(2, 3))", "2x5x3x4", "train"), ("Unfold(3, stride=2)", "3x8x8", "train"),
    ("Unfold((2, 3), dilation=(1, 2), padding=(1, 0), stride=(2, 1))", "2x3x8x9", "train"), ("Unfold(3)", "2x3x2x5", "train"),
    ("Unfold(3)", "8x8", "train"), ("Unfold(3)", "8", "train"), ("Unfold(3)", "1x2x3x8x8", "train"), ("Unfold(3)", "0x8x8", "train"),
    ("Unfold(3)", "0x3x8x8", "train"), ("Unfold(0)", "2x3x8x8", "train"), ("Unfold(3, dilation=0)", "2x3x8x8", "train"),
    ("Unfold(3, padding=-1)", "2x3x8x8", "train"), ("Unfold(3, stride=0)", "2x3x8x8", "train"), ("Unfold(3, dilation=4)", "2x3x8x8", "train"),
    ("Unfold((2, 3, 4))", "2x3x8x8", "train"), ("Unfold(2.0)", "2x3x8x8", "train"),
    ("Fold((5, 6), 2)", "2x12x20", "train"), ("Fold((5, 6), 2)", "12x20", "train"), ("Fold(5, 2)", "2x12x16", "train"),
    ("Fold((0, 6), 2)", "2x12x20", "train"), ("Fold((5, 6), 2)", "2x12x20x1", "train"), ("Fold((5, 6), 2)", "12", "train"),
    ("Fold((1, 1), 3)", "2x12x20", "train"), ("Fold((1, 1), 3)", "2x36x0", "train"), ("Fold((5, 6), 2, padding=-1)", "2x12x20", "train"),
    ("Fold((5, 6), 2, stride=0)", "2x12x20", "train"), ("Fold((5, 6), 2)", "2x12x19", "train"),
    ("Fold((8, 8), 3, padding=1, stride=2)", "2x27x16", "train"), ("Fold((1, 1), 3, padding=0)", "2x9x1", "train"),
]

# (expression, input shapes): the function-only kinds through the forms model
# code writes, and the functional forms of the modules.
OPS = [
    # expand: -1 keeps a dim; checks from the last dim back; then numel
    ("a.expand(4, 2, 3)", "2x3"), ("a.expand(-1, -1)", "2x3"), ("a.expand(5, -1, 3)", "2x3"), ("a.expand(3, 4)", "3x1"),
    ("a.expand(3, 0)", "3x1"), ("a.expand((3, 4))", "3x1"), ("a.expand([3, 4])", "3x1"), ("a.expand(3, True)", "3x1"),
    ("a.expand(2, 3, 4)", "3x1"), ("a.expand(4, -1, 3)", "4x1x3"), ("a.expand(0, 3)", "0x1"), ("a.expand(2, 0)", "2x1"),
    ("a.expand(2, 3, 4, 5)", "5"), ("a.expand(())", "-"), ("a.expand(2, 3)", "-"), ("a.expand(1, 1, 1, 1, 1, 1, 1, 1)", "1"),
    ("a.expand(a.size(0), 3)", "2x1"), ("a.expand(3, 4, implicit=True)", "3x1"), ("a.expand(2, 5)", "2x3"),
    ("a.expand(2)", "2x3"), ("a.expand(-1, 2, 3)", "2x3"), ("a.expand(2, 5, 4)", "2x3"), ("a.expand(3, -2)", "3x1"),
    ("a.expand(-3, 1)", "3x1"), ("a.expand(-1)", "-"), ("a.expand(4, 2, 3)", "4x1x3"), ("a.expand(2, 3)", "0x1"),
    ("a.expand(2**40, 2**30, 2, 3)", "2x3"), ("a.expand(3, 4.0)", "3x1"), ("a.expand(3.0, 4)", "3x1"),
    ("a.expand((3, 4.0))", "3x1"), ("a.expand((True, 4))", "3x1"), ("a.expand(True, 4)", "3x1"), ("a.expand(None)", "3x1"),
    ("a.expand('a')", "3x1"), ("a.expand()", "3x1"), ("a.expand((3, 4), implicit=1)", "3x1"),
    # expand_as: the other tensor's shape
    ("b.expand_as(a)", "2x3;1x3"), ("a.expand_as(b)", "2x3;4x2x3"), ("a.expand_as(b)", "-;2x3"),
    ("a.expand_as(b)", "2x1x3;4x2x5x3"), ("a.expand_as(b)", "1x1;0x3"), ("b.expand_as(a)", "2x3;3x1"),
    ("a.expand_as(b)", "2x3;3x1"), ("a.expand_as(b)", "2x3;-"), ("a.expand_as(3)", "2x3"),
    # repeat: leading repeats add dims; torch.empty's checks on the result
    ("a.repeat(2, 2)", "2x3"), ("a.repeat(1, 2, 2)", "2x3"), ("a.repeat(0, 2)", "2x3"), ("a.repeat((2, 2))", "2x3"),
    ("a.repeat([2, 2])", "2x3"), ("a.repeat(2, True)", "2x3"), ("a.repeat(())", "-"), ("a.repeat(3)", "-"),
    ("a.repeat(2, 3)", "-"), ("a.repeat(2, 1, 3, 1)", "3x1x2"), ("a.repeat(0, 1)", "0x3"), ("a.repeat(1, 1, 1)", "2x0x3"),
    ("a.repeat(2)", "2x3"), ("a.repeat(())", "2x3"), ("a.repeat(-1, 2)", "2x3"), ("a.repeat(-1, 0)", "2x3"),
    ("a.repeat(1, -1, 2)", "2x3"), ("a.repeat(2**61, 1)", "2x3"), ("a.repeat(2**62, 1)", "2x3"), ("a.repeat(1, 2**62)", "2x3"),
    ("a.repeat(2**30, 2**30)", "2x3"), ("a.repeat(-(2**61) - 1, 1)", "2x3"), ("a.repeat(2.0, 2)", "2x3"),
    ("a.repeat((2, 2.0))", "2x3"), ("a.repeat(None)", "2x3"), ("a.repeat()", "2x3"),
    # torch.slice_copy, what x[:, ::2] is: clamping, steps, PyTorch's order of checks
    ("torch.slice_copy(a, 1, 0, None, 2)", "2x3"), ("torch.slice_copy(a, 1, -1, None, 1)", "2x3"),
    ("torch.slice_copy(a, 1, -5, -1, 2)", "2x3"), ("torch.slice_copy(a, 1, 3, None, 1)", "2x3"),
    ("torch.slice_copy(a, 1, 2, 1, 1)", "2x3"), ("torch.slice_copy(a, -1, 1, 100, 3)", "2x3x10"),
    ("torch.slice_copy(a, step=3)", "7x2"), ("torch.slice_copy(a, 2, 1, None, 2)", "2x3x0"),
    ("torch.slice_copy(a, 1, None, None, 2**62)", "2x5"), ("torch.slice_copy(a, dim=0, start=1, end=None, step=4)", "9x2"),
    ("torch.slice_copy(a, 1, True, None, 2)", "2x5"), ("torch.slice_copy(a, True, 0, None, 1)", "2x5"),
    ("torch.slice_copy(a, 1, 0, None, None)", "2x5"),
    # an omitted step is left out: torch 1.13's binding reads it uninitialised (seen as an error in
    # one CI run and as [2, 1] in another); cnnc takes the declared default 1 (MoreOps.AnOmittedStepIsOne)
    ("torch.slice_copy(a, 1, 0, None, 0)", "2x3"),
    ("torch.slice_copy(a, 1, 0, None, -1)", "2x3"), ("torch.slice_copy(a, 5, 0, 1, 0)", "2x3"),
    ("torch.slice_copy(a, -3, 0, 1, 1)", "2x3"), ("torch.slice_copy(a, 0, 0, 1, 0)", "-"),
    ("torch.slice_copy(a, 1, 0.5, 2, 1)", "2x3"), ("torch.slice_copy(a, 1, 0, 2, 1.0)", "2x3"),
    ("torch.slice_copy(a, 1, 0, 'x', 1)", "2x3"), ("torch.slice_copy(a, None, 0, 2, 1)", "2x3"),
    # the modules' functional forms
    ("F.hardswish(a)", "2x3"), ("F.hardsigmoid(a, inplace=True)", "4"), ("F.mish(a)", "-"), ("F.softplus(a, 2, 10)", "2x3"),
    ("F.selu(a)", "2x3"), ("torch.selu(a)", "4"), ("F.selu(a, True)", "2x3"), ("F.selu(a, alpha=1)", "2x3"),
    ("F.softplus(a, threshold=5)", "3"), ("F.softplus(a, 'x')", "2x3"), ("F.hardshrink(a, 0.3)", "2x3"),
    ("torch.hardshrink(a)", "3x1"), ("a.hardshrink(lambd=-1)", "3"), ("F.hardshrink(a, None)", "2x3"),
    ("F.pixel_shuffle(a, 2)", "1x8x3x3"), ("torch.pixel_shuffle(a, 3)", "2x9x1x1"), ("F.pixel_shuffle(a, 2)", "1x6x3x3"),
    ("F.pixel_shuffle(a, 2.0)", "1x8x3x3"), ("F.pixel_unshuffle(a, 2)", "1x2x4x6"),
    ("F.pixel_unshuffle(a, downscale_factor=3)", "1x1x3x3"), ("torch.pixel_unshuffle(a, 2)", "1x2x5x6"),
    # torch.max/min: the full reduction, (values, indices) over one dim, amax/amin over several;
    # zero-size checks in PyTorch's order (amax names the dim as written, max the wrapped one)
    ("torch.max(a)", "2x3x4"), ("torch.min(a)", "2x0x4"), ("a.max()", "-"), ("torch.max(a, 1)[0]", "2x3x4"),
    ("torch.max(a, dim=1, keepdim=True)[0]", "2x3x4"), ("torch.max(a, 1, True).values", "2x3x4"),
    ("a.max(dim=-1)[1]", "2x3x4"), ("torch.min(a, -2).indices", "2x3x4"), ("a.min(1, keepdim=True)[0]", "2x3x4"),
    ("torch.max(a, 1)[0]", "2x0x4"), ("torch.max(a, -2)[0]", "2x0x4"), ("torch.max(a, 2)[0]", "2x0x4"),
    ("torch.max(a, 3)[0]", "2x3x4"), ("torch.max(a, -4)[0]", "2x3x4"), ("torch.max(a, 0)[0]", "-"),
    ("torch.max(a, 1)[0]", "-"), ("torch.max(a, 1.0)", "2x3"), ("torch.max(a, True)", "2x3"),
    ("torch.max(a, 1, 2)", "2x3"), ("torch.max(a, 'c')", "2x3"), ("torch.max(a, 2**63)", "2x3"),
    ("torch.max(a, input=a)", "2x3"), ("torch.max(3)", "2x3"), ("torch.max(a, axis=1, keepdims=True)[0]", "2x3x4"),
    ("torch.amax(a, (1, 2))", "2x3x4"), ("torch.amax(a, dim=[0, -1], keepdim=True)", "2x3x4"), ("torch.amin(a, 1)", "2x3x4"),
    ("a.amax()", "2x3x4"), ("torch.amax(a)", "2x0x4"), ("torch.amax(a, (-2, 0))", "2x0x4"), ("torch.amax(a, (0, 1))", "2x0x4"),
    ("torch.amax(a, (1, 1))", "2x0x4"), ("torch.amax(a, (1, 1))", "2x3x4"), ("torch.amax(a, (5, 1))", "2x0x4"),
    ("torch.amin(a, 2)", "2x3x0"), ("torch.amax(a, 0)", "-"), ("torch.amax(a, [])", "2x3"),
    # matmul's paths: dot, mv, mm, the fold of [..., M, K] x [K, N], and the batched product
    ("torch.matmul(a, b)", "4;4"), ("torch.matmul(a, b)", "4;5"), ("a @ b", "3x4;4"), ("a @ b", "3x4;5"),
    ("a @ b", "4;4x5"), ("a @ b", "4;5x6"), ("a.matmul(b)", "3x4;4x6"), ("a @ b", "3x4;5x6"), ("a @ b", "2x3x4;4x6"),
    ("a @ b", "2x3x4;5x6"), ("a @ b", "2x3x4;4"), ("a @ b", "2x3x4;5"), ("a @ b", "2x3x4;2x4x6"), ("a @ b", "2x3x4;2x5x6"),
    ("a @ b", "2x1x3x4;5x4x6"), ("a @ b", "2x2x3x4;5x4x6"), ("a @ b", "2x2x3x4;5x5x6"), ("a @ b", "3x4;5x4x2"),
    ("a @ b", "3x4;5x5x2"), ("a @ b", "4;2x4x6"), ("a @ b", "4;2x5x6"), ("a @ b", "2x5x3x4;4"), ("a @ b", "-;2x5x6"),
    ("a @ b", "3;-"), ("a @ 2", "3x4"), ("2 @ a", "3x4"), ("a @ b", "2x8x3x4;2x8x4x5"), ("a @ b", "0x3x4;0x4x5"),
    ("torch.bmm(a, b)", "2x3x4;2x4x6"), ("torch.bmm(a, b)", "2x3x4;2x5x6"), ("torch.bmm(a, b)", "2x3x4;3x4x6"),
    ("torch.bmm(a, b)", "3x4;3x4x6"), ("torch.bmm(a, b)", "2x3x4;4x6"), ("a.bmm(b)", "5x1x7;5x7x1"),
    ("a ** 2", "2x3"), ("a ** 0.5", "2x3"), ("a.pow(3)", "4"), ("torch.pow(a, exponent=-1)", "2x3"), ("a ** True", "3"),
    ("a ** 'x'", "2x3"), ("a ** None", "2x3"), ("torch.sqrt(a)", "2x3"), ("a.sqrt()", "-"), ("F.avg_pool2d(a)", "1x2x4x4"),
    ("F.pixel_shuffle(a)", "1x4x2x2"), ("F.max_pool2d(a)", "1x2x4x4"), ("F.max_pool2d(a, 2, foo=1)", "1x2x4x4"),
    ("F.adaptive_max_pool2d(a)", "1x2x4x4"), ("torch.flatten(a, foo=1)", "2x3"),
    # torch.stack (unsqueeze + cat), split with sizes, None/Ellipsis indexing, argmax/argmin (indices),
    # new_zeros, type, and square/rsqrt/neg as pow and mul
    ("torch.stack([a, a], dim=1)", "2x3"), ("torch.stack([a, b])", "2x3;2x4"), ("torch.stack([a, a], 3)", "2x3"),
    ("torch.stack([a, a], -3)", "2x3"), ("torch.stack((a,))", "2x3"), ("torch.stack([a, a])", "-"), ("torch.stack([a, 3])", "2x3"),
    ("torch.stack(a)", "2x3"), ("torch.stack([a, b], -1)", "2x3;2x3"),
    ("a.split([1, 2], dim=1)[1]", "2x3x4"), ("a.split([1, 1], dim=1)[0]", "2x3x4"), ("torch.split(a, [2, 2], 2)[0]", "2x3x4"),
    ("a.split([1, -1, 3], 1)[0]", "2x3x4"), ("a.split((3, 0), 1)[1]", "2x3x4"), ("a.split([1, 2], dim=5)[0]", "2x3x4"),
    ("a[:, :, None]", "2x3x4"), ("a[None]", "2x3"), ("a[None, :, 0]", "2x3x4"), ("a[..., None]", "2x3x4"),
    ("a[:, None, :, None]", "2x3x4"), ("a[..., 0, None]", "2x3"), ("a[None, ..., None]", "2x3"), ("a[0, 0, 0]", "2x3"),
    ("a[:, 5]", "2x3"),
    ("a.argmax(1)", "2x3x4"), ("torch.argmax(a, dim=1, keepdim=True)", "2x3x4"), ("a.argmax()", "2x3x4"),
    ("a.argmin(dim=-1)", "2x3x4"), ("torch.argmax(a, 4)", "2x3x4"), ("a.argmax(1)", "2x0x4"), ("a.argmax()", "2x0x4"),
    ("a.argmin(-2)", "2x0x4"), ("a.argmax(dim=(0, 1))", "2x3"), ("a.argmax(1.0)", "2x3"), ("a.argmax(1, True)", "2x3"),
    ("a.new_zeros(a.shape) + a", "2x3"), ("a.new_zeros((2, 3)) * 2", "4"), ("a.new_ones(2, 3)", "4"), ("a.new_zeros(-1)", "2x3"),
    ("a.type(torch.float32)", "2x3"), ("torch.square(a)", "2x3"), ("a.square()", "-"), ("torch.rsqrt(a)", "2x3"),
    ("torch.neg(a)", "2x3"), ("a.neg()", "4"),
    ("torch.clamp(a, min=0)", "2x3"), ("a.clamp(0, 1)", "2x3"), ("torch.clamp(a)", "2x3"), ("a.clamp(max=1)", "-"),
    ("a.clamp_(min=-1, max=1)", "2x3"), ("torch.clamp(a, None, None)", "2x3"), ("torch.log(a)", "2x3"), ("a.log()", "4"),
    ("torch.abs(a)", "2x3"), ("a.abs()", "-"), ("torch.abs(a - b)", "2x3;2x1"), ("torch.abs(a - b)", "2x3;3x2"),
    ("torch.mm(a, b)", "3x4;4x6"), ("torch.mm(a, b)", "3x4;5x6"), ("torch.mm(a, b)", "2x3x4;4x6"), ("a.mm(b)", "3x4;4"),
    # torch.norm / Tensor.norm (vector norms), F.normalize, pairwise_distance
    ("torch.norm(a)", "2x3x4"), ("a.norm(dim=1)", "2x3x4"), ("a.norm(2, 1, True)", "2x3x4"), ("torch.norm(a, p=1, dim=(1, 2))", "2x3x4"),
    ("torch.norm(a, float('inf'), dim=-1)", "2x3x4"), ("a.norm(p=3, dim=[0, 2], keepdim=True)", "2x3x4"), ("torch.norm(a, dim=3)", "2x3x4"),
    ("torch.norm(a, dim=(1, 1))", "2x3x4"), ("a.norm(dim=1)", "2x0x4"), ("torch.norm(a, float('inf'), dim=1)", "2x0x4"),
    ("torch.norm(a, float('inf'))", "2x0x4"), ("torch.norm()", "2x3"), ("a.norm(p=1.5, dim=1)", "2x3x4"),
    ("F.normalize(a)", "2x3x4"), ("F.normalize(a, dim=-1)", "2x8"), ("F.normalize(a, p=1, dim=0)", "2x8"), ("F.normalize(a, dim=2)", "2x8"),
    ("F.normalize(a)", "8"), ("F.normalize(a, 2, 0)", "8"), ("F.normalize()", "2x8"),
    ("F.pairwise_distance(a, b)", "2x128;2x128"), ("F.pairwise_distance(a, b, keepdim=True)", "2x128;2x128"),
    ("F.pairwise_distance(a, b)", "2x128;2x64"), ("F.pairwise_distance(a, b, p=1)", "2x3x4;3x4"), ("torch.pairwise_distance(a, b)", "4;4"),
    ("F.pairwise_distance(a, b)", "2x128;128"), ("F.pairwise_distance(a)", "2x128"),
    # unpacking a tensor: Tensor.__iter__ is unbind(0)
    ("[q * k for q, k in [a]][0]", "2x3x4"), ("(lambda t: t[0] + t[1])(tuple(a))", "2x3"),
    ("F.interpolate(a, scale_factor=2, mode='bicubic', align_corners=False)", "2x3x8x8"),
    ("F.interpolate(a, size=(5, 6), mode='bicubic')", "2x3x8x8"), ("F.interpolate(a, scale_factor=3, mode='bicubic')", "2x3x8"),
    ("F.interpolate(a, scale_factor=2, mode='bicubic', align_corners=True)", "2x3x0x8"),
    # floor / ceil / round / trunc (zero gradient), on graph tensors and on constants
    ("torch.floor(a)", "2x3"), ("a.ceil()", "2x3x4"), ("torch.round(a) + a", "2x3"), ("torch.trunc(a * 2)", "4"),
    ("a / 0.8 * torch.floor(0.8 + torch.rand([a.shape[0], 1, 1, 1]))", "2x3x4x4"), ("a.floor_()", "2x3"),
    ("torch.floor(a) + b", "2x3;4x3"), ("torch.fix(a)", "2x3"),
    # max_pool2d's indices and max_unpool2d (SegNet): the output size, its checks, the indices' checks
    ("F.max_unpool2d(*F.max_pool2d(a, 2, return_indices=True), 2)", "2x3x8x8"),
    ("F.max_unpool2d(*F.max_pool2d(a, 2, return_indices=True), 2, output_size=a.shape)", "2x3x9x9"),
    ("F.max_unpool2d(*F.max_pool2d(a, 2, return_indices=True), 2, output_size=(20, 20))", "2x3x8x8"),
    ("F.max_unpool2d(*F.max_pool2d(a, 2, return_indices=True), 2, output_size=(8,))", "2x3x8x8"),
    ("F.max_unpool2d(a, F.max_pool2d(b, 2, return_indices=True)[1], 2)", "2x3x4x4;2x3x10x10"),
    ("F.max_unpool2d(a, a, 2)", "2x3x4x4"), ("F.max_unpool2d(*F.max_pool2d(a, 3, 2, 1, return_indices=True), 3, 2, 1)", "1x2x7x7"),
    ("nn.MaxUnpool2d(2)(*nn.MaxPool2d(2, return_indices=True)(a))", "2x3x8x8"),
    ("nn.MaxUnpool2d(2, stride=2)(*nn.MaxPool2d(2, 2, return_indices=True)(a), output_size=[9, 9])", "3x9x9"),
    ("nn.MaxPool2d(2, return_indices=True)(a)[0] + 1", "2x3x8x8"), ("nn.MaxUnpool2d(2)(a)", "2x3x8x8"),
    # PyTorch without CUDA (the oracle's, and the torch cnnc models): moving to a CUDA device fails
    ("a.cuda()", "2x3"), ("a.to('cuda:0')", "2x3"), ("a.to(torch.device('cuda'))", "2x3"), ("a.to(device='cuda')", "2x3"),
    ("a.to('cpu') + torch.zeros(2, 3, device='cpu')", "2x3"), ("a + torch.zeros(2, 3, device='cuda')", "2x3"),
    ("nn.Linear(3, 4).cuda()(a)", "2x3"), ("nn.Linear(3, 4).to('cpu')(a)", "2x3"),
    ("a.to(torch.device('cuda' if torch.cuda.is_available() else 'cpu'))", "2x3"),
    # var / std: N - correction divides; their overloads
    ("a.var()", "2x3x4"), ("a.var(1)", "2x3x4"), ("a.var(1, keepdim=True)", "2x3x4"), ("a.var(dim=(1, 2), unbiased=False)", "2x3x4"),
    ("a.std(1, True, True)", "2x3x4"), ("torch.var(a, 1)", "2x3x4"), ("torch.std(a, dim=[0, 2], correction=0, keepdim=True)", "2x3x4"),
    ("a.var(3)", "2x3x4"), ("a.var((1, 1))", "2x3x4"), ("a.std(False)", "2x3x4"), ("torch.std(a, 1, keepdim=True, unbiased=False)", "2x3x4"),
    ("a.view(2, 3, -1).var(dim=2) + 1e-5", "2x3x4x4"), ("(a - a.mean(1, keepdim=True)) / a.std(1, keepdim=True)", "2x3x4"),
    # the elementwise maximum / minimum, as torch.max(a, b) too
    ("torch.maximum(a, b)", "2x3;3"), ("torch.minimum(a, b)", "2x3;2x1"), ("torch.max(a, b)", "2x3;3"), ("torch.min(a, b)", "2x3;4"),
    ("a.maximum(b)", "2x3x4;3x1"), ("torch.max(a, other=b)", "2x3;2x3"), ("torch.maximum(a, b)", "2x3;4x3"),
    # item assignment: the value's type, the index, then copy_'s expand (the value's leading 1s dropped)
    ("a[:, 0] = b; return a", "2x3x4;4"), ("a[:, 0] = b; return a", "2x3x4;3"), ("a[:, 0] = b; return a", "2x3x4;1x2x4"),
    ("a[:, 0] = b; return a", "2x3x4;1x2x3"), ("a[:, 0] = b; return a", "2x3x4;3x2x4"), ("a[0] = b; return a", "2x3x4;3x4x1"),
    ("a[0, 1, 2] = b; return a", "2x3x4;2"), ("a[:, ::2] = b; return a", "2x3x4;2x3x4"), ("a[:, 5:] = b; return a", "2x3x4;2x1x4"),
    ("a[:, 0:2] = b; return a", "2x3x4;2x0x4"), ("a[5] = 1; return a", "2x3x4"), ("a[0, 0, 0, 0] = 1; return a", "2x3x4"),
    ("a[..., 1] = 'x'; return a", "2x3x4"), ("a[:, 1:] = 0.5; return a.sum(1)", "2x3x4"), ("a[:, None] = b; return a", "2x3x4;2x1x3x4"),
    ("m = torch.ones(3, 3); m[1, 2:] = 0; return a * m", "2x3x3"), ("m = torch.zeros(3); m[1] = a; return m", "2x3"),
    ("c = nn.Conv2d(1, 2, 3); c.weight.data[:, :, 1, 1] = 0; return c(a)", "2x1x5x5"),
    ("c = nn.Conv2d(1, 2, 3); c.weight.data *= torch.ones(2, 1, 3, 3); return c(a)", "2x1x5x5"),
    ("c = nn.Conv2d(1, 2, 3); c.weight.data = 3; return c(a)", "2x1x5x5"),
    # torch.arange's length (int64 arithmetic for integers), torch.tensor's shape, a known value's item()
    ("a + torch.arange(4)", "2x4"), ("a + torch.arange(0, 10, 3)", "2x4"), ("a + torch.arange(0.0, 1.0, 0.3)", "2x4"),
    ("a + torch.arange(0, 8, 2).float()", "2x4"), ("a + torch.arange(1, end=5)", "2x4"), ("a + torch.arange(5, 0, -1)", "2x4"),
    ("a + torch.arange(0, 9, 2, dtype=torch.float)", "2x4"), ("a + torch.arange(5, 0)", "2x4"), ("a + torch.arange(0, 5, 0)", "2x4"),
    ("a + torch.arange(2.5)", "2x3"), ("a + torch.arange('x')", "2x3"), ("a + torch.arange(torch.tensor(3))", "2x3"),
    ("a + torch.tensor([1.0, 2.0, 3.0])", "2x3"), ("a + torch.tensor([[1, 2], [3, 4]])", "2x3"), ("a + torch.tensor([[1, 2], [3]])", "2x3"),
    ("a * torch.tensor(2.0)", "2x3"), ("a.view(int(torch.tensor(2).item()), -1)", "2x3"),
    ("a.view(-1, int(torch.ceil(torch.tensor(3 * 1.1)).item()))", "2x8"), ("a.view(-1, int(torch.tensor(1.9)))", "2x3"),
    ("a * float(torch.tensor(3))", "2x3"), ("a * torch.tensor([1, 2]).item()", "2x3"), ("a * int(torch.tensor([1, 2]))", "2x3"),
    ("a * torch.tensor('x')", "2x3"),
    # sin / cos of constants (a positional encoding)
    ("p = torch.arange(0, 3).unsqueeze(1) * torch.ones(4); return a + torch.sin(p) + p.cos()", "2x3x4"),
    ("a + torch.sin(torch.zeros(5))", "2x4"),
    # torch.linspace's length; the 3-d pools' functional forms; comparisons as masks of the broadcast shape
    ("a + torch.linspace(0, 1, 4)", "2x4"), ("a + torch.linspace(0, 1, steps=3)", "2x4"), ("a + torch.linspace(0, 1, -1)", "2x4"),
    ("F.avg_pool3d(a, 2)", "2x3x4x4x4"), ("F.avg_pool3d(a, 2)", "2x3x4"), ("F.adaptive_avg_pool3d(a, (None, 1, 2))", "2x3x4x4x4"),
    # view() needs strides it can reshape: transposes, permutes, slices and expands are views of
    # other strides (reshape, flatten and contiguous copy instead); a transposed 3-d input to
    # Linear goes through bmm in 1.13
    ("a.transpose(1, 2).view(2, -1)", "2x3x4"), ("a.transpose(1, 2).contiguous().view(2, -1)", "2x3x4"),
    ("a.permute(0, 2, 1).reshape(2, -1)", "2x3x4"), ("a[:, :2].view(2, -1)", "2x3x4"), ("a[:, :, 1:3].view(2, -1)", "2x3x4"),
    ("a.transpose(0, 1).view(3, 2, 4)", "2x3x4"), ("a.unsqueeze(1).expand(2, 5, 3, 4).view(10, 12)", "2x3x4"),
    ("a[:, :, ::2].view(2, -1)", "2x3x4"), ("a.transpose(1, 2).flatten(1)", "2x3x4"), ("a.transpose(0, 1)[0].view(-1)", "2x3x4"),
    ("a.permute(0, 2, 1).unsqueeze(1).squeeze(1).view(2, 4, 3)", "2x3x4"), ("a.t().view(-1)", "3x4"),
    ("nn.Linear(3, 5)(a.transpose(1, 2))", "2x3x4"), ("nn.Linear(4, 5)(a.transpose(1, 2))", "2x3x4"),
    ("nn.Linear(5, 5)(a.transpose(1, 2).contiguous())", "2x3x4"),
    # attributes the model sets on a tensor; a number to the power of a constant tensor
    ("w = torch.ones(3); w.coef = 2; setattr(w, 'tag', 3); return a * w * w.coef * w.tag", "2x3"),
    ("a + 500 ** (torch.arange(0, 3) / 3)", "2x3"),
    ("a + 500 ** (torch.arange(0, 4) / 4)", "2x3"),
    ("(a < 0.5).float() + a", "2x3"), ("a * (a > b).float()", "2x3;3"), ("a * (a >= b).float()", "2x3;4"),
    # torch.mv and torch.dot (matmul's kernels), cumsum
    ("torch.mv(a, b)", "2x3;3"), ("torch.mv(a, b)", "2x3;4"), ("a.mv(b)", "3;3"), ("torch.mv(a, b)", "2x3x4;4"),
    ("torch.mv(a, b)", "2x3;3x1"), ("torch.mv(a, b)", "0x3;3"), ("a.mv(vec=b)", "4x2;2"),
    ("torch.dot(a, b)", "3;3"), ("a.dot(b)", "3;4"), ("torch.dot(a, b)", "2x3;3"), ("torch.dot(a, b)", "3;2x3"),
    ("torch.cumsum(a, 1)", "2x3"), ("torch.cumsum(a, dim=-1)", "2x3x4"), ("a.cumsum(0)", "2x3"), ("a.cumsum(2)", "2x3"),
    ("torch.cumsum(a, -3)", "2x3"), ("torch.cumsum(a, 0)", "-"), ("torch.cumsum(a, -1)", "-"), ("torch.cumsum(a, 1)", "-"),
    ("a.cumsum(dim=1, dtype=torch.float32)", "2x3"), ("torch.cumsum(a, 'c')", "2x3"),
    # F.linear and F.conv2d with a weight that is a tensor (b), not a module's parameter
    ("F.linear(a, b)", "2x3;4x3"), ("F.linear(a, b)", "2x3;4x5"), ("F.linear(a, b)", "2x6x3;4x5"), ("F.linear(a, b)", "3;4x3"),
    ("F.linear(a, b)", "2x5x6x3;4x3"), ("F.linear(a, b)", "2x3;2x4x3"), ("F.linear(a, b)", "-;4x3"), ("F.linear(a, b)", "2x3;-"),
    ("F.linear(a, b, torch.ones(4))", "2x3;4x3"), ("F.linear(a, b, torch.ones(5))", "2x3;4x3"),
    ("F.linear(a, b, torch.ones(7))", "2x3;4x5"), ("F.linear(a, b, torch.ones(5))", "2x6x3;4x3"),
    ("F.linear(a, b, torch.ones(5))", "2x5x6x3;4x3"), ("F.linear(a, b, torch.ones(6, 4))", "2x5x6x3;4x3"),
    ("F.linear(a, b, torch.ones(1, 2, 4))", "2x3;4x3"), ("F.linear(a, b, torch.ones(2, 4))", "2x3;4x3"),
    ("F.linear(a, b, torch.ones(3, 4))", "2x3;4x3"), ("F.linear(a, b, torch.ones(5))", "3;4x3"),
    ("F.linear(a.transpose(0, 1), b, torch.ones(5))", "6x2x3;4x3"), ("F.linear(a, 3)", "2x3"),
    ("F.conv2d(a, b)", "2x3x8x8;4x3x3x3"), ("F.conv2d(a, b)", "2x3x8x8;4x2x3x3"), ("F.conv2d(a, b)", "2x3x8x8;4x3x3"),
    ("F.conv2d(a, b)", "2x3x8x8;4x3"), ("F.conv2d(a, b, groups=2)", "2x4x8x8;4x2x3x3"),
    ("F.conv2d(a, b, groups=2)", "2x4x8x8;3x2x3x3"), ("F.conv2d(a, b, groups=2)", "2x5x8x8;4x2x3x3"),
    ("F.conv2d(a, b, torch.ones(5))", "2x3x8x8;4x3x3x3"), ("F.conv2d(a, b, torch.ones(4, 1))", "2x3x8x8;4x3x3x3"),
    ("F.conv2d(a, b, torch.ones(5))", "2x5x8x8;4x3x3x3"), ("F.conv2d(a, b)", "2x3x8x8;0x3x3x3"),
    ("F.conv2d(a, b)", "3x8x8;4x3x3x3"), ("F.conv2d(a, b)", "1x2x3x8x8;4x3x3x3"), ("F.conv2d(a, b)", "2x3x2x2;4x3x3x3"),
    ("F.conv2d(a, b, stride=2, padding=1, dilation=2)", "2x3x9x9;4x3x3x3"), ("F.conv2d(a, b, padding='same')", "2x3x8x8;4x3x3x3"), ("F.conv2d(a, b, padding='same')", "2x2x8x8;4x3x4x4"),
    ("F.conv2d(a, b, stride=0)", "2x3x8x8;4x3x3x3"), ("F.conv2d(a, b, padding=-1)", "2x3x8x8;4x3x3x3"),
    ("F.conv2d(a, b * 2, torch.zeros(4), 1, 1)", "2x3x8x8;4x3x3x3"), ("F.conv2d(a, b, torch.ones(5))", "2x3x2x2;4x3x3x3"),
    # torch.concat (cat under its own name); F.pad(mode='circular')
    ("torch.concat([a, b], 1)", "2x3;2x4"), ("torch.concat((a, b), dim=0)", "2x3;2x4"), ("torch.concat(3)", "2x3"),
    ("torch.concat([a, 3])", "2x3"),
    ("F.pad(a, (1, 1, 1, 1), 'circular')", "2x3x4x4"), ("F.pad(a, (1, 2), mode='circular')", "2x3x4"),
    ("F.pad(a, (1, 1, 1, 1, 1, 1), mode='circular')", "2x3x4x4x4"), ("F.pad(a, (4, 4, 4, 4), 'circular')", "2x3x4x4"),
    ("F.pad(a, (3, 3, 3, 3), 'circular')", "2x3x2x2"), ("F.pad(a, (3, 0, 0, 0), 'circular')", "2x3x2x2"),
    ("F.pad(a, (0, 0, 3, 0), 'circular')", "2x3x2x2"), ("F.pad(a, (-1, -1, 1, 1), 'circular')", "2x3x4x4"),
    ("F.pad(a, (-5, 1, 1, 1), 'circular')", "2x3x4x4"), ("F.pad(a, (-6, 1, 1, 1), 'circular')", "2x3x4x4"),
    ("F.pad(a, (1, 1, 1, 1), 'circular')", "4x4"), ("F.pad(a, (1, 1, 1, 1), 'circular')", "3x4x4"),
    ("F.pad(a, (1, 1), 'circular')", "2x3x4x4"), ("F.pad(a, (1, 1, 1, 1), 'circular', 1.0)", "2x3x4x4"),
    ("F.pad(a, (1, 1, 1, 1), 'circular', 0.0)", "2x3x4x4"), ("F.pad(a, (1, 1, 1), 'circular')", "2x3x4x4"),
    # the legacy constructor: a list or tuple is data, ints and torch.Size are sizes
    ("a + torch.Tensor([1, 2, 3])", "2x3"), ("a + torch.Tensor((1.5, 2.0))", "2x3"), ("a + torch.Tensor([[1, 2, 3]])", "2x3"),
    ("a + torch.Tensor(3)", "2x3"), ("a + torch.Tensor(2, 3)", "2x3"), ("a + torch.Tensor(torch.Size([2, 3]))", "2x3"),
    ("a + torch.Tensor(a.shape)", "2x3"), ("a + torch.Tensor(a)", "2x3"), ("a + torch.FloatTensor([0.5, 1.0, 2.0])", "2x3"),
    ("torch.Tensor()", "2x3"), ("a + torch.Tensor(2, 3.0)", "2x3"), ("a + torch.Tensor(3.5)", "2x3"),
    ("F.unfold(a, 3)", "2x3x8x8"), ("F.unfold(a, kernel_size=2, stride=2)", "2x3x8x8"), ("F.unfold(a)", "2x3x8x8"),
    ("F.fold(F.unfold(a, 2, stride=2), (8, 8), 2, stride=2)", "2x3x8x8"), ("F.fold(a, output_size=(4, 4), kernel_size=1)", "2x3x16"),
    ("a + torch.Tensor('a')", "2x3"), ("a + torch.Tensor([[1, 2], [3]])", "2x3"), ("a + torch.Tensor(-1)", "2x3"),
    # indexing with one list of ints; view/reshape sizes that are not ints; torch.cat of one tensor
    ("a[:, [0, 2], :, :]", "2x6x4x4"), ("a[:, [-1, 2]]", "2x6x4x4"), ("a[:, [0, 7]]", "2x6x4x4"), ("a[[1, 0, 1]]", "2x6x4x4"),
    ("a[:, []]", "2x6x4x4"), ("a[..., [0, 2]]", "2x6x4x4"), ("a[:, :, [0, 9]]", "2x6x4x4"), ("a[:, [-7]]", "2x6x4x4"),
    ("a[0, [1, 2]]", "2x6x4x4"), ("a[:, 0, [1, 2]]", "2x6x4x4"), ("a[None, :, [1, 2]]", "2x6x4x4"), ("a[:, (1, 2)]", "2x6x4x4"),
    ("a[:, [0, 1, 2, 5, 4]] * 2", "2x6x4x4"), ("a[:, [3, 4, 5]].sum()", "2x6x4x4"),
    ("a.view(2, 6 / 1, 16)", "2x6x4x4"), ("a.view([2, 6 / 1, 16])", "2x6x4x4"), ("a.view(2.0, 6, 16)", "2x6x4x4"),
    ("a.view((2.0, 6, 16))", "2x6x4x4"), ("a.view(2, 'a', 16)", "2x6x4x4"), ("a.reshape(2, 6 / 1, 16)", "2x6x4x4"),
    ("a.reshape(2.0, 6, 16)", "2x6x4x4"), ("a.reshape((2.0, 6, 16))", "2x6x4x4"), ("a.view(2, torch.tensor(6), 16)", "2x6x4x4"),
    ("a.view(True, 2, 6, 16)", "2x6x4x4"), ("a.view(2, True, 96)", "2x6x4x4"),
    ("torch.cat(a, 1)", "2x6x4x4"), ("torch.cat(a)", "2x6x4x4"), ("torch.cat(a, dim=1)", "2x6x4x4"),
    # torch.cdist (check only); addcmul/addcdiv; masks by .bool(); str.find
    ("torch.cdist(a, b)", "2x5x3;2x4x3"), ("torch.cdist(a, b)", "5x3;4x3"), ("torch.cdist(a, b)", "3;4x3"), ("torch.cdist(a, b)", "4x3;3"),
    ("torch.cdist(a, b)", "5x3;4x2"), ("torch.cdist(a, b)", "2x5x3;3x4x3"), ("torch.cdist(a, b)", "1x5x3;3x4x3"),
    ("torch.cdist(a, b)", "2x1x5x3;3x4x3"), ("torch.cdist(a, b, p=-1)", "5x3;4x3"), ("torch.cdist(a, b)", "0x3;4x3"),
    ("torch.cdist(a, b, compute_mode='x')", "5x3;4x3"), ("torch.cdist(a, b, p='a')", "5x3;4x3"), ("torch.cdist(a, b, p=-1)", "5x3;4x2"),
    ("torch.cdist(a, b, p=-1)", "2x5x3;3x4x3"), ("torch.cdist(a, b, 1.0, 'use_mm_for_euclid_dist')", "2x0x3;2x4x3"),
    ("torch.addcmul(a, b, a, value=0.5)", "2x3;3"), ("torch.addcmul(a, b, b)", "2x3;4"), ("torch.addcmul(a, b, torch.ones(4, 2))", "2x3;3"),
    ("torch.addcmul(a, b, b)", "3;2x3"), ("a.addcmul(b, b)", "2x3;3"), ("torch.addcdiv(a, b, a)", "2x3;3"), ("torch.addcmul(a, 3, a)", "2x3"),
    ("a * torch.triu(torch.ones(3, 3)).bool()", "2x3x3"), ("a * (a > 0.5).bool()", "2x3"),
    ("a.view(-1, 'conv1.weight'.find('weight') + 1)", "2x3"), ("a.view(-1, 'conv1.weight'.find('bias') + 2)", "2x3"),
    # masked_fill with a bool mask
    ("a.masked_fill(b > 0.5, -1e9)", "2x3x4;3x4"), ("a.masked_fill(b > 0.5, 0)", "2x3x4;5x2x3x4"), ("a.masked_fill(b > 0.5, 0)", "2x3x4;3x5"),
    ("a.masked_fill(b > 0.5, torch.tensor(1.))", "2x3x4;3x4"), ("a.masked_fill(b > 0.5, torch.tensor([1.]))", "2x3x4;3x4"),
    ("torch.masked_fill(a, b > 0.5, 1)", "2x3x4;3x4"), ("a.clone().masked_fill_(b > 0.5, 1)", "2x3x4;3x4"),
    ("a.clone().masked_fill_(b > 0.5, 1)", "2x3x4;5x2x3x4"), ("a.masked_fill(a == 0, 1)", "2x3x4"),
    ("a.masked_fill(torch.triu(torch.ones(4, 4)).bool(), float('-inf'))", "2x4x4"),
    # unbind
    ("torch.stack(a.unbind(1), dim=0)", "3x2x4"), ("a.unbind(dim=-1)[0]", "3x2x4"), ("torch.unbind(a)[1]", "3x2x4"),
    ("a.unbind(3)[0]", "3x2x4"), ("len(a.unbind(2)) * a", "3x2x4"),
    # unions of types in annotations (Python 3.10+)
    ("x: torch.Tensor | None = a; y: int | None = None; return x", "2x3"), ("return (None | None)", "2x3"),
    # index ops on argmax/argmin indices (a vector quantizer's codebook lookup); .T and .mT
    ("torch.index_select(b, 0, torch.argmin(a, dim=1))", "6x5;5x3"), ("b.index_select(1, a.argmax(1))", "6x4;2x4"),
    ("torch.index_select(b, 0, a.argmax(1).view(3, 2))", "6x4;5x3"), ("torch.index_select(b, 2, a.argmax(1))", "6x4;5x3"),
    ("torch.index_select(b, 0, a.argmax())", "6x4;30x2"), ("torch.index_select(b, -1, torch.max(a, 0)[1])", "3x4;2x3"),
    ("torch.index_select(b, 0, a.argmax(1).float())", "6x4;5x3"), ("b.index_select(dim=0, index=a.argmin(-1).flatten())", "2x3x4;4x2"),
    ("torch.index_select(b, 0, a.argmax(1)[:0])", "6x4;2x3"),
    ("F.one_hot(a.argmin(1), 5)", "6x5"), ("F.one_hot(a.argmin(1), num_classes=7).float() @ b", "6x5;7x3"),
    ("F.one_hot(a.argmin(1), 0)", "6x5"), ("F.one_hot(a.argmin(1), -1)[:0] if False else F.one_hot(a.argmin(1)[:0])", "6x5"),
    ("F.one_hot(a.argmin(1), 5.0)", "6x5"), ("F.one_hot(a.argmin(1).unsqueeze(1), 5).shape[1] * a", "6x5"),
    ("F.one_hot(a.argmin(1).float(), 5)", "6x5"), ("F.one_hot(a.argmin(1).type(a.dtype), 5)", "6x5"),
    ("F.one_hot(a.argmin(1).to(torch.float32), 5)", "6x5"), ("F.one_hot(a.argmin(1).long(), 5)", "6x5"),
    ("F.one_hot(a.argmin(1).type_as(a), 5)", "6x5"),
    ("torch.zeros(6, 5).scatter_(1, a.argmin(1).unsqueeze(1), 1)", "6x5"),
    ("torch.zeros(6, 5).scatter(1, a.argmin(1, keepdim=True), 1.0)", "6x5"),
    ("torch.zeros(4, 5).scatter_(1, a.argmin(1, keepdim=True), 1)", "6x5"),
    ("torch.zeros(6, 5).scatter_(1, a.argmin(1), 1)", "6x5"),
    ("torch.zeros(6, 5).scatter_(1, a.argmin(1, keepdim=True), torch.ones(5, 1))", "6x5"),
    ("torch.zeros(6, 5).scatter_(1, a.argmin(1, keepdim=True), torch.ones(6, 1))", "6x5"),
    ("torch.scatter(torch.zeros(6, 5), 1, a.argmin(1, keepdim=True), 1)", "6x5"),
    ("torch.zeros(6, 5).scatter_(2, a.argmin(1, keepdim=True), 1)", "6x5"),
    ("torch.zeros(6, 5).scatter_(1, a.argmin(1, keepdim=True).float(), 1)", "6x5"),
    ("torch.zeros(6, 5).scatter_(1, a.argmin(1, keepdim=True), value=1)", "6x5"),
    ("torch.zeros(6, 9).scatter_add_(1, a.argmin(1, keepdim=True), torch.ones(6, 1))", "6x5"),
    ("torch.zeros(6, 5).scatter_(1, a.argmin(1, keepdim=True), torch.ones(6, 1).long())", "6x5"),
    ("torch.gather(a, 1, a.argmin(1, keepdim=True))", "6x5"), ("a.gather(1, a.argmin(1))", "6x5"),
    ("b.gather(1, a.argmin(1, keepdim=True))", "6x5;4x5"), ("b.gather(0, a.argmin(0, keepdim=True))", "6x5;7x5"),
    ("a.gather(-1, a.argmax(-1, keepdim=True).expand(6, 3))", "6x5"), ("a.gather(-1, a.argmax(-1, keepdim=True).expand(6, 7))", "6x5"),
    # losses computed in forward (F.mse_loss, F.l1_loss): broadcast, term, reduction
    ("F.mse_loss(a, b)", "2x3;2x3"), ("F.mse_loss(a, b)", "2x3;3"), ("F.mse_loss(a, b)", "2x3;4"),
    ("F.mse_loss(a, b, reduction='x')", "2x3;4"), ("F.l1_loss(a, b, reduction='none')", "2x3;2x1x3"),
    ("F.l1_loss(a, b, reduction='sum') * a", "2x3;2x3"), ("F.mse_loss(input=a, target=b.detach()) + a", "2x3;1x3"),
    # NumPy-style aliases of the arithmetic
    ("torch.multiply(a, b)", "2x3;3"), ("a.multiply(b)", "2x3;4"), ("torch.subtract(a, b, alpha=2)", "2x3;2x1"),
    ("torch.divide(a, b, rounding_mode=None)", "2x3;3"), ("a.divide(b)", "2x3;2x3x1"),
    # torch.einsum: the output's shape and at::einsum's checks in their order
    ("torch.einsum('bij,bjk->bik', a, b)", "2x3x4;2x4x5"), ("torch.einsum('bij,bjk', a, b)", "2x3x4;2x4x5"),
    ("torch.einsum('bij,bjk->bik', [a, b])", "2x3x4;2x4x5"), ("torch.einsum('bij,bjk->bik', (a, b))", "2x3x4;2x4x5"),
    ("torch.einsum('bij,bjk->bik', a)", "2x3x4;2x4x5"), ("torch.einsum('bij->bik', a, b)", "2x3x4;2x4x5"),
    ("torch.einsum('bij,bkk->bik', a, b)", "2x3x4;2x4x5"), ("torch.einsum('bi,bjk->bik', a, b)", "2x3x4;2x4x5"),
    ("torch.einsum('...ijkl', a)", "2x3x4"), ("torch.einsum('bij,bjk->bikk', a, b)", "2x3x4;2x4x5"),
    ("torch.einsum('bij,bjk->bix', a, b)", "2x3x4;2x4x5"), ("torch.einsum('bij,bjk->bi1', a, b)", "2x3x4;2x4x5"),
    ("torch.einsum('...ij,...jk->...ik', a, b)", "7x2x3x4;2x4x5"), ("torch.einsum('...ij,...jk->ik', a, b)", "2x3x4;2x4x5"),
    ("torch.einsum('...ij,...jk->...ik', a, b)", "2x3x4;3x4x5"), ("torch.einsum('ii->i', a)", "3x3"), ("torch.einsum('ii', a)", "3x3"),
    ("torch.einsum('bij,cjk->bik', a, b)", "2x3x4;3x4x5"), ("torch.einsum('bij,bjk->bik', a, b)", "2x3x4;1x4x5"),
    ("torch.einsum('bij,bjk->bik', a, b)", "2x3x4;2x3x5"), ("torch.einsum('b i j , b j k -> b i k', a, b)", "2x3x4;2x4x5"),
    ("torch.einsum('bij,bjk->', a, b)", "2x3x4;2x4x5"), ("torch.einsum('b..ij,bjk->bik', a, b)", "2x3x4;2x4x5"),
    ("torch.einsum('......ij', a)", "2x3x4"), ("torch.einsum('...ij->...i.', a)", "2x3x4"), ("torch.einsum('Bij,bjk', a, b)", "2x3x4;2x4x5"),
    ("torch.einsum('bij,bjk,,->bik', a, b)", "2x3x4;2x4x5"), ("torch.einsum('b-ij', a)", "2x3x4"), ("torch.einsum('bij->bij->b', a)", "2x3x4"),
    ("torch.einsum('i,i', a, b)", "3;4"), ("torch.einsum('i,i->i', a, b)", "1;4"), ("torch.einsum('bhqd,bhkd->bhqk', a, b)", "2x4x9x8;2x4x7x8"),
    ("torch.einsum('bixy,ioxy->boxy', a, b)", "2x3x4x4;3x5x4x4"), ("torch.einsum('nchw,nchw->nc', a, a) + a[:, :, 0, 0]", "2x3x4x4"),
    ("torch.einsum('ij,jk->ik', a, 5)", "3x4"), ("torch.einsum('...->...', a)", "3x4"),
    # F.batch_norm on statistics of no batch norm module (AdaIN, conditional BN, MAML)
    ("F.batch_norm(a, torch.zeros(3), torch.ones(3))", "2x3x4x4"), ("F.batch_norm(a, torch.zeros(4), torch.ones(3))", "2x3x4x4"),
    ("F.batch_norm(a, torch.zeros(3), torch.ones(4))", "2x3x4x4"), ("F.batch_norm(a, torch.zeros(3), torch.ones(3), b)", "2x3x4x4;5"),
    ("F.batch_norm(a, torch.zeros(3), torch.ones(3), None, b)", "2x3x4x4;5"), ("F.batch_norm(a, None, None, training=True)", "2x3x4x4"),
    ("F.batch_norm(a, None, None)", "2x3x4x4"), ("F.batch_norm(a, torch.zeros(3), None)", "2x3x4x4"),
    ("F.batch_norm(a, None, None, b[0], b[1], True, 0.1, 1e-5)", "2x3x8;2x3"), ("F.batch_norm(a.reshape(1, 6, 4, 4), None, None, b, b, True)", "2x3x4x4;6"),
    # torch.meshgrid, torch.range, repeat_interleave by an int count
    ("torch.stack(torch.meshgrid([torch.arange(0, s) for s in (4, 5)])) * 1.0", "2x3"), ("torch.meshgrid(a, b)[1]", "3;4"),
    ("torch.meshgrid(a, b, indexing='xy')[0] + torch.meshgrid(a, b, indexing='xy')[1]", "3;4"), ("torch.meshgrid(a, b, a)[2]", "2;3"),
    ("torch.meshgrid(a, b, indexing='yx')[0]", "3;4"), ("torch.meshgrid(a[0], b)[0]", "3;4"), ("torch.meshgrid([])[0]", "3"),
    ("torch.meshgrid(a, b)[0] @ b.unsqueeze(1)", "3;4"),
    ("torch.range(0, 9) * 1", "2"), ("torch.range(0, 9, 2) * 1", "2"), ("torch.range(1, 4.5) * 1", "2"),
    ("torch.range(3, 0) * 1", "2"), ("torch.range(3, 0, -1) * 1", "2"), ("torch.range(0, 1, 0) * 1", "2"),
    ("torch.range(0, a.size(0) - 1).unsqueeze(0).unsqueeze(2) * a", "2x3x4"),
    ("torch.repeat_interleave(a, 8, 2)", "2x4x16x3"), ("a.repeat_interleave(2, dim=1)", "2x3"), ("a.repeat_interleave(3)", "2x3"),
    ("torch.repeat_interleave(a, 2, -1)", "2x3"), ("torch.repeat_interleave(a, 2, 2)", "2x3"), ("a.repeat_interleave(-1, 0)", "2x3"),
    ("a.repeat_interleave(0, 0)", "2x3"),
    # torch.distributions: samples, log_prob and the parameters' validation
    ("torch.distributions.Normal(a, 1.).log_prob(b)", "2x3;4x1x3"),
    ("torch.distributions.Normal(a, 2).rsample((5,))", "2x3"), ("torch.distributions.Uniform(-1, 1).sample([4]) * a", "2x4"),
    ("torch.distributions.Normal(0, 1).log_prob(b)", "2x3;2x3"),
    # F.affine_grid and F.grid_sample (a spatial transformer)
    ("F.grid_sample(a, F.affine_grid(b, (2, 3, 5, 7), align_corners=False), align_corners=False)", "2x3x8x8;2x2x3"),
    ("F.affine_grid(b, (3, 3, 5, 7), align_corners=False)", "2x3x8x8;2x2x3"), ("F.affine_grid(b, [2, 3, 4, 5, 6], align_corners=True)", "2x3;2x3x4"),
    ("F.grid_sample(a, b, align_corners=False)", "2x3x8x8;3x5x7x2"), ("F.grid_sample(a, b, align_corners=True)", "2x3x8x8;2x5x7x3"),
    ("F.grid_sample(a, b, align_corners=False)", "2x3x4x8x8;2x5x6x7x3"), ("F.grid_sample(a, b, align_corners=False)", "2x3x0x8;2x5x7x2"),
    ("F.grid_sample(a, b, align_corners=False)", "2x3x8x8;2x5x6x7x2"), ("F.grid_sample(a, b, mode='nearest', padding_mode='reflection')", "2x0x8x8;2x5x7x2"),
    # torch.where on a comparison; torch.cat given tensors where the sequence goes
    ("torch.where(a > 0.5, a, b)", "2x3;3"), ("torch.where(a > 0.5, a, 0.)", "2x3"), ("torch.where(a > 0.5, 1., 0.)", "2x3"),
    ("torch.where(a > 0.5, a, b)", "2x3;4"), ("torch.where(b > 0.5, a, a)", "2x3;4"), ("a.where(a > 0, b)", "2x3;5x1x3"),
    ("torch.where(b > 0.5, a, torch.zeros(5, 1, 3))", "2x3;3"), ("torch.where(condition=a > 0, input=a, other=b)", "2x3;2x3"),
    ("torch.cat(a, b, dim=1)", "2x3;2x3"), ("torch.cat(a, b)", "2x3;2x3"), ("torch.cat(a, dim=0)", "2x3"), ("torch.cat(a, 1)", "2x3"),
    # the deprecated addcmul(input, value, tensor1, tensor2) form
    ("torch.addcmul(a, -1, a, a)", "2x3"), ("a.addcmul(2, b, b)", "2x3;3"), ("torch.addcdiv(a, 0.5, a, a)", "2x3"),
    ("torch.addcmul(a, -1, a, b)", "2x3;4"),
    ("a.reciprocal() * b", "2x3;3"), ("torch.reciprocal(a) + b", "2x3;4"),
    # lerp and lerp_ (a running statistic's update): the broadcast in input, end, weight order
    ("torch.zeros(16).lerp_(a.mean(0), 0.1) * 1", "2x16"), ("torch.zeros(16).lerp_(a.mean(0), 0.1)", "2x32"),
    ("torch.zeros(16).lerp_(a, 0.1)", "2x16"), ("torch.zeros(16).lerp_(a[0], b)", "2x16;3x1"),
    ("torch.lerp(a, b, 0.5)", "2x16;16"), ("a.lerp(b, 0.5)", "16;32"), ("a.lerp(b, torch.ones(3, 1, 1))", "2x16;16"),
    ("a.T", "2x3x4"), ("a.T", "5"), ("a.T @ b", "3x4;3x2"), ("a.mT", "2x3x4"), ("a.mT", "3"), ("a.T.contiguous().view(-1)", "3x4"),
]


def _shape(text):
    return [int(v) for v in text.split("x")] if text else []


def _exception_line(exc):
    """What Python prints last for an uncaught exception (a bare type when the message is empty)."""
    msg = str(exc)
    return type(exc).__name__ + (": " + msg if msg else "")


def _escape(text):
    return text.replace("\\", "\\\\").replace("\n", "\\n")


def run_module(ctor, shape, mode):
    ns = {}
    exec("import torch\nimport torch.nn as nn\nfrom torch.nn import *\n", ns)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            module = eval(ctor, ns)
        except Exception as e:  # noqa: BLE001 - any exception is a result
            return "ctor", _exception_line(e)
        module.train(mode == "train")
        torch.manual_seed(0)
        try:
            out = module(torch.randn(_shape(shape)))
        except Exception as e:  # noqa: BLE001
            # 1.13 texts that differ from 2.x, as shape_oracle.py rewrites them (AvgPool1d's padding)
            new = rewritten(e, module)
            return "forward", _exception_line(e) if new is None else type(e).__name__ + ": " + new
    return "-", "[" + ", ".join(str(d) for d in out.shape) + "]"


def op_source(expr, n_inputs):
    """The module the C++ test traces with cnnc's evaluator, and this script runs. A row
    with statements ("a[0] = 1; return a") is the forward's body as it stands."""
    params = ", ".join("ab"[:n_inputs])
    body = expr if "return " in expr else "return " + expr
    return ("import torch\nimport torch.nn as nn\nimport torch.nn.functional as F\n\n\n"
            "class M(nn.Module):\n    def forward(self, %s):\n        %s\n" % (params, body))


def run_op(expr, inputs):
    shapes = [[] if s == "-" else _shape(s) for s in inputs.split(";")]
    ns = {}
    exec(op_source(expr, len(shapes)), ns)
    torch.manual_seed(0)
    try:
        out = ns["M"]()(*[torch.randn(s) for s in shapes])
    except Exception as e:  # noqa: BLE001
        return "forward", _exception_line(e)
    return "-", "[" + ", ".join(str(d) for d in out.shape) + "]"


def modules():
    for ctor, shape, mode in MODULES:
        when, result = run_module(ctor, shape, mode)
        print("\t".join([ctor, shape, mode, when, _escape(result)]))


def ops():
    for expr, inputs in OPS:
        when, result = run_op(expr, inputs)
        print("\t".join([expr, inputs, when, _escape(result)]))


# ---- kernels ----

SPECIAL = [float("nan"), float("inf"), -float("inf"), 0.0, -0.0, 1e-8, -1e-8, 30.0, -30.0, 100.0, -100.0]


def _elementwise_input(n, extra, gen):
    # The specials and kinks first: PyTorch's CPU kernels run vectorised but for
    # the last few elements, and these are what the cnnc kernels follow.
    x = torch.randn(n, generator=gen) * 3.0
    return torch.cat([torch.tensor(SPECIAL + extra, dtype=torch.float32), x])


def kernels(path):
    gen = torch.Generator().manual_seed(20240715)
    out = OrderedDict()

    def grads(fn, inputs, dy):
        leaves = [t.clone().requires_grad_(True) for t in inputs]
        y = fn(*leaves)
        return [y.detach()] + list(torch.autograd.grad(y, leaves, dy))

    kinks3 = [-3.0, 3.0, -2.9999, 2.9999, -3.0001, 3.0001, -1.5, 1.5]
    elementwise = [
        ("hardswish", kinks3, F.hardswish),
        # in place: PyTorch's gradient is the out-of-place one (the kernels are shared)
        ("hardswish_inplace", kinks3, lambda t: F.hardswish(t * 1.0, inplace=True)),
        ("hardsigmoid", kinks3, F.hardsigmoid),
        ("softplus", [20.0, 19.99, 20.01, -20.0, 88.0, -88.0], F.softplus),
        ("softplus_b2_t10", [5.0, 4.999, 5.001, 10.0, -10.0], lambda t: F.softplus(t, 2, 10)),
        ("softplus_b05_t1", [2.0, 1.999, 2.001, -2.0], lambda t: F.softplus(t, 0.5, 1.0)),
        ("selu", [-1.0, 1.0, -1e-3, 1e-3, -88.0], F.selu),
        # in place PyTorch's gradient reads the output: g * (y + alpha * scale)
        ("selu_inplace", [-1.0, 1.0, -1e-3, 1e-3], lambda t: F.selu(t * 1.0, inplace=True)),
        ("mish", [20.0, -20.0, 88.0, -88.0, 1e-3], F.mish),
        ("mish_inplace", [20.0, -20.0], lambda t: F.mish(t * 1.0, inplace=True)),
        ("hardshrink", [0.5, -0.5, 0.50001, -0.50001, 0.49999, -0.49999], F.hardshrink),
        ("hardshrink_l2", [2.0, -2.0, 2.0001, -2.0001], lambda t: F.hardshrink(t, 2.0)),
        ("abs", [0.0, -0.0, 1e-30, -1e-30], torch.abs),
        ("sin", [0.0, -0.0, 3.14159265, 1e4, -1e4, 1e-30], torch.sin),
        ("cos", [0.0, -0.0, 1.57079633, 1e4, -1e4, 1e-30], torch.cos),
        ("logsigmoid", [0.0, -0.0, 20.0, -20.0, 88.0, -88.0, 100.0, -100.0], F.logsigmoid),
        ("sqrt", [0.0, -0.0, 4.0, -4.0, 1e-30], torch.sqrt),
        ("log", [0.0, -0.0, 1.0, -1.0, 1e-30], torch.log),
        ("clamp_m1_1", [-1.0, 1.0, -1.0001, 1.0001], lambda t: torch.clamp(t, -1, 1)),
        ("clamp_min0", [0.0, -0.0, 1e-30], lambda t: torch.clamp(t, min=0)),
        ("clamp_max05", [0.5, 0.50001], lambda t: t.clamp(max=0.5)),
        ("clamp_inverted", [0.0, 1.0], lambda t: torch.clamp(t, 1, 0)),
        # rounding: halves go to even; the gradient is zero
        ("floor", [0.5, -0.5, 2.0, -2.0, 1e-30, -1e-30], torch.floor),
        ("ceil", [0.5, -0.5, 2.0, -2.0, 1e-30, -1e-30], torch.ceil),
        ("round", [0.5, -0.5, 1.5, 2.5, -2.5, 1e-30], torch.round),
        ("trunc", [0.5, -0.5, 2.9, -2.9, 1e-30], torch.trunc),
    ]
    # x ** e: PyTorch's special exponents (0.5 is sqrt: sqrt(-inf) is NaN; -0.5 rsqrt; 2, 3, -1, -2)
    # and a general one, through powf
    for e in [2, 0.5, 3, -1, -2, -0.5, 0, 1, 2.5, -1.5]:
        name = "pow_%s" % str(e).replace("-", "m").replace(".", "p")
        elementwise.append((name, [0.0, -0.0, 1.0, -1.0, 4.0], lambda t, e=e: t ** e))
    for name, extra, fn in elementwise:
        x = _elementwise_input(1003, extra, gen)  # odd: no vector width divides it
        dy = torch.randn(x.numel(), generator=gen)
        y, dx = grads(fn, [x], dy)
        out[name + ".x"], out[name + ".dy"], out[name + ".y"], out[name + ".dx"] = x, dy, y, dx

    # PReLU: one weight per channel (dim 1) of [3, 5, 7, 9], of [6, 4], of [2, 3, 11];
    # one weight for all of [2, 3, 5]; specials in the first channel of the last.
    prelu_cases = [("prelu_nchw", [3, 5, 7, 9], 5), ("prelu_nc", [6, 4], 4), ("prelu_ncl", [2, 3, 11], 3),
                   ("prelu_one", [2, 3, 5], 1), ("prelu_special", [2, 4, 6], 4)]
    for name, shape, nw in prelu_cases:
        x = torch.randn(shape, generator=gen) * 2.0
        if name == "prelu_special":
            x.view(-1)[:6] = torch.tensor([float("nan"), float("inf"), -float("inf"), 0.0, -0.0, -1e-8])
        w = torch.rand(nw, generator=gen) - 0.25
        dy = torch.randn(shape, generator=gen)
        y, dx, dw = grads(F.prelu, [x, w], dy)
        for k, v in (("x", x), ("w", w), ("dy", dy), ("y", y), ("dx", dx), ("dw", dw)):
            out["%s.%s" % (name, k)] = v

    # the permutations and the broadcasts: odd sizes
    shaped = [
        ("pixel_shuffle", [2, 3, 8, 3, 5], lambda t: F.pixel_shuffle(t, 2)),
        ("pixel_unshuffle", [2, 3, 6, 9], lambda t: F.pixel_unshuffle(t, 3)),
        ("expand", [3, 1, 5], lambda t: t.expand(2, 3, 4, 5)),
        ("expand_keep", [7, 1], lambda t: t.expand(-1, 9)),
        ("expand_as", [1, 3, 1, 1], lambda t: t.expand_as(torch.empty(5, 3, 4, 6))),
        ("repeat", [2, 3], lambda t: t.repeat(2, 1, 3)),
        ("repeat_tiles", [3, 1, 2], lambda t: t.repeat(2, 2, 3, 1)),
        ("slice_dim1", [3, 10, 7], lambda t: torch.slice_copy(t, 1, 1, None, 3)),
        ("slice_last", [3, 10, 7], lambda t: torch.slice_copy(t, -1, -6, -1, 2)),
        ("slice_first", [9, 4], lambda t: torch.slice_copy(t, 0, None, None, 2)),
    ]
    for name, shape, fn in shaped:
        x = torch.randn(shape, generator=gen)
        x.view(-1)[0] = float("nan")
        dy = torch.randn(fn(x).shape, generator=gen)
        y, dx = grads(fn, [x], dy)
        out[name + ".x"], out[name + ".dy"], out[name + ".y"], out[name + ".dx"] = x, dy, y, dx
    # amax/amin and torch.max/min's reductions: small integers make ties (the gradient's split),
    # a NaN first (the result, and the gradient's mask)
    extrema = [
        ("amax_d1", [3, 5, 7], lambda t: torch.amax(t, 1, keepdim=True)),
        ("amin_d02", [4, 3, 5], lambda t: torch.amin(t, (0, 2))),
        ("max_dim", [3, 5, 7], lambda t: torch.max(t, 2)[0]),
        ("min_dim_keep", [6, 4], lambda t: torch.min(t, 0, keepdim=True)[0]),
        ("max_all", [4, 5], lambda t: torch.max(t)),
        ("min_all", [4, 5], lambda t: torch.min(t)),
    ]
    for name, shape, fn in extrema:
        x = torch.randint(-2, 3, shape, generator=gen).float()
        x.view(-1)[0] = float("nan")
        dy = torch.randn(fn(x).shape, generator=gen)
        y, dx = grads(fn, [x], dy)
        out[name + ".x"], out[name + ".dy"], out[name + ".y"], out[name + ".dx"] = x, dy, y, dx

    # matmul's paths with both gradients; an operand broadcast along the batch sums its products
    products = [
        ("matmul_bcast", [2, 1, 3, 4], [5, 4, 6], torch.matmul),
        ("matmul_fold", [2, 3, 4], [4, 5], torch.matmul),
        ("matmul_fold_t", [3, 4], [2, 4, 5], torch.matmul),
        ("matmul_vec", [4], [2, 4, 5], torch.matmul),
        ("matmul_mv", [2, 3, 4], [4], torch.matmul),
        ("matmul_dot", [7], [7], torch.matmul),
        ("bmm", [3, 4, 5], [3, 5, 2], torch.bmm),
        ("mm", [3, 4], [4, 6], torch.mm),
        ("mv", [5, 7], [7], torch.mv),
        ("dot", [9], [9], torch.dot),
    ]
    for name, sa, sb, fn in products:
        a, b = torch.randn(sa, generator=gen), torch.randn(sb, generator=gen)
        dy = torch.randn(fn(a, b).shape, generator=gen)
        y, da, db = grads(fn, [a, b], dy)
        for k, v in (("a", a), ("b", b), ("dy", dy), ("y", y), ("da", da), ("db", db)):
            out["%s.%s" % (name, k)] = v
    # cumsum along the first, a middle and the last dim; a NaN first; long rows whose float sums drift
    running = [("cumsum_d0", [5, 3, 4], 0), ("cumsum_d1", [3, 7, 5], 1), ("cumsum_last", [4, 1001], -1)]
    # circular padding: wraps of up to the size on both sides, crops, 1-d and 3-d forms
    circular = [("pad_circular", [2, 3, 5, 6], (2, 1, 3, 0)), ("pad_circular_crop", [2, 3, 5, 6], (-1, 2, 1, -2)),
                ("pad_circular_full", [3, 4, 5], (5, 5)), ("pad_circular_3d", [1, 2, 3, 4, 5], (1, 1, 2, 0, 3, 3))]
    for name, shape, d in running:
        x = torch.randn(shape, generator=gen) * 10.0
        x.view(-1)[0] = float("nan")
        dy = torch.randn(shape, generator=gen)
        y, dx = grads(lambda t, d=d: torch.cumsum(t, d), [x], dy)
        out[name + ".x"], out[name + ".dy"], out[name + ".y"], out[name + ".dx"] = x, dy, y, dx
    # im2col and col2im: strides, padding, dilation and overlapping blocks (fold sums them)
    folds = [("unfold", [2, 3, 7, 8], lambda t: F.unfold(t, (2, 3), dilation=(1, 2), padding=1, stride=(2, 1))),
             ("unfold_unbatched", [3, 6, 5], lambda t: F.unfold(t, 3)),
             ("fold", [2, 12, 32], lambda t: F.fold(t, (7, 8), 2, stride=(1, 2), padding=(1, 0))),
             ("fold_overlap", [1, 18, 36], lambda t: F.fold(t, (6, 6), 3, dilation=1, stride=1, padding=1))]
    for name, shape, fn in folds:
        x = torch.randn(shape, generator=gen)
        x.view(-1)[0] = float("nan")
        dy = torch.randn(fn(x).shape, generator=gen)
        y, dx = grads(fn, [x], dy)
        out[name + ".x"], out[name + ".dy"], out[name + ".y"], out[name + ".dx"] = x, dy, y, dx
    for name, shape, pad in circular:
        x = torch.randn(shape, generator=gen)
        x.view(-1)[0] = float("nan")
        fn = lambda t, pad=pad: F.pad(t, pad, mode="circular")
        dy = torch.randn(fn(x).shape, generator=gen)
        y, dx = grads(fn, [x], dy)
        out[name + ".x"], out[name + ".dy"], out[name + ".y"], out[name + ".dx"] = x, dy, y, dx
    st_save(path, out, {"torch": torch.__version__})


def main():
    if len(sys.argv) == 2 and sys.argv[1] == "modules":
        modules()
    elif len(sys.argv) == 2 and sys.argv[1] == "ops":
        ops()
    elif len(sys.argv) == 3 and sys.argv[1] == "kernels":
        kernels(sys.argv[2])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
