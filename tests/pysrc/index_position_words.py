# input: 2x3x4x5
# An int index past its dim: torch names the item's position in the index (Nones and the ellipsis count),
# as a spiking net's x[..., step] over zero time steps shows (real72: "for dimension 1" of a 5-d tensor).
import torch
import torch.nn as nn


class Last(nn.Module):
    def forward(self, x):
        return x[..., 7]


class TwoAfterEllipsis(nn.Module):
    def forward(self, x):
        return x[..., 1, 7]


class FirstThenEllipsis(nn.Module):
    def forward(self, x):
        return x[0, ..., 7]


class EllipsisThenSlice(nn.Module):
    def forward(self, x):
        return x[..., 9, :]


class NoneFirst(nn.Module):
    def forward(self, x):
        return x[None, ..., 7]


class NoneThenInt(nn.Module):
    def forward(self, x):
        return x[None, 5]


class Plain(nn.Module):
    def forward(self, x):
        return x[:, :, :, 8]


class Negative(nn.Module):
    def forward(self, x):
        return x[..., -9]


class EmptySteps(nn.Module):
    def forward(self, x):
        z = torch.zeros(x.shape + (0,))
        return z[..., 0]
