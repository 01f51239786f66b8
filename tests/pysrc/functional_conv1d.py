# input: 2x8x32
# F.conv1d as octave and dynamic convolutions call it: with a Conv1d's own weight (a
# subclass's forward), with a slice of it, and with a weight built in forward; 1.13's
# checks on the weight, the bias and the input.
import torch
import torch.nn as nn
import torch.nn.functional as F


class SameConv1d(nn.Conv1d):
    def forward(self, x):
        return F.conv1d(x, self.weight, self.bias, self.stride, 2, self.dilation, self.groups)


class OctaveSlices(nn.Module):
    def __init__(self):
        super().__init__()
        self.weight = nn.Parameter(torch.randn(16, 8, 3))
        self.bias = nn.Parameter(torch.zeros(16))

    def forward(self, x):
        hi = F.conv1d(x[:, :4], self.weight[:8, :4], self.bias[:8], 1, 1)
        lo = F.conv1d(F.avg_pool1d(x[:, 4:], 2), self.weight[8:, 4:], None, padding=1)
        return torch.cat([hi, F.interpolate(lo, scale_factor=2)], dim=1)


class GroupedComputed(nn.Module):
    def forward(self, x):
        w = torch.ones(8, 2, 5)
        return F.conv1d(x, w, padding="same", groups=4)


class StridedDilated(nn.Module):
    def forward(self, x):
        return F.conv1d(x, torch.ones(4, 8, 3), torch.zeros(4), stride=2, dilation=3)


class WrongChannels(nn.Module):
    def forward(self, x):
        return F.conv1d(x, torch.ones(4, 6, 3))


class WrongBias(nn.Module):
    def forward(self, x):
        return F.conv1d(x, torch.ones(4, 8, 3), torch.zeros(5))


class WeightTwoD(nn.Module):
    def forward(self, x):
        return F.conv1d(x, torch.ones(4, 8))


class KernelTooLong(nn.Module):
    def forward(self, x):
        return F.conv1d(x, torch.ones(4, 8, 40))


class FourDInput(nn.Module):
    def forward(self, x):
        return F.conv1d(x.unsqueeze(1), torch.ones(4, 8, 3))


class GroupsNotDividing(nn.Module):
    def forward(self, x):
        return F.conv1d(x, torch.ones(6, 2, 3), groups=4)
