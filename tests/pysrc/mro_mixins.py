# input: 2x3x16x16
# Python's method resolution order (C3) and cooperative __init__: a torch.nn class's
# __init__ begins with super().__init__(), which runs a user mixin's __init__ next in the
# MRO (meta-learning code's `class BatchNorm2d(nn.BatchNorm2d, Module)` reads the mixin's
# first_pass flag in forward); a diamond where C3 and depth-first lookup differ; super()
# in a class with no bases (object.__init__); view(size=...) and reshape(shape=...).
import torch
import torch.nn as nn
import torch.nn.functional as F


class Config:
    def __init__(self):
        super(Config, self).__init__()
        self.width = 8


class Module(nn.Module):
    def __init__(self):
        super(Module, self).__init__()
        self.first_pass = True


class BatchNorm2d(nn.BatchNorm2d, Module):
    def __init__(self, num_features):
        super(BatchNorm2d, self).__init__(num_features)

    def forward(self, x):
        if self.first_pass:
            x = x[:, :, 1:, 1:]
        return super(BatchNorm2d, self).forward(x)


class Conv2d(nn.Conv2d, Module):
    def __init__(self, cin, cout, k):
        super(Conv2d, self).__init__(cin, cout, k, padding=k // 2)


class Base(nn.Module):
    def width(self):
        return 4


class Left(Base):
    pass


class Right(Base):
    def width(self):
        return 6


class Diamond(Left, Right):   # C3: Diamond, Left, Right, Base -> Right.width
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(3, self.width(), 3)

    def forward(self, x):
        return self.conv(x)


class MetaNet(nn.Module):
    def __init__(self):
        super().__init__()
        cfg = Config()
        self.conv = Conv2d(3, cfg.width, 3)
        self.bn = BatchNorm2d(cfg.width)
        self.fc = nn.Linear(cfg.width * 15 * 15, 10)

    def forward(self, x):
        x = F.relu(self.bn(self.conv(x)))
        x = torch.reshape(x, shape=(x.shape[0], -1))
        return self.fc(x)


class ViewKeywords(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(3 * 16 * 16, 5)

    def forward(self, x):
        y = x.view(size=(x.size(0), -1))
        z = x.reshape(shape=[x.size(0), 3 * 16 * 16])
        return self.fc(y) + self.fc(z)


class ObjectInitArgs(nn.Module):
    def __init__(self):
        super().__init__()

        class Settings:
            def __init__(self, depth):
                super().__init__(depth)

        self.settings = Settings(3)

    def forward(self, x):
        return x


class Describe:
    def describe(self):
        return "a net"


class Tagged:
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.tag = 1


class TaggedConv(Tagged, nn.Conv2d):
    pass


class MixinFirst(Describe, nn.Module):   # a plain class first: still a Module
    def __init__(self):
        super().__init__()
        self.conv = TaggedConv(3, 5, 3)
        self.fc = nn.Linear(5 * 14 * 14, 2)

    def forward(self, x):
        return self.fc(self.conv(x).flatten(1 + self.conv.tag - 1))
