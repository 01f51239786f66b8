# input: 2x3x16x16
# collections.deque as a U-Net's stack of skip connections and a bounded history, a user
# container's __len__ and __bool__ deciding an `if`, and str.capitalize/title/swapcase naming
# the activation class to build.
from collections import deque

import torch
import torch.nn as nn


class Registry:
    def __init__(self, names):
        self.names = list(names)

    def __len__(self):
        return len(self.names)


class Flag:
    def __init__(self, on):
        self.on = on

    def __bool__(self):
        return self.on


class SkipUNet(nn.Module):
    def __init__(self, chans=(8, 16), act="tanh"):
        super().__init__()
        self.act = getattr(nn, act.capitalize() if act != "leakyrelu" else "LeakyReLU")()
        self.down = nn.ModuleList()
        c = 3
        for w in chans:
            self.down.append(nn.Conv2d(c, w, 3, padding=1))
            c = w
        ws = list(reversed(chans))
        self.up = nn.ModuleList([nn.Conv2d(2 * ws[i], ws[min(i + 1, len(ws) - 1)], 3, padding=1) for i in range(len(ws))])
        self.history = deque(maxlen=2)
        self.extra = nn.Identity() if Registry([]) else nn.ReLU()
        self.gate = nn.Sigmoid() if Flag(True) else nn.Tanh()

    def forward(self, x):
        skips = deque()
        for conv in self.down:
            x = self.act(conv(x))
            skips.append(x)
            self.history.append(x.shape[1])
        for conv in self.up:
            x = conv(torch.cat((skips.pop(), x), dim=1))
        return self.gate(self.extra(x)), len(skips), list(self.history), "x_y".title(), "AbC".swapcase()


class HardswishUNet(SkipUNet):
    def __init__(self):
        super().__init__(act="hardswish")


class ReluUNet(SkipUNet):
    def __init__(self):
        super().__init__(act="relu")


class PopTooMany(nn.Module):
    def forward(self, x):
        skips = deque([x])
        skips.popleft()
        return skips.pop()


class BadMaxlen(nn.Module):
    def __init__(self):
        super().__init__()
        self.h = deque(maxlen=-1)

    def forward(self, x):
        return x


class LenNotInt(nn.Module):
    def forward(self, x):
        class Odd:
            def __len__(self):
                return "3"
        return x if Odd() else x.t()
