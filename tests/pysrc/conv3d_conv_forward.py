# input: 2x2x8x8x8
# Conv3d._conv_forward, which a same-padding Conv3d subclass calls after its ZeroPad (a voxel VAE, real73),
# with the module's stride, padding, dilation and groups, and a def's binding words.
from functools import reduce
from operator import __add__

import torch.nn as nn


class Conv3dSamePadding(nn.Conv3d):
    def __init__(self, *args, **kwargs):
        super(Conv3dSamePadding, self).__init__(*args, **kwargs)
        self.zero_pad_3d = nn.ZeroPad2d(reduce(__add__, [(k // 2 + (k - 2 * (k // 2)) - 1, k // 2) for k in self.kernel_size[::-1]]))

    def forward(self, input):
        return self._conv_forward(self.zero_pad_3d(input), self.weight, self.bias)


class Encoder(nn.Module):
    def __init__(self):
        super().__init__()
        self.a = Conv3dSamePadding(2, 8, kernel_size=3, stride=2)
        self.b = Conv3dSamePadding(8, 16, kernel_size=(3, 5, 5), stride=1)

    def forward(self, x):
        return self.b(self.a(x))


class StdConv3d(nn.Conv3d):
    def __init__(self):
        super().__init__(2, 4, 3, padding=1, groups=2)

    def forward(self, x):
        w = self.weight
        w = (w - w.mean(dim=(1, 2, 3, 4), keepdim=True)) / (w.std(dim=(1, 2, 3, 4), keepdim=True) + 1e-5)
        return self._conv_forward(x, w, self.bias)


class WrongChannels(nn.Conv3d):
    def __init__(self):
        super().__init__(3, 4, 3)

    def forward(self, x):
        return self._conv_forward(x, self.weight, self.bias)


class TooFewArgs(nn.Conv3d):
    def __init__(self):
        super().__init__(2, 4, 3)

    def forward(self, x):
        return self._conv_forward(x, self.weight)
