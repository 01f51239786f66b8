# input: 2x3x8x8
# numpy's scalars where model code sizes layers with them: np.floor and np.sqrt give a
# numpy.float64 (with astype(), refused where PyTorch wants an int), np.prod of ints
# a numpy.int64, and arithmetic on them stays numpy's.
import numpy as np
import torch.nn as nn


class AsType(nn.Module):
    def __init__(self, k=7):
        super().__init__()
        padding = np.floor((k - 1) / 2).astype(np.int32)
        self.conv = nn.Conv2d(3, 8, k, 1, padding)

    def forward(self, x):
        return self.conv(x)


class FloatPadding(nn.Module):
    def __init__(self, k=3):
        super().__init__()
        self.conv = nn.Conv2d(3, 8, k, padding=np.floor(k / 2))

    def forward(self, x):
        return self.conv(x)


class FloatWidth(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(np.sqrt(64), 4)

    def forward(self, x):
        return self.fc(x)


class ProdWidth(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(np.prod([3, 8, 8]), 10)

    def forward(self, x):
        return self.fc(x.view(x.size(0), -1))


class ScaledWidth(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(192, int(np.ceil(2.5) * 4))
        self.w = (np.floor(2.5) * 2).astype(int)

    def forward(self, x):
        return self.fc(x.flatten(1)).view(-1, self.w)


class Item(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(8, int(np.floor(3.5).item()) + np.int32(2.7))

    def forward(self, x):
        return self.fc(x)


class RangeOfFloat(nn.Module):
    def __init__(self):
        super().__init__()
        self.layers = nn.ModuleList([nn.Conv2d(3, 3, 1) for _ in range(np.floor(2.0))])

    def forward(self, x):
        return x
