# input: 2x3x8x8
# Containers joined with + and +=, as real code grows them (`self.blocks += [Block(...)]` on
# an nn.ModuleList, ModuleList + list, Sequential + Sequential renumbered), object.__init__
# on a helper, Tensor.copy_ of a bias, and the errors Python and PyTorch raise: Sequential +
# a list, `super.__init__(Cls, self)` (the type, not super()), a tuple + an int, a bool as
# the first size of a weight, copy_ of six values into a bias of five.
import torch
import torch.nn as nn


class Block(nn.Module):
    def __init__(self, c):
        super().__init__()
        self.conv = nn.Conv2d(c, c, 3, padding=1)

    def forward(self, x):
        return torch.relu(self.conv(x)) + x


class Grown(nn.Module):
    def __init__(self, c=3, n=2):
        super().__init__()
        self.blocks = nn.ModuleList([])
        for _ in range(n):
            self.blocks += [Block(c)]
        self.more = self.blocks + [nn.Conv2d(c, 4, 1)]
        self.head = nn.Sequential(nn.ReLU()) + nn.Sequential(nn.AdaptiveAvgPool2d(1), nn.Flatten())
        self.head += nn.Sequential(nn.Linear(4, 5))
        self.fc = nn.Linear(5, 5)
        self.fc.bias.data.copy_(torch.zeros(5))

    def forward(self, x):
        for m in self.more:
            x = m(x)
        return self.fc(self.head(x)), len(self.more), len(self.head)


class Helper:
    def __init__(self, scale):
        object.__init__(self)
        self.scale = scale


class UsesHelper(nn.Module):
    def __init__(self):
        super().__init__()
        self.h = Helper(2)
        self.conv = nn.Conv2d(3, 4 * self.h.scale, 3)

    def forward(self, x):
        return self.conv(x)


class SequentialPlusList(nn.Module):
    def __init__(self):
        super().__init__()
        self.body = nn.Sequential(nn.Conv2d(3, 4, 3)) + [nn.ReLU()]

    def forward(self, x):
        return self.body(x)


class SuperTypeInit(nn.Module):
    def __init__(self):
        super.__init__(SuperTypeInit, self)
        self.conv = nn.Conv2d(3, 4, 3)

    def forward(self, x):
        return self.conv(x)


class TuplePlusInt(nn.Module):
    def __init__(self, size=8):
        super().__init__()
        self.conv = nn.Conv2d(3, 4, 3)
        probe = self.conv(torch.rand((1, 3) + size))

    def forward(self, x):
        return self.conv(x)


class BoolChannels(nn.Module):
    def __init__(self, *dims):
        super().__init__()
        self.layers = nn.Sequential(*[nn.Conv2d(a, b, 1) for a, b in zip(dims[:-1], dims[1:])])

    def forward(self, x):
        return self.layers(x)


class BoolChannelsCase(BoolChannels):
    def __init__(self):
        super().__init__(3, 8, False, True)


class BadBiasCopy(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(3, 5)
        self.fc.bias.data.copy_(torch.tensor([1, 0, 0, 0, 1, 0], dtype=torch.float))

    def forward(self, x):
        return self.fc(x)
