# input: 4x16
# Self-supervised heads and losses, as SimSiam, SimCLR and Siamese code writes them: a config
# in a types.SimpleNamespace, a loss deriving torch.nn.modules.loss._WeightedLoss, negative
# cosine similarity, nn.CosineSimilarity, view_as, a guard `if torch.any(torch.isnan(z))`
# on values made from the input by finite layers, sys.path grown from __file__ at module
# level; and the errors: a config without the field, an embedding of another width, a
# positional argument to SimpleNamespace, cosine similarity over a dim that does not exist.
import os
import sys
from types import SimpleNamespace

import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.nn.modules.loss import _WeightedLoss

sys.path.append(os.path.dirname(os.path.abspath(__file__)))


class Projector(nn.Module):
    def __init__(self, cfg=SimpleNamespace(width=16, hidden=32, out=8)):
        super().__init__()
        self.net = nn.Sequential(nn.Linear(cfg.width, cfg.hidden), nn.BatchNorm1d(cfg.hidden), nn.ReLU(),
                                 nn.Linear(cfg.hidden, cfg.out))
        self.sim = nn.CosineSimilarity(dim=1)

    def forward(self, x):
        z = self.net(x)
        if torch.any(torch.isnan(z)) or z.isinf().any():
            z = torch.zeros_like(z)
        p = z.view_as(z) * 2
        return -F.cosine_similarity(p, z.detach(), dim=-1).mean(), self.sim(p, z), F.cosine_similarity(p[0], z[0], dim=0)


class NegativeCosine(_WeightedLoss):
    def __init__(self, weight=None, size_average=None, reduce=None, reduction='mean'):
        super().__init__(weight, size_average, reduce, reduction)

    def forward(self, p, z=None):
        z = p if z is None else z
        loss = -F.cosine_similarity(p, z.detach(), dim=-1)
        return loss.mean() if self.reduction == 'mean' else loss.sum()


class Pair(nn.Module):
    def __init__(self, out=8, reduction='sum'):
        super().__init__()
        self.a = Projector()
        self.b = nn.Linear(16, out)
        self.loss = NegativeCosine(reduction=reduction)

    def forward(self, x):
        return self.loss(self.a.net(x), self.b(x)), self.loss.reduction, self.loss.weight is None


class PairOfTwoWidths(Pair):
    def __init__(self):
        super().__init__(out=6)


class ConfigWithoutTheField(Projector):
    def __init__(self):
        super().__init__(SimpleNamespace(width=16, out=8))


class PositionalNamespace(Projector):
    def __init__(self):
        super().__init__(SimpleNamespace({'width': 16}))


class SimilarityOverDimTwo(nn.Module):
    def forward(self, x):
        return F.cosine_similarity(x, x, dim=2)
