# input: 2x3x8x8
# A float stride, padding or dilation (the Python 3 slip `padding=(k - 1) / 2`): the
# Conv module keeps it, and only its forward's F.conv2d refuses it.
import torch.nn as nn


class HalfPadding(nn.Module):
    def __init__(self, k=3):
        super().__init__()
        self.conv = nn.Conv2d(3, 8, k, padding=(k - 1) / 2)

    def forward(self, x):
        return self.conv(x)


class NoBias(nn.Module):
    def __init__(self, k=3):
        super().__init__()
        self.conv = nn.Conv2d(3, 8, k, stride=1.0, padding=k // 2, bias=False)

    def forward(self, x):
        return self.conv(x)


class WrongChannelsFirst(nn.Module):
    def __init__(self, k=3):
        super().__init__()
        self.conv = nn.Conv2d(5, 8, k, dilation=(1, 2.0))

    def forward(self, x):
        return self.conv(x)


class NeverCalled(nn.Module):
    def __init__(self, k=3):
        super().__init__()
        self.conv = nn.Conv2d(3, 8, k, padding=(k - 1) / 2)
        self.ok = nn.Conv2d(3, 4, k, padding=k // 2)

    def forward(self, x):
        return self.ok(x)


class OneD(nn.Module):
    def __init__(self, k=3):
        super().__init__()
        self.conv = nn.Conv1d(3, 8, k, padding=(k - 1) / 2)

    def forward(self, x):
        return self.conv(x.flatten(2))


class SameDilated(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(3, 8, 3, padding='same', dilation=2.0)

    def forward(self, x):
        return self.conv(x)


class LaterFloat(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(3, 8, 3, padding=(1, 1.0), dilation=(1, 2.0))

    def forward(self, x):
        return self.conv(x)
