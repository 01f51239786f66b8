# input: 2x1x8x32
# EEGNet's max-norm constraint (torch.renorm on the weight's data before each forward), a
# temporal layer picked by name from sys.modules[__name__].__dict__, torch.std_mean / var_mean,
# and renorm's own checks.
import sys
import torch
import torch.nn as nn

current_module = sys.modules[__name__]


class Conv2dWithConstraint(nn.Conv2d):
    def __init__(self, *args, max_norm=1, **kwargs):
        self.max_norm = max_norm
        super(Conv2dWithConstraint, self).__init__(*args, **kwargs)

    def forward(self, x):
        self.weight.data = torch.renorm(self.weight.data, p=2, dim=0, maxnorm=self.max_norm)
        return super(Conv2dWithConstraint, self).forward(x)


class VarLayer(nn.Module):
    def __init__(self, dim):
        super().__init__()
        self.dim = dim

    def forward(self, x):
        return x.var(dim=self.dim, keepdim=True)


class StdMeanLayer(nn.Module):
    def __init__(self, dim):
        super().__init__()
        self.dim = dim

    def forward(self, x):
        s, m = torch.std_mean(x, dim=self.dim, keepdim=True)
        v, _ = torch.var_mean(x, self.dim)
        return torch.cat((s, m), dim=1), v.shape


class EEGNetLike(nn.Module):
    def __init__(self, chans=8, temporal="VarLayer"):
        super().__init__()
        self.spatial = Conv2dWithConstraint(1, 4, (chans, 1), max_norm=2, bias=False)
        self.temporal = current_module.__dict__[temporal](dim=3)
        self.fc = nn.Linear(4, 3)

    def forward(self, x):
        x = self.temporal(self.spatial(x))
        return self.fc(torch.flatten(x, 1))


class PickedByMissingName(nn.Module):
    def __init__(self):
        super().__init__()
        self.temporal = current_module.__dict__["LogVarLayer"](dim=3)

    def forward(self, x):
        return x


class StdMeanPicked(nn.Module):
    def __init__(self):
        super().__init__()
        self.temporal = current_module.__dict__["StdMeanLayer"](dim=3)

    def forward(self, x):
        return self.temporal(x)


class RenormOfVector(nn.Module):
    def __init__(self):
        super().__init__()
        self.w = nn.Parameter(torch.ones(4))

    def forward(self, x):
        return x * torch.renorm(self.w, 2, 0, 1.0).sum()


class RenormNegativeMax(nn.Module):
    def forward(self, x):
        return x.renorm(2, 1, -0.5)
