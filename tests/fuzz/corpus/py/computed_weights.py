# input: 2x3x16x16
# Weights computed in forward: the spectral-norm wrapper GAN code copies (it deletes the
# wrapped layer's parameter and sets a computed tensor in its place), quantised
# convolutions calling F.conv2d / F.linear on a transformed self.weight, and a torch.mv
# power iteration.
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.nn import Parameter


def l2normalize(v, eps=1e-12):
    return v / (v.norm() + eps)


class SpectralNorm(nn.Module):
    def __init__(self, module=None, name='weight'):
        super().__init__()
        self.module = module if module is not None else nn.Conv2d(3, 8, 3, padding=1)
        self.name = name
        w = getattr(self.module, self.name)
        height = w.data.shape[0]
        self.u = Parameter(w.data.new(height).normal_(0, 1), requires_grad=False)
        self.w_bar = Parameter(w.data)
        del self.module._parameters[self.name]

    def forward(self, x):
        w = self.w_bar
        height = w.shape[0]
        v = l2normalize(torch.mv(w.view(height, -1).t(), self.u))
        u = l2normalize(torch.mv(w.view(height, -1), v))
        sigma = u.dot(w.view(height, -1).mv(v))
        setattr(self.module, self.name, w / sigma.expand_as(w))
        return self.module(x)


class QuantConv(nn.Conv2d):
    def __init__(self):
        super().__init__(3, 6, 3, stride=2, padding=1, bias=False)

    def forward(self, x):
        w = self.weight / self.weight.abs().max()
        return F.conv2d(x, w, self.bias, self.stride, self.padding, self.dilation, self.groups)


class QuantFC(nn.Linear):
    def __init__(self):
        super().__init__(3 * 16 * 16, 10)

    def forward(self, x):
        return F.linear(x.flatten(1), self.weight * 2, self.bias)


class WrongBias(nn.Module):
    def __init__(self):
        super().__init__()
        self.w = nn.Parameter(torch.zeros(4, 3, 3, 3))
        self.b = nn.Parameter(torch.zeros(5))

    def forward(self, x):
        return F.conv2d(x, self.w, self.b)
