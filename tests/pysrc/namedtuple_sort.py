# input: 2x3x16x16
# Python that real model files use for configuration: namedtuples with defaults set on
# __new__ (EfficientNet's utils), _replace and _fields; a class's __module__; list.sort;
# np.eye flattened into an identity (PointNet's T-Net); isinstance with collections.abc;
# torch.functional (not torch.nn.functional). Python's errors where it raises.
import collections
import collections.abc
from collections import namedtuple

import numpy as np
import torch
import torch.functional as TF
import torch.nn as nn

BlockArgs = collections.namedtuple('BlockArgs', ['kernel_size', 'stride', 'input_filters', 'output_filters', 'se_ratio'])
BlockArgs.__new__.__defaults__ = (None,) * len(BlockArgs._fields)
Stage = namedtuple('Stage', 'channels repeats', defaults=[1])


class Blocks(nn.Module):
    def __init__(self):
        super().__init__()
        args = BlockArgs(kernel_size=3, stride=1, input_filters=3, output_filters=8)
        wide = args._replace(input_filters=args.output_filters, output_filters=16)
        assert wide.se_ratio is None and len(wide) == len(BlockArgs._fields)
        self.a = nn.Conv2d(args.input_filters, args.output_filters, args.kernel_size, args.stride, padding=1)
        k, s, i, o, _ = wide
        self.b = nn.Conv2d(i, o, k, s)
        self.tag = type(self).__module__ + '.' + self.__class__.__name__

    def forward(self, x):
        if self.__module__.startswith('torchvision'):
            raise RuntimeError('not here')
        return self.b(self.a(x))


class Stages(nn.Module):
    def __init__(self):
        super().__init__()
        stages = [Stage(16, 2), Stage(8), Stage(4, 3)]
        stages.sort(key=lambda st: st.channels)
        dil = [2 ** i for i in range(3)] + [2]
        dil.sort(reverse=True)
        layers, c = [], 3
        for st in stages:
            for _ in range(st.repeats):
                layers.append(nn.Conv2d(c, st.channels, 3, padding=dil[0], dilation=dil[0]))
                c = st.channels
        self.body = nn.Sequential(*layers)

    def forward(self, x):
        return self.body(x)


class Identity3(nn.Module):
    def __init__(self, k=3):
        super().__init__()
        self.k = k
        self.fc = nn.Linear(3 * 16 * 16, k * k)

    def forward(self, x):
        iden = torch.from_numpy(np.eye(self.k).flatten().astype(np.float32)).view(1, self.k * self.k).repeat(x.size(0), 1)
        return (self.fc(x.flatten(1)) + iden).view(-1, self.k, self.k)


class MissingField(nn.Module):
    def __init__(self):
        super().__init__()
        self.s = Stage()

    def forward(self, x):
        return x


class BadReplace(nn.Module):
    def forward(self, x):
        return x * Stage(4)._replace(width=2).channels


class NoSuchField(nn.Module):
    def forward(self, x):
        return x * Stage(4).width


def _pair(k):
    if isinstance(k, collections.abc.Iterable):
        return tuple(k)
    return (k, k)


class AbcKernel(nn.Module):
    def __init__(self, kernel_size=(3, 5)):
        super().__init__()
        assert isinstance({}, collections.abc.Mapping) and not isinstance([], collections.abc.Mapping)
        assert isinstance(torch.zeros(2), collections.abc.Sized) and not isinstance(3, collections.abc.Sequence)
        self.conv = nn.Conv2d(3, 4, _pair(kernel_size), padding=tuple(k // 2 for k in _pair(kernel_size)))
        self.square = nn.Conv2d(4, 4, _pair(3))

    def forward(self, x):
        return self.square(self.conv(x))


class TorchFunctionalSplit(nn.Module):
    def forward(self, x):
        a, b = TF.split(x, [1, 2], dim=1)
        return b * TF.norm(a)


class TorchFunctionalPool(nn.Module):
    def forward(self, x):
        return TF.adaptive_avg_pool2d(x, 1)


class IRBlock(namedtuple('Block', ['in_channel', 'depth', 'stride'])):
    '''InsightFace's block description: a namedtuple subclass.'''

    def wide(self):
        return self.depth * 2


class SubclassedTuple(nn.Module):
    def __init__(self):
        super().__init__()
        blocks = [IRBlock(3, 8, 2)] + [IRBlock(8, 8, 1) for _ in range(2)]
        assert isinstance(blocks[0], IRBlock) and isinstance(blocks[0], tuple) and repr(blocks[0]).startswith('IRBlock(')
        self.body = nn.Sequential(*[nn.Conv2d(b.in_channel, b.depth, 3, b.stride, 1) for b in blocks])
        self.head = nn.Conv2d(8, blocks[-1].wide(), 1)

    def forward(self, x):
        return self.head(self.body(x))


class SubclassMissing(nn.Module):
    def forward(self, x):
        return IRBlock(1, 2)


class IdentityOfNames(nn.Module):
    def __init__(self, config=(('conv2d', 8), ('relu', 0))):
        super().__init__()
        layers = []
        for name, width in config:
            if name is 'conv2d':
                layers.append(nn.Conv2d(3, width, 3))
            elif name is 'relu':
                layers.append(nn.ReLU())
            else:
                raise NotImplementedError
        self.body = nn.Sequential(*layers)
        self.root = __import__('math').sqrt(16)

    def forward(self, x, y=None):
        if y == None:
            return self.body(x) * self.root
        return self.body(x) + y
