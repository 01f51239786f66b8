# input: 2x3x16x16
# Weights made with numpy in __init__: FCN's bilinear upsampling kernel (np.ogrid,
# np.zeros, indexing with ranges, torch.from_numpy, copy_ into a ConvTranspose2d),
# LapSRN's (the filter repeated over the channels), a position table from np.arange,
# and the errors numpy raises for ranges of other lengths and out of bounds.
import numpy as np
import torch
import torch.nn as nn


def upsampling_weight(in_channels, out_channels, kernel_size):
    factor = (kernel_size + 1) // 2
    center = factor - 1 if kernel_size % 2 == 1 else factor - 0.5
    og = np.ogrid[:kernel_size, :kernel_size]
    filt = (1 - abs(og[0] - center) / factor) * (1 - abs(og[1] - center) / factor)
    weight = np.zeros((in_channels, out_channels, kernel_size, kernel_size), dtype=np.float64)
    weight[range(in_channels), range(out_channels), :, :] = filt
    return torch.from_numpy(weight).float()


class FCNHead(nn.Module):
    def __init__(self, channels=3, up=4):
        super().__init__()
        self.score = nn.Conv2d(3, channels, 1)
        self.up = nn.ConvTranspose2d(channels, channels, up, stride=2, bias=False)
        self.up.weight.data.copy_(upsampling_weight(channels, channels, up))

    def forward(self, x):
        return self.up(self.score(x))


class LapUp(nn.Module):
    def __init__(self):
        super().__init__()
        self.up = nn.ConvTranspose2d(3, 3, 4, stride=2, padding=1, bias=False)
        og = np.ogrid[:4, :4]
        f = torch.from_numpy((1 - abs(og[0] - 1.5) / 2) * (1 - abs(og[1] - 1.5) / 2)).float()
        self.up.weight.data = f.view(1, 1, 4, 4).repeat(3, 3, 1, 1)
        self.register_buffer('pos', torch.from_numpy(np.arange(16) / 16.0).float())

    def forward(self, x):
        return self.up(x) + self.pos


class EpsAndGrid(nn.Module):
    def __init__(self):
        super().__init__()
        self.eps = np.spacing(1)
        self.steps = int(round(np.spacing(1) * 2 ** 52)) * 16

    def forward(self, x):
        return x.view(x.shape[0], -1, self.steps) + self.eps


class MismatchedRanges(nn.Module):
    def __init__(self):
        super().__init__()
        self.up = nn.ConvTranspose2d(3, 4, 4, stride=2, bias=False)
        self.up.weight.data.copy_(upsampling_weight(3, 4, 4))

    def forward(self, x):
        return self.up(x)


class OutOfBounds(nn.Module):
    def __init__(self):
        super().__init__()
        w = np.zeros((2, 2, 3, 3))
        w[range(3), range(3), :, :] = 1.0

    def forward(self, x):
        return x
