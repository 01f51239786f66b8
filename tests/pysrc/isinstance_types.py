# input: 2x3x8x8
# isinstance as model code asks it of numbers, sizes, dtypes and tensors: a numpy
# integer is no int (a numpy float is a float), torch.Size and torch.dtype are
# types, and no CPU tensor is a torch.cuda one.
import numpy as np
import torch
import torch.nn as nn


class NumberKinds(nn.Module):
    def __init__(self, channels=np.int64(4)):
        super().__init__()
        self.proj = nn.Conv2d(3, int(channels), 1) if not isinstance(channels, int) else nn.Identity()

    def forward(self, x):
        f = np.float64(2.0)
        return self.proj(x), isinstance(f, float), isinstance(True, int), isinstance(x, torch.cuda.FloatTensor)


class SizeAndDtype(nn.Module):
    def forward(self, x):
        return isinstance(x.shape, torch.Size), isinstance(x.shape, tuple), isinstance(x.dtype, torch.dtype)


class ParameterKinds(nn.Module):
    def __init__(self):
        super().__init__()
        self.w = nn.Parameter(torch.zeros(3))
        self.register_buffer('b', torch.zeros(3))
        self.conv = nn.Conv2d(3, 3, 1)
        n = sum(1 for p in [self.w, self.b, self.conv.weight, self.conv.bias, torch.ones(2)] if isinstance(p, nn.Parameter))
        self.head = nn.Conv2d(3, n, 1)

    def forward(self, x):
        return self.head(x)
