# input: 2x3x8x8
# padding=False and friends: _pair(False) is (False, False), and conv2d's binding takes
# no bool as the first element of an int list, so the forward raises its TypeError (a
# bool after an int converts).
import torch.nn as nn


class PaddingFalse(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(3, 4, 3, padding=False)

    def forward(self, x):
        return self.conv(x)


class StrideTrueNoBias(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(3, 4, 3, stride=True, bias=False)

    def forward(self, x):
        return self.conv(x)


class LaterBool(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(3, 4, 3, padding=(1, True))

    def forward(self, x):
        return self.conv(x)


class Conv1dPaddingTrue(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv1d(3, 4, 3, padding=True)

    def forward(self, x):
        return self.conv(x.flatten(2))
