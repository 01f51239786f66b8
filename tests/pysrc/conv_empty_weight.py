# input: 2x16x4x4x4
# A 3-D convolution whose weight is empty or not divisible by groups (an MBConv width rounded to 0,
# real70; a spatial gate with 0 channels, real73): check_shape_forward's and the transposed kernel's words.
import torch
import torch.nn as nn


class C3(nn.Module):
    def __init__(self):
        super().__init__()
        self.c = nn.Conv3d(16, 0, 1)

    def forward(self, x):
        return self.c(x)


class C2(nn.Module):
    def __init__(self):
        super().__init__()
        self.c = nn.Conv2d(16, 0, 1)

    def forward(self, x):
        return self.c(x.flatten(2, 3))


class C1(nn.Module):
    def __init__(self):
        super().__init__()
        self.c = nn.Conv1d(16, 0, 1)

    def forward(self, x):
        return self.c(x.flatten(2))


class CT3(nn.Module):
    def __init__(self):
        super().__init__()
        self.c = nn.ConvTranspose3d(16, 0, 1)

    def forward(self, x):
        return self.c(x)


class CT2(nn.Module):
    def __init__(self):
        super().__init__()
        self.c = nn.ConvTranspose2d(16, 0, 1)

    def forward(self, x):
        return self.c(x.flatten(2, 3))


class F3(nn.Module):
    def forward(self, x):
        return torch.nn.functional.conv3d(x, torch.zeros(0, 16, 1, 1, 1))


class G3(nn.Module):
    def __init__(self):
        super().__init__()
        self.c = nn.Conv3d(16, 6, 1, groups=4)

    def forward(self, x):
        return self.c(x)


class G3b(nn.Module):
    def __init__(self):
        super().__init__()
        self.c = nn.Conv3d(16, 2, 1, groups=4)

    def forward(self, x):
        return self.c(x)


class FG3(nn.Module):
    def forward(self, x):
        return torch.nn.functional.conv3d(x, torch.zeros(6, 4, 1, 1, 1), groups=4)
