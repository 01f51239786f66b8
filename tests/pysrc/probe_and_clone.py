# input: 2x3x16x16
# Course and forensics code: a probe input built in the constructor between
# torch.get_rng_state() and torch.set_rng_state(); self._get_name() and extra_repr() in a
# summary string; an item assignment into a parameter's clone (allowed: a clone is no
# parameter); a tuple's missing copy(); np.load and torch.load of a file that is not there.
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


class ProbedNet(nn.Module):
    def __init__(self, in_size=(3, 16, 16)):
        super().__init__()
        self.features = nn.Sequential(nn.Conv2d(in_size[0], 6, 3), nn.ReLU(), nn.MaxPool2d(2))
        state = torch.get_rng_state()
        try:
            n = self.features(torch.ones(1, *in_size)).numel()
        finally:
            torch.set_rng_state(state)
        self.fc = nn.Linear(n, 10)
        self.title = self._get_name() + "(" + self.extra_repr() + ")"

    def forward(self, x):
        return self.fc(self.features(x).flatten(1))


class ConstrainedConv(nn.Conv2d):
    def forward(self, x):
        weight = self.weight.clone()
        c = self.kernel_size[0] // 2
        weight[:, :, c, c] = -torch.abs(weight[:, :, c, c])
        return F.conv2d(x, weight, self.bias, self.stride, self.padding)


class Constrained(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = ConstrainedConv(3, 4, 5, padding=2)

    def forward(self, x):
        return self.conv(x)


class TupleCopy(nn.Module):
    def __init__(self, channels=(4, 8)):
        super().__init__()
        ch = channels.copy()
        self.conv = nn.Conv2d(3, ch[0], 3)

    def forward(self, x):
        return self.conv(x)


class SrmFilters(nn.Module):
    def __init__(self):
        super().__init__()
        self.srm = torch.from_numpy(np.load(".\\srm.npy"))

    def forward(self, x):
        return x
