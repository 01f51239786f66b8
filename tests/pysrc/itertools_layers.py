# input: 2x3x16x16
# itertools as model code uses it: torch's _ntuple helper copied with
# repeat, product over kernel offsets, chain of layer lists, combinations and
# permutations of branch widths, accumulate of channel counts; and the
# mistakes Python reports.
import collections.abc
import itertools
from itertools import repeat, chain, product

import torch
import torch.nn as nn


def _ntuple(n):
    def parse(x):
        if isinstance(x, collections.abc.Iterable):
            return tuple(x)
        return tuple(repeat(x, n))
    return parse


_pair = _ntuple(2)


class NTupleConv(nn.Module):
    def __init__(self, k=3):
        super().__init__()
        kh, kw = _pair(k)
        self.conv = nn.Conv2d(3, 8, (kh, kw), padding=(kh // 2, kw // 2))

    def forward(self, x):
        return self.conv(x)


class OffsetBranches(nn.Module):
    def __init__(self):
        super().__init__()
        self.offsets = list(product([-1, 0, 1], repeat=2))
        self.convs = nn.ModuleList([nn.Conv2d(3, 2, 3, padding=1, dilation=1) for _ in self.offsets])

    def forward(self, x):
        return torch.cat([c(x) for c in self.convs], 1), len(self.offsets)


class ChainedLayers(nn.Module):
    def __init__(self):
        super().__init__()
        a = [nn.Conv2d(3, 8, 3), nn.ReLU()]
        b = [nn.Conv2d(8, 8, 3), nn.ReLU()]
        self.body = nn.Sequential(*chain(a, b, [nn.Flatten()]))
        widths = list(itertools.accumulate([4, 4, 8]))
        pairs = list(itertools.combinations(widths, 2))
        perms = list(itertools.permutations('ab'))
        self.head = nn.Linear(8 * 12 * 12, widths[-1] + len(pairs) + len(perms))

    def forward(self, x):
        return self.head(self.body(x))


class NegativeRepeat(nn.Module):
    def forward(self, x):
        return x.view(x.size(0), -1, *repeat(1, -2))


class StringTimes(nn.Module):
    def __init__(self):
        super().__init__()
        self.k = tuple(repeat(3, '2'))

    def forward(self, x):
        return x


class NegativeR(nn.Module):
    def __init__(self):
        super().__init__()
        self.k = list(itertools.combinations([1, 2], -1))

    def forward(self, x):
        return x
