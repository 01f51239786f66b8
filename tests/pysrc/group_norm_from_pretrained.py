# input: 2x8x4x4
# F.group_norm with a sliced affine (an elastic supernet's), its weight and bias checks (1.13's bias
# message prints the weight's shape), nn.Embedding.from_pretrained on a sinusoidal table, and a
# tuple times a tuple (CPython's sequence_repeat words).
import math
import torch
import torch.nn as nn
import torch.nn.functional as F


class ElasticGroupNorm(nn.Module):
    def __init__(self, channels=16, groups=4):
        super().__init__()
        self.groups = groups
        self.weight = nn.Parameter(torch.ones(channels))
        self.bias = nn.Parameter(torch.zeros(channels))

    def forward(self, x):
        c = x.size(1)
        return F.group_norm(x, self.groups, weight=self.weight[:c], bias=self.bias[:c], eps=1e-5)


class GroupNormBiasTooLong(nn.Module):
    def __init__(self):
        super().__init__()
        self.weight = nn.Parameter(torch.ones(8))
        self.bias = nn.Parameter(torch.zeros(9))

    def forward(self, x):
        return F.group_norm(x, 2, self.weight, self.bias)


class GroupNormUnevenGroups(nn.Module):
    def forward(self, x):
        return F.group_norm(x, 3)


class TimeEmbedding(nn.Module):
    def __init__(self, T=50, d_model=16, dim=32):
        super().__init__()
        emb = torch.exp(-(torch.arange(0, d_model, step=2) / d_model * math.log(10000)))
        emb = torch.arange(T).float()[:, None] * emb[None, :]
        emb = torch.stack([torch.sin(emb), torch.cos(emb)], dim=-1).view(T, d_model)
        self.net = nn.Sequential(nn.Embedding.from_pretrained(emb), nn.Linear(d_model, dim), nn.SiLU())

    def forward(self, x):
        t = torch.randint(0, 50, (x.shape[0],))
        return self.net(t), self.net[0].weight.requires_grad, self.net[0].weight.shape


class PretrainedOf3d(nn.Module):
    def __init__(self):
        super().__init__()
        self.e = nn.Embedding.from_pretrained(torch.rand(3, 4, 5))

    def forward(self, x):
        return self.e(x)


class KernelSquared(nn.Module):
    def __init__(self, kernel_size=(3, 3)):
        super().__init__()
        self.kernel_size = kernel_size
        self.conv = nn.Conv2d(8, 4, kernel_size)

    def forward(self, x):
        return self.conv(x).reshape(x.shape[0], -1, self.kernel_size * self.kernel_size)
