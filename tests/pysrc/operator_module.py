# input: 2x3x4x4
# The operator module folding sizes (`reduce(operator.mul, x.size()[1:])`; `reduce(__add__, [...])` for
# a ZeroPad2d's padding, real71/real57): the operators' own rules, and operator.add's arity words.
import operator
from functools import reduce
from operator import __add__, mul

import torch
import torch.nn as nn


class Flat(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(reduce(operator.mul, (3, 4, 4)), 10)

    def forward(self, x):
        return self.fc(x.view(-1, reduce(mul, x.size()[1:])))


class Pad(nn.Module):
    def __init__(self, ks=(3, 5)):
        super().__init__()
        self.pad = nn.ZeroPad2d(reduce(__add__, [(k // 2 + (k - 2 * (k // 2)) - 1, k // 2) for k in ks[::-1]]))

    def forward(self, x):
        return self.pad(x)


class Ops(nn.Module):
    def forward(self, x):
        return operator.add(x, 1), operator.getitem(x.shape, 1), operator.neg(x).shape, operator.truediv(7, 2), operator.floordiv(7, 2)


class Arity(nn.Module):
    def forward(self, x):
        return operator.add(x)


class TensorMul(nn.Module):
    def forward(self, x):
        return reduce(operator.mul, [x, x, x])

