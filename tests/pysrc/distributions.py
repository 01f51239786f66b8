# input: 2x4x8x8
# torch.distributions.Normal and Uniform as model files use them: VoxelMorph's small
# normal init of its flow conv, a flow's prior log_prob, reparameterised samples; and
# PyTorch's validation errors (a negative scale's, two lines long, is in tests/more_op_cases.tsv).
import torch
import torch.nn as nn
from torch.distributions import Uniform
from torch.distributions.normal import Normal


class FlowInit(nn.Module):
    def __init__(self):
        super().__init__()
        self.flow = nn.Conv2d(4, 2, 3, padding=1)
        nd = Normal(0, 1e-5)
        self.flow.weight = nn.Parameter(nd.sample(self.flow.weight.shape))
        self.flow.bias = nn.Parameter(torch.zeros(self.flow.bias.shape))

    def forward(self, x):
        return self.flow(x)


class PriorLogProb(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(4, 4, 1)
        self.prior = torch.distributions.Normal(loc=0.0, scale=1.0)

    def forward(self, x):
        z = self.conv(x)
        return z, self.prior.log_prob(z).view(z.shape[0], -1).sum(dim=1)


class Reparam(nn.Module):
    def forward(self, x):
        d = Normal(x, 0.5)
        return d.rsample((3,)) + d.entropy() + Uniform(0, 2).sample(x.shape), d.batch_shape


class BadValue(nn.Module):
    def forward(self, x):
        return Normal(torch.zeros(3), 1.).log_prob(x)


class BadBounds(nn.Module):
    def forward(self, x):
        return Uniform(1., 0.).sample(x.shape)


class BadBroadcast(nn.Module):
    def forward(self, x):
        return Normal(x, torch.ones(3)).rsample()
