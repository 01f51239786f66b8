# input: 2x3x16x16
# Python that real model files are written in and that cnnc used to misread or refuse:
# PEP 604 unions in annotations, @property with a setter, an object's __dict__, a class
# made by type(name, bases, dict), str.format with named fields, state_dict() looped
# over in __init__, frozen parameters, the legacy torch.Tensor(data) constructor,
# torch.full, torch.concat, numpy math on numbers, triu masks.
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


class Unions(nn.Module):
    def __init__(self, pool: type[nn.MaxPool2d] | type[nn.AvgPool2d] = nn.MaxPool2d, width: int | None = None):
        super().__init__()
        self.conv = nn.Conv2d(3, width or 8, 3, padding=1)
        self.pool = pool(2)

    def forward(self, x: torch.Tensor, mask: torch.Tensor | None = None) -> torch.Tensor | tuple[int, int]:
        return self.pool(self.conv(x))


class Settable(nn.Module):
    def __init__(self, use_relu=False, **kwargs):
        super().__init__()
        self._use_relu = use_relu
        for key, value in kwargs.items():
            self.__dict__["_{}".format(key)] = value
        assert "_use_relu" in self.__dict__
        self.conv = nn.Conv2d(3, 4, 3)

    @property
    def use_relu(self):
        return self._use_relu

    @use_relu.setter
    def use_relu(self, value):
        self._use_relu = value

    def forward(self, x):
        self.use_relu = True
        y = self.conv(x)
        return F.relu(y) if self.use_relu else y


Config = type('Config', (), {'channels': 3, 'classes': 10})


class FromConfig(nn.Module):
    def __init__(self, cfg=Config):
        super().__init__()
        self.conv = nn.Conv2d(cfg.channels, 8, 3)
        self.fc = nn.Linear(8 * 14 * 14, cfg.classes)
        for key in self.state_dict():
            if key.split('.')[-1] == 'weight' and 'conv' in key:
                nn.init.kaiming_normal_(self.state_dict()[key], mode='fan_out')
            elif key.split('.')[-1] == 'bias':
                self.state_dict()[key][...] = 0

    def forward(self, x):
        return self.fc(self.conv(x).flatten(1))


class Frozen(nn.Module):
    def __init__(self):
        super().__init__()
        self.bn = nn.BatchNorm2d(3)
        for p in self.bn.parameters():
            p.requires_grad = False
        self.fc = nn.Linear(3 * 16 * 16, 5)

    def forward(self, x):
        assert not self.bn.weight.requires_grad
        return self.fc(self.bn(x).view(x.size(0), -1))


class BadVersion(nn.Module):
    def __init__(self, version=1.2):
        super().__init__()
        if version not in (1.0, 1.1):
            raise ValueError("Unsupported version {version}: 1.0 or 1.1 expected".format(version=version))


class LegacyTensors(nn.Module):
    def __init__(self):
        super().__init__()
        self.register_buffer('grid', torch.Tensor([0.0, 0.5, 1.0]))
        self.scale = np.log(10000.0) / 16
        self.mask = torch.triu(torch.full((16, 16), float('-inf')), diagonal=1)

    def forward(self, x):
        x = x + self.mask
        return torch.concat([x, x * self.scale], 1).mean(-1) + self.grid.sum()


class LegacySizes(nn.Module):
    def forward(self, x):
        return x + torch.Tensor([1, 2])
