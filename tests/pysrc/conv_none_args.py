# input: 2x3x8x8
# Conv layers given padding=None / dilation=None / stride=None (an ENet block's default
# dilation=None): the module keeps _pair(None) and F.conv2d matches no overload when it runs.
import torch.nn as nn


class A(nn.Module):
    def __init__(self):
        super().__init__()
        self.c = nn.Conv2d(3, 4, 3, padding=None, dilation=None)

    def forward(self, x):
        return self.c(x)


class B(nn.Module):
    def __init__(self):
        super().__init__()
        self.c = nn.Conv1d(3, 4, 3, stride=None, bias=False)

    def forward(self, x):
        return self.c(x.flatten(2))


class C(nn.Module):
    def __init__(self):
        super().__init__()
        self.c = nn.Conv2d(3, 4, 3, padding=None)
        self.d = nn.Conv2d(3, 4, 3)

    def forward(self, x):
        return self.d(x)
