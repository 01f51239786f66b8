# input: 2x3x4x6x6
# torch.autograd.Function.apply calls cls.forward(ctx, *args) whatever forward is (a
# staticmethod, a classmethod as shake-shake code writes it, a plain def whose self is the
# ctx); calling an instance is 1.13's legacy-function RuntimeError. And the 3-d paddings.
import itertools

import torch
import torch.nn as nn
from torch.autograd import Function


class Shake(Function):
    @classmethod
    def forward(cls, ctx, inp1, inp2, training):
        assert inp1.size() == inp2.size()
        gate_size = [inp1.size()[0], *itertools.repeat(1, inp1.dim() - 1)]
        gate = inp1.new(*gate_size)
        if training:
            gate.uniform_(0, 1)
        else:
            gate.fill_(0.5)
        return inp1 * gate + inp2 * (1. - gate)


class PlainForward(Function):
    def forward(ctx, x):
        return x.clamp(min=0)

    def backward(ctx, grad):
        return grad


class ShakeNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.a = nn.Conv3d(3, 8, 3, padding=1)
        self.b = nn.Conv3d(3, 8, 3, padding=1)

    def forward(self, x):
        return PlainForward.apply(Shake.apply(self.a(x), self.b(x), self.training))


class ShakeMismatch(nn.Module):
    def __init__(self):
        super().__init__()
        self.a = nn.Conv3d(3, 8, 3, padding=1)
        self.b = nn.Conv3d(3, 8, 3)

    def forward(self, x):
        return Shake.apply(self.a(x), self.b(x), True)


class LegacyCall(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv3d(3, 4, 1)

    def forward(self, x):
        return PlainForward()(self.conv(x))


class Pad3d(nn.Module):
    def __init__(self):
        super().__init__()
        self.const = nn.ConstantPad3d(1, 0.5)
        self.reflect = nn.ReflectionPad3d((1, 0, 2, 1, 0, 1))
        self.replicate = nn.ReplicationPad3d([1, 1, 1, 1, 1, 1])
        self.conv = nn.Conv3d(3, 5, 3)

    def forward(self, x):
        return self.conv(self.replicate(self.reflect(self.const(x))))


class ReflectTooFar(nn.Module):
    def __init__(self):
        super().__init__()
        self.pad = nn.ReflectionPad3d(4)

    def forward(self, x):
        return self.pad(x)


class PadChannelsWrong(nn.Module):
    def __init__(self):
        super().__init__()
        self.pad = nn.ConstantPad3d((1, 1, 1, 1, 0, 0), 0.0)
        self.conv = nn.Conv3d(4, 4, 3)

    def forward(self, x):
        return self.conv(self.pad(x))
