# input: 2x3x16x16
# nn.CELU and F.celu (an EfficientNet-style tutorial's activation), with celu()'s checks.
import torch.nn as nn
import torch.nn.functional as F


class CeluNet(nn.Module):
    def __init__(self, alpha=1.0):
        super().__init__()
        self.conv = nn.Conv2d(3, 8, 3)
        self.act = nn.CELU(alpha)
        self.fc = nn.Linear(8 * 14 * 14, 10)

    def forward(self, x):
        return F.celu(self.fc(self.act(self.conv(x)).flatten(1)), alpha=0.5)


class ZeroAlpha(CeluNet):
    def __init__(self):
        super().__init__(alpha=0.0)


class StringAlpha(nn.Module):
    def forward(self, x):
        return F.celu(x, "a")
