# input: 2x4x6
# F's in-place spellings (`F.relu_(self.bn(self.conv(x)))`, InceptionTime code, real71): the function with
# inplace=True, which they do not take themselves.
import torch
import torch.nn as nn
import torch.nn.functional as F


class R(nn.Module):
    def forward(self, x):
        return F.relu_(x) + F.leaky_relu_(x, 0.2) + F.elu_(x) + F.hardtanh_(x)


class RInplace(nn.Module):
    def forward(self, x):
        return F.relu_(x, inplace=True)


class Inception(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv1d(4, 8, 3, padding=1)
        self.bn = nn.BatchNorm1d(8)

    def forward(self, x):
        return F.relu_(self.bn(self.conv(x)))
