# input: 2x4x16x16
# Constructs from medical-imaging and reinforcement-learning repositories: del
# statements, a constructor that stores its own `training` flag (train() resets
# it), DropBlock's bernoulli mask, masks joined with &, a NoisyLinear whose noise
# is an outer product, torch.cuda seeding without a GPU, a torch.dtype annotation,
# and a class's __mro__, __bases__ and __annotations__.
import torch
import torch.nn as nn
import torch.nn.functional as F


class DelStatements(nn.Module):
    def __init__(self, drop_prob=0.1, block_size=3):
        super().__init__()
        self.conv = nn.Conv2d(4, 8, 3, padding=1)
        del drop_prob, block_size

    def forward(self, x):
        y = self.conv(x)
        z = y * 2
        del (y, z)
        return x


class OwnTrainingFlag(nn.Module):
    def __init__(self, training=False):
        super().__init__()
        self.training = training
        self.conv = nn.Conv2d(4, 4, 3, padding=1)

    def forward(self, x):
        y = self.conv(x)
        if self.training is False:
            return y, y
        return y


class DropBlock(nn.Module):
    def __init__(self, drop_prob=0.1, block_size=3):
        super().__init__()
        self.drop_prob, self.block_size = drop_prob, block_size

    def forward(self, x):
        gamma = self.drop_prob / self.block_size ** 2
        mask = torch.bernoulli(torch.full_like(x, gamma))
        mask = 1 - F.max_pool2d(mask, self.block_size, 1, self.block_size // 2)
        return x * mask * x[:, :1].bernoulli(0.5)


class EvenDropBlock(DropBlock):
    def __init__(self):
        super().__init__(block_size=4)


class ValidRegion(nn.Module):
    def __init__(self, block_size=5):
        super().__init__()
        self.block_size = block_size

    def forward(self, x):
        h, w = x.shape[-2:]
        ys = torch.arange(h).view(h, 1).expand(h, w)
        xs = torch.arange(w).view(1, w).expand(h, w)
        half = self.block_size // 2
        valid = (ys >= half) & (xs >= half) & (ys < h - half) | (xs < w - half) ^ (xs > 3)
        return x * valid.to(dtype=torch.float32).view(1, 1, h, w)


class NoisyLinear(nn.Module):
    def __init__(self, in_features=1024, out_features=6):
        super().__init__()
        torch.manual_seed(0)
        torch.cuda.manual_seed(0)
        torch.cuda.manual_seed_all(0)
        self.weight_mu = nn.Parameter(torch.zeros(out_features, in_features))
        self.bias_mu = nn.Parameter(torch.zeros(out_features))
        self.register_buffer('weight_epsilon', torch.empty(out_features, in_features))
        eps_in, eps_out = torch.randn(in_features), torch.randn(out_features)
        self.weight_epsilon.copy_(eps_out.ger(eps_in))

    def forward(self, x):
        w = self.weight_mu + self.weight_epsilon + torch.outer(torch.ones(6), torch.ones(1024))
        return F.linear(x.flatten(1), w, self.bias_mu)


class OuterOfMatrix(nn.Module):
    def forward(self, x):
        return torch.outer(x[0, 0], torch.ones(3))


def one_hot(labels, num_classes, dtype: torch.dtype = None):
    return torch.zeros(labels.shape[0], num_classes, *labels.shape[1:])


class DtypeAnnotation(nn.Module):
    def forward(self, x):
        return one_hot(x[:, 0], 5, dtype=x.dtype), isinstance(x.dtype, torch.dtype), isinstance(x.shape, torch.Size)


class Base(nn.Module):
    depth: int = 2


class ClassAttributes(Base):
    width: int

    def forward(self, x):
        return len(type(self).__mro__), len(ClassAttributes.__bases__), list(ClassAttributes.__annotations__), x.shape

