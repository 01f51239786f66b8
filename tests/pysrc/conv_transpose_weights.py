# input: 2x8x4x4
# F.conv_transpose2d as equalized-learning-rate and modulated-convolution layers
# (StyleGAN-style generators) call it: a scaled weight, a padded and summed
# "transform_kernel" weight, a grouped per-sample weight, a ConvTranspose2d
# subclass that calls it on its own weight, and the weights and biases that
# do not fit.
import math
import torch
import torch.nn as nn
import torch.nn.functional as F


class EqualConvTranspose(nn.Module):
    def __init__(self, cin=8, cout=3, k=3, stride=2, padding=1, output_padding=1):
        super().__init__()
        self.weight = nn.Parameter(torch.randn(cin, cout, k, k))
        self.bias = nn.Parameter(torch.zeros(cout))
        self.scale = 1 / math.sqrt(cin * k * k)
        self.stride, self.padding, self.output_padding = stride, padding, output_padding

    def forward(self, x):
        return F.conv_transpose2d(x, self.weight * self.scale, self.bias, stride=self.stride, padding=self.padding,
                                  output_padding=self.output_padding)


class TransformKernel(nn.Module):
    def __init__(self):
        super().__init__()
        self.weight = nn.Parameter(torch.randn(8, 4, 3, 3))

    def forward(self, x):
        w = F.pad(self.weight, [1, 1, 1, 1], mode='constant')
        w = w[:, :, 1:, 1:] + w[:, :, :-1, 1:] + w[:, :, 1:, :-1] + w[:, :, :-1, :-1]
        return F.conv_transpose2d(x, w, stride=2, padding=1)


class ModulatedUp(nn.Module):
    def __init__(self, cin=8, cout=5, style=6):
        super().__init__()
        self.weight = nn.Parameter(torch.randn(1, cout, cin, 3, 3))
        self.affine = nn.Linear(style, cin)
        self.cin, self.cout = cin, cout

    def forward(self, x):
        b = x.shape[0]
        s = self.affine(torch.ones(b, 6)).view(b, 1, self.cin, 1, 1)
        w = self.weight * s
        w = w.view(b, self.cout, self.cin, 3, 3).transpose(1, 2).reshape(b * self.cin, self.cout, 3, 3)
        out = F.conv_transpose2d(x.view(1, b * self.cin, 4, 4), w, padding=0, stride=2, groups=b)
        return out.view(b, self.cout, out.shape[-2], out.shape[-1])


class OwnWeight(nn.ConvTranspose2d):
    def __init__(self):
        super().__init__(8, 6, 4, stride=2, padding=1)

    def forward(self, x):
        return F.conv_transpose2d(x, self.weight, self.bias, self.stride, self.padding, self.output_padding, self.groups,
                                  self.dilation)


class GroupedWeight(nn.Module):
    def __init__(self):
        super().__init__()
        self.w = nn.Parameter(torch.randn(8, 3, 3, 3))

    def forward(self, x):
        return torch.conv_transpose2d(x, self.w, torch.zeros(6), 2, 0, 0, 2)


class WrongChannels(nn.Module):
    def __init__(self):
        super().__init__()
        self.w = nn.Parameter(torch.randn(6, 3, 3, 3))

    def forward(self, x):
        return F.conv_transpose2d(x, self.w, torch.zeros(3))


class WrongBias(nn.Module):
    def forward(self, x):
        return F.conv_transpose2d(x, torch.ones(8, 3, 3, 3), torch.zeros(4))


class WrongGroups(nn.Module):
    def forward(self, x):
        return F.conv_transpose2d(x, torch.ones(8, 3, 3, 3), groups=3)


class TooManyGroups(nn.Module):
    def forward(self, x):
        return F.conv_transpose2d(x, torch.ones(8, 3, 3, 3), groups=16)


class ThreeDimWeight(nn.Module):
    def forward(self, x):
        return F.conv_transpose2d(x, torch.ones(8, 3, 3))


class FiveDimWeight(nn.Module):
    def forward(self, x):
        return F.conv_transpose2d(x, torch.ones(8, 3, 3, 3, 3))


class TwoDimWeight(nn.Module):
    def forward(self, x):
        return F.conv_transpose2d(x, torch.ones(8, 3))


class BigOutputPadding(nn.Module):
    def forward(self, x):
        return F.conv_transpose2d(x, torch.ones(8, 3, 3, 3), stride=2, output_padding=2)


class DilatedPadded(nn.Module):
    def forward(self, x):
        return F.conv_transpose2d(x, torch.ones(8, 3, 3, 3), dilation=2, padding=(1, 2))


class TooSmall(nn.Module):
    def forward(self, x):
        return F.conv_transpose2d(x[:, :, :1, :1], torch.ones(8, 3, 1, 1), padding=1)


class Unbatched(nn.Module):
    def forward(self, x):
        return F.conv_transpose2d(x[0], torch.ones(8, 3, 3, 3))


class FiveDimInput(nn.Module):
    def forward(self, x):
        return F.conv_transpose2d(x.unsqueeze(2), torch.ones(8, 3, 3, 3))


class BiasNotTensor(nn.Module):
    def forward(self, x):
        return F.conv_transpose2d(x, torch.ones(8, 3, 3, 3), 3)


class InputNotTensor(nn.Module):
    def forward(self, x):
        return F.conv_transpose2d(x.shape, torch.ones(8, 3, 3, 3))


class UnknownKeyword(nn.Module):
    def forward(self, x):
        return F.conv_transpose2d(x, torch.ones(8, 3, 3, 3), output_size=(9, 9))
