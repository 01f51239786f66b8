# input: 2x4x8x8
# add(input, Number alpha, Tensor other) and sub's: the deprecated overload that old EMA and
# optimizer code calls (x.add_(1 - decay, y)); 1.13 still runs it (with a warning).
import torch
import torch.nn as nn


class EmaAdd(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(4, 4, 1)
        self.register_buffer("avg", torch.zeros(4))
        self.decay = 0.9

    def forward(self, x):
        y = self.conv(x)
        self.avg.data.mul_(self.decay).add_(1 - self.decay, y.mean((0, 2, 3)))
        z = torch.add(y, 0.5, y)
        w = y.sub(2, z)
        return w + self.avg.view(1, -1, 1, 1)


class EmaAddWrongSize(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(4, 4, 1)
        self.register_buffer("avg", torch.zeros(3))

    def forward(self, x):
        y = self.conv(x)
        self.avg.add_(0.1, y.mean((0, 2, 3)))
        return y


class NumpyKeywords(nn.Module):
    """argmax and sum with numpy's axis and keepdims, as a capsule net writes them."""

    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(4, 10, 1)

    def forward(self, x):
        s = torch.sum(self.conv(x), axis=1, keepdims=True)
        return torch.argmax(self.conv(x).flatten(2), axis=-1).squeeze(), s
