# input: 2x4x16
# MaxPool1d(return_indices=True) gives (values, indices), as InceptionTime's blocks
# keep them for an unpooling decoder; F.max_pool1d the same.
import torch
import torch.nn as nn
import torch.nn.functional as F


class PoolKeepIndices(nn.Module):
    def __init__(self):
        super().__init__()
        self.pool = nn.MaxPool1d(kernel_size=3, stride=1, padding=1, return_indices=True)
        self.conv = nn.Conv1d(4, 8, 1)

    def forward(self, x):
        z, indices = self.pool(x)
        return self.conv(z), indices


class FunctionalIndices(nn.Module):
    def forward(self, x):
        out, idx = F.max_pool1d(x, 2, return_indices=True)
        return out + idx.float()


class IndicesIntoConv(nn.Module):
    def __init__(self):
        super().__init__()
        self.pool = nn.MaxPool1d(2, return_indices=True)
        self.conv = nn.Conv1d(4, 8, 1)

    def forward(self, x):
        return self.conv(self.pool(x))
