# input: 2x3
# type(None) and None.__class__: NoneType, whose attributes getattr can default (a layer helper's
# `getattr(act_func.__class__, '__default_init__', None)` with no activation, real71).
import torch.nn as nn


class A(nn.Module):
    def __init__(self, act=None):
        super().__init__()
        init = getattr(act.__class__, '__default_init__', None)
        self.k = init is None
        self.t = type(3).__name__

    def forward(self, x):
        return x


class B(nn.Module):
    def __init__(self):
        super().__init__()
        self.n = type(None).__name__

    def forward(self, x):
        return x, self.n


class C(nn.Module):
    def __init__(self):
        super().__init__()
        self.same = type(None) is None.__class__
        self.v = type(None)()
        self.fc = nn.Linear(3, 2 if self.same and self.v is None else 5)

    def forward(self, x):
        return self.fc(x)


class D(nn.Module):
    def __init__(self):
        super().__init__()
        self.v = type(None)(1)

    def forward(self, x):
        return x


class E(nn.Module):
    def __init__(self):
        super().__init__()
        self.v = isinstance(None, type(None))
        self.w = type(None).__name__ + "!"

    def forward(self, x):
        return x, self.v, self.w
