# input: 2x4x8x8
# clamp with tensor bounds (PACT's learned alpha, a per-channel floor): the result has the
# broadcast shape of input, min and max; both None is clamp's own RuntimeError.
import torch
import torch.nn as nn


class LearnedCeiling(nn.Module):
    def forward(self, x):
        zero = torch.tensor(0.0)
        return torch.clamp(x, min=zero, max=torch.tensor(6.0))


class ChannelFloor(nn.Module):
    def forward(self, x):
        return torch.clamp(x, min=torch.zeros(4, 1, 1))


class FloorWrongChannels(nn.Module):
    def forward(self, x):
        return x.clamp(torch.zeros(3, 1, 1), None)


class NoBounds(nn.Module):
    def forward(self, x):
        return x.clamp(None, None)


class BoundsBroadcast(nn.Module):
    def forward(self, x):
        return torch.clamp(torch.ones(4, 1, 1), torch.zeros(2, 1, 1, 8)) + x


class CeilingWrongWidth(nn.Module):
    def forward(self, x):
        return x.clamp(max=torch.ones(3))
