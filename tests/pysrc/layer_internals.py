# input: 2x4x8x8
# What subclasses and wrappers of built-in layers read from them: a conditional BatchNorm
# calling the inherited _check_input_dim, a weight-standardised Conv2d calling
# _conv_forward with its own weight, norms without affine or running statistics (their
# weight, bias and running_mean are None), nn.Parameter(data=..., requires_grad=False),
# and spectral_norm of a layer with no weights (its reshape fails at once).
import torch
import torch.nn as nn
import torch.nn.functional as F


class ConditionalBN(nn.BatchNorm2d):
    def __init__(self, channels=4, classes=3):
        super().__init__(channels, affine=False)
        self.embed = nn.Linear(classes, channels * 2)

    def forward(self, x):
        self._check_input_dim(x)
        assert self.weight is None and self.bias is None
        out = F.batch_norm(x, self.running_mean, self.running_var, self.weight, self.bias, self.training,
                           self.momentum, self.eps)
        gamma, beta = self.embed(torch.ones(x.shape[0], 3)).chunk(2, 1)
        return out * gamma[:, :, None, None] + beta[:, :, None, None]


class WrongRankBN(ConditionalBN):
    def forward(self, x):
        self._check_input_dim(x.flatten(2))
        return x


class StdConv(nn.Conv2d):
    def __init__(self):
        super().__init__(4, 6, 3, padding=1, bias=False)

    def forward(self, x):
        w = self.weight
        w = (w - w.mean(dim=(1, 2, 3), keepdim=True)) / (w.std(dim=(1, 2, 3), keepdim=True) + 1e-5)
        return self._conv_forward(x, w, self.bias)


class Untracked(nn.Module):
    def __init__(self):
        super().__init__()
        self.bn = nn.BatchNorm2d(4, track_running_stats=False)
        self.ln = nn.LayerNorm(8, elementwise_affine=False)
        self.scale = nn.Parameter(data=torch.ones(1, 4, 1, 1), requires_grad=False)

    def forward(self, x):
        assert self.bn.running_mean is None and self.ln.weight is None and not self.scale.requires_grad
        return self.ln(self.bn(x)) * self.scale


class EmptySpectral(nn.Module):
    def __init__(self):
        super().__init__()
        self.theta = nn.utils.spectral_norm(nn.Conv2d(4, 4 // 8, 1, bias=False))

    def forward(self, x):
        return self.theta(x)
