# input: 2x3x8x8
# np.power of numbers, as 3-d U-Net widths are written (`base_filters * np.power(2, 1)`, real73): a numpy
# int64 (or float64), and numpy's ValueError for an int to a negative int power.
import numpy as np
import torch.nn as nn


class U(nn.Module):
    def __init__(self, base=8):
        super().__init__()
        self.c1 = nn.Conv2d(3, base * np.power(2, 1), 3)
        self.c2 = nn.Conv2d(base * np.power(2, 1), base * np.power(2, 2), 3)
        self.k = [int(np.power(2.0, 3)), np.power(-1, 3), np.power(0, 0), np.power(3, 0)]

    def forward(self, x):
        return self.c2(self.c1(x))


class Neg(nn.Module):
    def __init__(self):
        super().__init__()
        self.c = nn.Conv2d(3, int(8 * np.power(2, -1)), 3)

    def forward(self, x):
        return self.c(x)


class FloatWidth(nn.Module):
    def __init__(self):
        super().__init__()
        self.c = nn.Conv2d(3, 8 * np.power(2.0, 1), 3)

    def forward(self, x):
        return self.c(x)
