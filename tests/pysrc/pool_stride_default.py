# input: 2x4x10x10
# A pool's stride left out is its kernel_size (TensorFlow-style "same" pooling computes its padding
# from self.stride), for the max, average and unpooling modules alike.
import torch.nn as nn
import torch.nn.functional as F


class MaxPool2dSame(nn.MaxPool2d):
    def forward(self, x):
        h, w = x.shape[-2:]
        ph = max(self.kernel_size - (h % self.stride or self.stride), 0)
        pw = max(self.kernel_size - (w % self.stride or self.stride), 0)
        x = F.pad(x, (pw // 2, pw - pw // 2, ph // 2, ph - ph // 2))
        return super().forward(x)


class Strides(nn.Module):
    def __init__(self):
        super().__init__()
        self.pools = nn.ModuleList([nn.MaxPool2d(3), nn.AvgPool2d(2), nn.MaxPool1d(2), nn.AvgPool1d(3),
                                    nn.MaxPool2d((2, 3)), nn.AvgPool3d(2, stride=1), nn.MaxUnpool2d(2)])

    def forward(self, x):
        return x.shape, [p.stride for p in self.pools]


class SamePooled(nn.Module):
    def __init__(self):
        super().__init__()
        self.pool = MaxPool2dSame(3)

    def forward(self, x):
        return self.pool(x)
