# input: 2x4x8x8
# Python 3.10's match statement as model code writes it: an activation or a norm picked by a
# string, alternatives with |, a guard, a capture, `as`, a dotted value, None, negative numbers,
# and no case matching (nothing runs); `match` stays a name elsewhere.
import torch.nn as nn


class Kinds:
    BATCH = "batch"
    GROUP = "group"


def make_act(name):
    match name:
        case "relu": return nn.ReLU()
        case "gelu" | "silu" as other if other == "gelu":
            return nn.GELU()
        case "silu":
            return nn.SiLU()
        case None:
            return nn.Identity()
        case _:
            raise ValueError(f"unknown activation {name}")


def make_norm(kind, c):
    match kind:
        case Kinds.BATCH:
            return nn.BatchNorm2d(c)
        case Kinds.GROUP:
            return nn.GroupNorm(2, c)
        case width if isinstance(width, int) and width < 0:
            return nn.GroupNorm(-width, c)
        case other:
            raise KeyError(other)


def stride_of(level):
    result = 1
    match level:
        case 0 | 1:
            result = 1
        case -1:
            result = 3
        case 2.0:
            result = 2
    return result


class Block(nn.Module):
    def __init__(self, act="relu", norm="batch", level=2.0):
        super().__init__()
        self.conv = nn.Conv2d(4, 8, 3, stride=stride_of(level), padding=1)
        self.norm = make_norm(norm, 8)
        self.act = make_act(act)
        match = [level]
        self.match = match[0]

    def forward(self, x):
        return self.act(self.norm(self.conv(x)))


class GeluGroup(Block):
    def __init__(self):
        super().__init__(act="gelu", norm="group", level=-1)


class SiluNeg(Block):
    def __init__(self):
        super().__init__(act="silu", norm=-4, level=0)


class NoAct(Block):
    def __init__(self):
        super().__init__(act=None, level=7)


class UnknownAct(Block):
    def __init__(self):
        super().__init__(act="tanh")


class UnknownNorm(Block):
    def __init__(self):
        super().__init__(norm="layer")
