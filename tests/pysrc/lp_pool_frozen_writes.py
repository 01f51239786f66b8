# input: 2x8x5x5
# CBAM's channel gate with an 'lp' pool over the whole plane (F.lp_pool2d, 1.13's avg_pool of
# x ** p underneath, with its output-size checks), and item assignment into a parameter made with
# requires_grad=False (a fixed adjacency matrix filled in a loop), which PyTorch allows.
import math

import torch
import torch.nn as nn
import torch.nn.functional as F


class ChannelGate(nn.Module):
    def __init__(self, channels=8, pool_types=("avg", "lp")):
        super().__init__()
        self.pool_types = pool_types
        self.mlp = nn.Sequential(nn.Flatten(), nn.Linear(channels, channels // 2), nn.ReLU(), nn.Linear(channels // 2, channels))

    def forward(self, x):
        att = None
        for kind in self.pool_types:
            if kind == "avg":
                p = F.avg_pool2d(x, (x.size(2), x.size(3)), stride=(x.size(2), x.size(3)))
            else:
                p = F.lp_pool2d(x, 2, (x.size(2), x.size(3)), stride=(x.size(2), x.size(3)))
            raw = self.mlp(p)
            att = raw if att is None else att + raw
        return x * torch.sigmoid(att).unsqueeze(2).unsqueeze(3).expand_as(x)


class LpTooLarge(nn.Module):
    def forward(self, x):
        return F.lp_pool2d(x, 2, 6)


class LpOneD(nn.Module):
    def forward(self, x):
        return F.lp_pool1d(x.flatten(2), 1.5, 4, stride=2, ceil_mode=True)


class FixedAdjacency(nn.Module):
    def __init__(self, h=2, w=3):
        super().__init__()
        n = h * w
        self.A = nn.Parameter(torch.empty((n, n)), requires_grad=False)
        for i in range(n):
            for j in range(i, n):
                self.A[i, j] = -math.sqrt(float((i // w - j // w) ** 2 + (i % w - j % w) ** 2))
                self.A[j, i] = self.A[i, j]

    def forward(self, x):
        return torch.matmul(x.flatten(2)[..., :6], self.A), self.A.requires_grad
