# input: 2x4x8
# Python the model code leans on: chr()/ord() for einsum subscripts, collections.defaultdict
# counters, math.erf in an initialiser, numpy 1.24's removed np.int, Module.__init__ given
# keywords, add_module by keyword, `x += 1` on None, a recursion through a constructor,
# torch.load of a checkpoint that is not there.
import math
from collections import defaultdict

import numpy as np
import torch
import torch.nn as nn


class EinsumLetters(nn.Module):
    def __init__(self, n=3):
        super().__init__()
        self.letters = "".join(chr(ord("a") + i) for i in range(n))
        self.w = nn.Parameter(torch.randn(8, 6))

    def forward(self, x):
        return torch.einsum(self.letters + ",cd->abd", x, self.w)


class ExitCounts(nn.Module):
    def __init__(self):
        super().__init__()
        self.counts = defaultdict(int)
        self.fc = nn.Linear(8, 2)

    def forward(self, x):
        self.counts[3] += 2
        self.counts[3] += 1
        return self.fc(x) * self.counts[3] + len(self.counts)


class ErfInit(nn.Module):
    def __init__(self):
        super().__init__()
        self.scale = (1.0 + math.erf(0.5 / math.sqrt(2.0))) / 2.0
        self.fc = nn.Linear(8, int(self.scale * 10))

    def forward(self, x):
        return self.fc(x)


class NumpyIntAlias(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(8, np.int(4))

    def forward(self, x):
        return self.fc(x)


class KeywordsToModule(nn.Module):
    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self.fc = nn.Linear(8, 2)

    def forward(self, x):
        return self.fc(x)


class DropoutKeyword(KeywordsToModule):
    def __init__(self):
        super().__init__(dropout=0.1)


class AddModuleByKeyword(nn.Module):
    def __init__(self):
        super().__init__()
        self.add_module(name="fc", module=nn.Linear(8, 3))

    def forward(self, x):
        return self.fc(x)


class AugmentNone(nn.Module):
    def __init__(self):
        super().__init__()
        self.total = None

    def forward(self, x):
        self.total += 1
        return x


class Recurse(nn.Module):
    def __init__(self, depth):
        super().__init__()
        self.inner = Recurse(depth - 1)

    def forward(self, x):
        return x


class Forever(nn.Module):
    def __init__(self):
        super().__init__()
        self.r = Recurse(3)

    def forward(self, x):
        return x


class LoadsMissingCheckpoint(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(8, 2)
        self.fc.load_state_dict(torch.load("checkpoints/no_such_vgg_normalised.pth"))

    def forward(self, x):
        return self.fc(x)
