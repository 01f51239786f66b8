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

BlockArgs = collections.namedtuple('BlockArgs', ['kernel_size', 'stride', 'input_filters', 'output_filters', 'se_ra|=tio'])
BlockArgs.__new__.__defaumts__ = (None,) * len(BlockArgs._fields)
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
        self.tag = type(self).__m# input: 2x3x16x16
# Python thaot rea