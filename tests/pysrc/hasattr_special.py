# input: 2x3x8x8
# hasattr() of a special method on plain values, as CPython 3.11's types define them: a "same"
# padding helper that tells a kernel size given as a tuple from an int by __getitem__.
import torch.nn as nn
import torch.nn.functional as F


def pair(v):
    if hasattr(v, "__getitem__"):
        return tuple(v)
    return (v, v)


class SamePadConv(nn.Module):
    def __init__(self, k=(3, 5)):
        super().__init__()
        self.k = pair(k)
        self.conv = nn.Conv2d(3, 4, self.k)

    def forward(self, x):
        kh, kw = self.k
        x = F.pad(x, ((kw - 1) // 2, kw // 2, (kh - 1) // 2, kh // 2))
        return self.conv(x)


class IntKernel(SamePadConv):
    def __init__(self):
        super().__init__(k=4)


class Table(nn.Module):
    def forward(self, x):
        vals = [3, 2.0, True, None, "ab", [1], (1,), {1: 2}, {1}, range(2), x.shape]
        names = ["__getitem__", "__len__", "__iter__", "__setitem__", "__add__", "__call__", "__index__", "__bool__",
                 "__reversed__", "__hash__", "__dict__"]
        return [[int(hasattr(v, n)) for n in names] for v in vals]


class PairsOfIterables(nn.Module):
    def forward(self, x):
        from torch.nn.modules.utils import _pair, _single, _triple
        return x.shape, _pair("SAME"), _single(range(2)), _triple({1: 2}), _pair(3), _pair([1, 2, 3])
