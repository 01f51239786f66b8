# input: 2x8x12x12
# Retrieval heads: GeM pooling raises to a learnable one-element exponent (x.pow(self.p),
# torch.pow(x, p), 1. / self.p), torch.clip as clamp, and an NT-Xent mask made by
# torch.eye(n, dtype=torch.bool) for masked_fill.
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.nn.parameter import Parameter


class GeM(nn.Module):
    def __init__(self, p=3.0, eps=1e-6):
        super().__init__()
        self.p = Parameter(torch.ones(1) * p)
        self.eps = eps

    def forward(self, x):
        return F.adaptive_avg_pool2d(x.clamp(min=self.eps).pow(self.p), (1, 1)).pow(1. / self.p)


class RetrievalHead(nn.Module):
    def __init__(self, dim=8, temperature=0.5):
        super().__init__()
        self.gem = GeM()
        self.fc = nn.Linear(dim, 4)
        self.temperature = temperature

    def forward(self, x):
        z = F.normalize(self.fc(torch.flatten(self.gem(x), 1)), dim=1)
        z = torch.clip(z, -1.0, 1.0)
        sim = torch.exp(z.matmul(z.T) / self.temperature)
        mask = torch.eye(sim.shape[0], device=sim.device, dtype=torch.bool)
        return sim.masked_fill(mask, 0).sum(dim=1) + torch.pow(z, self.gem.p).sum()


class PowBroadcastError(nn.Module):
    def __init__(self):
        super().__init__()
        self.p = Parameter(torch.ones(3))

    def forward(self, x):
        return x.pow(self.p)
