# input: 2x8x4x4
# Code written for a model that returns a dict, run on one that returns a tensor: x['out'] is
# PyTorch's TypeError from tensor creation, x['data'] on fewer dims than letters is "too many
# indices"; torch.nn.parameter is a module (calling it is Python's TypeError) whose Parameter is
# nn.Parameter; numpy.array of a torch.Size keeps its ints (np.prod of the trailing sizes).
import numpy as np
import torch
import torch.nn as nn


class Head(nn.Module):
    def __init__(self, key="out"):
        super().__init__()
        self.key = key
        self.conv = nn.Conv2d(8, 2, 1)

    def forward(self, x):
        return self.conv(x)[self.key]


class KeyLongerThanDims(Head):
    def __init__(self):
        super().__init__(key="logits")


class Prototypes(nn.Module):
    def __init__(self, n=5, d=8):
        super().__init__()
        self.protos = torch.nn.parameter.Parameter(torch.rand(n, d))

    def forward(self, x):
        flat = int(np.prod(np.array(x.size()[2:])))
        return torch.matmul(x.flatten(2).transpose(1, 2), self.protos.t()), flat, isinstance(self.protos, nn.Parameter)


class CallsTheModule(nn.Module):
    def __init__(self):
        super().__init__()
        self.w = torch.nn.parameter(torch.rand(3))

    def forward(self, x):
        return x
