# input: 2x3x8x8
# Functional forms real code calls (real56-real61): F.conv3d with a computed weight (dynamic
# convolutions), F.max_pool3d, F.layer_norm with and without an affine, torch.logaddexp /
# fmod / atan2 (Bayes-by-backprop's softplus), torch.dropout, torch.concatenate, clamp_min,
# typing.OrderedDict, torch.vstack / hstack, ~ on masks.
import torch
import torch.nn as nn
import torch.nn.functional as F
from typing import OrderedDict


class DynamicConv3d(nn.Module):
    def __init__(self, groups=1):
        super().__init__()
        self.groups = groups
        self.weight = nn.Parameter(torch.rand(2, 6, 3 // groups, 3, 3, 3))
        self.attn = nn.Linear(3, 2)

    def forward(self, x):
        x = x.unsqueeze(2).expand(-1, -1, 4, -1, -1)
        a = torch.softmax(self.attn(x.mean((2, 3, 4))), 1)
        w = (a.mean(0).view(2, 1, 1, 1, 1, 1) * self.weight).sum(0)
        y = F.conv3d(x, w, padding=1, groups=self.groups)
        return F.max_pool3d(y, (2, 2, 2))


class DynamicConv3dGroups(DynamicConv3d):
    def __init__(self):
        super().__init__(groups=4)


class LayerNormFunctional(nn.Module):
    def __init__(self):
        super().__init__()
        self.w = nn.Parameter(torch.ones(8))

    def forward(self, x):
        return F.layer_norm(x, x.shape[1:]) + F.layer_norm(x, (8,), self.w, torch.zeros(8))


class LayerNormWrongWeight(nn.Module):
    def forward(self, x):
        return F.layer_norm(x, [8], torch.ones(5))


class LayerNormWrongShape(nn.Module):
    def forward(self, x):
        return F.layer_norm(x, [5])


class BayesStd(nn.Module):
    def __init__(self):
        super().__init__()
        self.rho = nn.Parameter(torch.rand(4, 8))

    def forward(self, x):
        std = torch.logaddexp(torch.zeros(1), self.rho)
        return x @ std.t() + torch.fmod(x, 2).sum() + x.atan2(x).mean()


class BayesStdNumber(nn.Module):
    def forward(self, x):
        return torch.logaddexp(x, 1.0)


class BinaryMismatch(nn.Module):
    def forward(self, x):
        return torch.fmod(x, torch.rand(5))


class Dropouts(nn.Module):
    def forward(self, x):
        return torch.dropout(x, 0.5, True) + torch.dropout(x, p=0.2, train=False)


class DropoutP(nn.Module):
    def forward(self, x):
        return torch.dropout(x, 1.5, True)


class DropoutTrainInt(nn.Module):
    def forward(self, x):
        return torch.dropout(x, 0.5, 1)


class Concatenate(nn.Module):
    def forward(self, x):
        return torch.concatenate([x, x[:, :, :3]], 1)


class ClampMin(nn.Module):
    def forward(self, x):
        return x.clamp_min(0.1) + torch.clamp_max(x, torch.rand(8)) + x.clamp_min_(0)


class TypingOrderedDict(nn.Module):
    def forward(self, x):
        d = OrderedDict()
        d['a'] = x
        return d['a'] if isinstance(x, torch.Tensor) else None


class NumpyRoundAndRepeat(nn.Module):
    def __init__(self, frac=0.25):
        super().__init__()
        self.frac = frac
        import numpy as np
        grid = np.zeros((1, 1, 8, 8)).repeat(3, axis=1)
        self.pad = int(np.round(8 * self.frac)), np.round(2.5), np.around(3.675, 2)
        self.register_buffer('grid', torch.from_numpy(grid).float())

    def forward(self, x):
        return F.pad(x, (self.pad[0],) * 4) + self.grid.sum(), self.pad[1:]


class NumpyReshapeSize(nn.Module):
    def forward(self, x):
        import numpy as np
        return np.reshape(np.zeros(18), (1, 8, 1, 1))


class Stacks(nn.Module):
    def forward(self, x):
        a = x.flatten(1)
        return torch.vstack([a, a[:1]]), torch.vstack((a[0], a[1])), torch.hstack([x, x]), torch.hstack((a[0], a[1]))


class StackMismatch(nn.Module):
    def forward(self, x):
        return torch.vstack([x.flatten(1), x.flatten(2)])


class StackTensor(nn.Module):
    def forward(self, x):
        return torch.vstack(x)


class InvertMask(nn.Module):
    def forward(self, x):
        m = torch.zeros_like(x, dtype=torch.bool)
        return x.masked_fill(~m, 0.0), ~(x > 0.5)


class InvertFloat(nn.Module):
    def forward(self, x):
        return ~x
