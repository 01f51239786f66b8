# input: 2x4x8x8
# enum as configurations use it: a class-style Enum with auto(), an alias and a method, a string
# valued one looked up by value, the Planet pattern (an __init__ taking the unpacked value), the
# functional Enum('Kind', 'Conv Pool, Linear'), iteration, len, `in`, __members__, repr and str,
# lookups by value and by name that fail, @unique's ValueError; and getattr() of a dunder no
# torch.nn class has (fastai's `getattr(act.__class__, '__default_init__', None)`).
from enum import Enum, auto, unique

import torch.nn as nn


class Norm(Enum):
    BATCH = auto()
    GROUP = auto()
    NONE = auto()
    NULL = 3

    def make(self, c):
        if self is Norm.BATCH:
            return nn.BatchNorm2d(c)
        if self == Norm.GROUP:
            return nn.GroupNorm(2, c)
        return nn.Identity()


class Act(Enum):
    RELU = "relu"
    GELU = "gelu"


class Planet(Enum):
    SMALL = (4, 8)
    BIG = (8, 16)

    def __init__(self, cin, cout):
        self.cin = cin
        self.cout = cout


Kind = Enum("Kind", "Conv Pool, Linear")


class Net(nn.Module):
    def __init__(self, norm=Norm.GROUP, act="gelu", planet="SMALL"):
        super().__init__()
        p = Planet[planet]
        self.conv = nn.Conv2d(p.cin, p.cout, 3, padding=1)
        self.norm = norm.make(p.cout) if isinstance(norm, Norm) else Norm(norm).make(p.cout)
        self.act = nn.GELU() if Act(act) is Act.GELU else nn.ReLU()
        self.init = getattr(self.act.__class__, "__default_init__", None)
        self.info = ([m.name for m in Norm], len(Norm), Norm.NULL.name, Norm.NONE is Norm.NULL, repr(Norm.BATCH),
                     str(Act.RELU), Kind.Pool.value, [k.name for k in Kind], Norm.BATCH in Norm, {Norm.BATCH: 1}[Norm.BATCH],
                     list(Norm.__members__), f"{Norm.GROUP}", str(Norm), Act.GELU.value, self.init)

    def forward(self, x):
        return self.act(self.norm(self.conv(x))), self.info


class NotANorm(Net):
    def __init__(self):
        super().__init__(norm=7)


class NoSuchPlanet(Net):
    def __init__(self):
        super().__init__(planet="HUGE")


class BigPlanet(Net):
    def __init__(self):
        super().__init__(norm=1, planet="BIG")


class NotUnique(nn.Module):
    def __init__(self):
        super().__init__()

        @unique
        class Dup(Enum):
            A = 1
            B = 1
            C = 2
            D = 2

    def forward(self, x):
        return x
