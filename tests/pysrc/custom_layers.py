# input: 2x8x16x16
# Custom layers as capsule, octave, binary and conditional-convolution code writes them: a
# convolution deriving torch.nn.modules.conv._ConvNd with its own expert weights and
# F.conv2d, capsules squashed with torch.linalg.norm, weights binarised with sign(), a
# layer table walked through a generator's __iter__, x.device.type, torch.add of a number,
# init._calculate_fan_in_and_fan_out and ndimension(); and the errors: groups that do not
# divide the channels, `raise NotImplemented(...)`, a fan of a vector.
import math

import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.nn.modules.conv import _ConvNd
from torch.nn.modules.utils import _pair


class ExpertConv2d(_ConvNd):
    def __init__(self, in_channels, out_channels, kernel_size, stride=1, padding=0, groups=1, bias=True, experts=3):
        k = _pair(kernel_size)
        super().__init__(in_channels, out_channels, k, _pair(stride), _pair(padding), _pair(1), False, _pair(0),
                         groups, bias, 'zeros')
        self.route = nn.Linear(in_channels, experts)
        self.weight = nn.Parameter(torch.empty(experts, out_channels, in_channels // groups, *k))
        self.reset_parameters()

    def forward(self, x):
        r = torch.sigmoid(self.route(F.adaptive_avg_pool2d(x, 1).flatten(1)))[0]
        w = torch.sum(r[:, None, None, None, None] * self.weight, 0)
        return F.conv2d(x, w, self.bias, self.stride, self.padding, self.dilation, self.groups)


class BinaryConv(nn.Conv2d):
    def forward(self, x):
        return F.conv2d(torch.sign(x), torch.sign(self.weight), self.bias, self.stride, self.padding)


class Capsules(nn.Module):
    def __init__(self, caps=8, dim=16):
        super().__init__()
        self.caps, self.dim = caps, dim
        self.conv = ExpertConv2d(8, caps * dim, 3, stride=2, padding=1)

    def forward(self, x):
        u = self.conv(x).flatten(2).transpose(1, 2).reshape(x.size(0), -1, self.dim)
        norm = torch.linalg.norm(u, ord=2, dim=-1, keepdim=True)
        v = (1 - 1 / (torch.exp(norm) + 1e-8)) * (u / (norm + 1e-8))
        return v, torch.linalg.vector_norm(v, dim=-1).shape, torch.linalg.norm(v).dim()


class Table:
    def __init__(self, channels):
        self.layers = {'binary': BinaryConv(channels, channels, 3, padding=1), 'relu': nn.ReLU()}

    def __iter__(self):
        for name, layer in self.layers.items():
            yield name, layer


def widths(n):
    for k in range(n):
        yield 2 ** k
    yield from [99]


class Walked(nn.Module):
    def __init__(self, channels=8):
        super().__init__()
        for name, layer in Table(channels):
            self.add_module(name, layer)
        self.widths = list(widths(3))
        fan_in, fan_out = nn.init._calculate_fan_in_and_fan_out(self.binary.weight)
        self.scale = 1 / math.sqrt(fan_in)

    def forward(self, x):
        device = x.device.type
        y = torch.add(0, self.relu(self.binary(x))) * torch.ones(x.shape, device=device)
        return y, self.widths, x.ndimension(), self.scale


class GroupsThatDoNotDivide(ExpertConv2d):
    def __init__(self):
        super().__init__(8, 6, 3, groups=4)


class RaisesNotImplemented(nn.Module):
    def forward(self, x):
        if x.ndimension() == 4:
            raise NotImplemented("4-D input")
        return x


class FanOfAVector(nn.Module):
    def __init__(self):
        super().__init__()
        self.fan = nn.init._calculate_fan_in_and_fan_out(torch.zeros(5))

    def forward(self, x):
        return x
