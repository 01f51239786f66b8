# input: 1x8x8x8x8
# 3-d pools padded past half their kernel (a U-Net block's MaxPool3d(k=2, s=2, p=2), real73): 2.x's
# pooling_output_shape words it on the effective kernel, as for 2-d pools.
import torch.nn as nn


class MaxPad(nn.Module):
    def __init__(self):
        super().__init__()
        self.pool = nn.MaxPool3d(kernel_size=2, stride=2, padding=2)

    def forward(self, x):
        return self.pool(x)


class AvgPad(nn.Module):
    def __init__(self):
        super().__init__()
        self.pool = nn.AvgPool3d(3, padding=2)

    def forward(self, x):
        return self.pool(x)


class MaxDilatedOk(nn.Module):
    def __init__(self):
        super().__init__()
        self.pool = nn.MaxPool3d(3, stride=1, padding=1, dilation=2)

    def forward(self, x):
        return self.pool(x)


class MaxHalf(nn.Module):
    def __init__(self):
        super().__init__()
        self.pool = nn.MaxPool3d(4, padding=2)

    def forward(self, x):
        return self.pool(x)
