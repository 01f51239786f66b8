# input: 2x1x28x28
# Modules cnnc checks but does not train (tests/cli_check_test.cpp): a weight under
# nn.utils.spectral_norm, a torch.autograd.Function whose backward is the user's,
# a MaxUnpool2d, which scatters by its pool's indices, item assignment into a
# computed tensor, whose index the graph does not keep, and nn.utils.weight_norm.
import torch
import torch.nn as nn
from torch.nn.utils import spectral_norm


class Swish(torch.autograd.Function):
    @staticmethod
    def forward(ctx, i):
        ctx.save_for_backward(i)
        return i * torch.sigmoid(i)

    @staticmethod
    def backward(ctx, g):
        i, = ctx.saved_tensors
        s = torch.sigmoid(i)
        return g * s * (1 + i * (1 - s))


class SN(nn.Module):
    def __init__(self, k=1):
        super().__init__()
        self.c = spectral_norm(nn.Conv2d(1, 8, 3), n_power_iterations=k)
        self.fc = nn.utils.spectral_norm(nn.Linear(8 * 26 * 26, 10))

    def forward(self, x):
        return self.fc(torch.flatten(self.c(x), 1))


class Twice(nn.Module):
    def __init__(self):
        super().__init__()
        self.c = spectral_norm(spectral_norm(nn.Conv2d(1, 8, 3)))

    def forward(self, x):
        return self.c(x)


class NoWeight(nn.Module):
    def __init__(self):
        super().__init__()
        self.r = spectral_norm(nn.ReLU())

    def forward(self, x):
        return self.r(x)


class Sw(nn.Module):
    def __init__(self):
        super().__init__()
        self.c = nn.Conv2d(1, 8, 3)
        self.fc = nn.Linear(8 * 26 * 26, 10)

    def forward(self, x):
        return self.fc(torch.flatten(Swish.apply(self.c(x)), 1))


class Unpool(nn.Module):
    def __init__(self):
        super().__init__()
        self.c = nn.Conv2d(1, 4, 3, padding=1)
        self.pool = nn.MaxPool2d(2, return_indices=True)
        self.unpool = nn.MaxUnpool2d(2)
        self.fc = nn.Linear(4 * 28 * 28, 10)

    def forward(self, x):
        h, idx = self.pool(self.c(x))
        return self.fc(torch.flatten(self.unpool(h, idx), 1))


class Written(nn.Module):
    def __init__(self):
        super().__init__()
        self.c = nn.Conv2d(1, 4, 3, padding=1)
        self.fc = nn.Linear(4 * 28 * 28, 10)

    def forward(self, x):
        h = self.c(x)
        h[:, 0] = 0
        return self.fc(torch.flatten(h, 1))


class Gathered(nn.Module):
    def __init__(self, width=4):
        super().__init__()
        self.c = nn.Conv2d(1, 4, 3, padding=1)
        self.fc = nn.Linear(4 * 28 * 28, 10)
        self.width = width

    def forward(self, x):
        h = self.c(x)
        out = torch.zeros_like(h)
        out[:, 1:] = h[:, :self.width - 1]
        return self.fc(torch.flatten(out, 1))


class WN(nn.Module):
    def __init__(self, dim=0, twice=False):
        super().__init__()
        from torch.nn.utils import weight_norm
        self.c = weight_norm(nn.Conv1d(1, 8, 3, padding=1), dim=dim)
        if twice:
            self.c = weight_norm(self.c)
        self.fc = nn.utils.weight_norm(nn.Linear(8 * 28, 10))

    def forward(self, x):
        return self.fc(torch.flatten(self.c(x), 1))


class WNRelu(nn.Module):
    def __init__(self):
        super().__init__()
        self.r = nn.utils.weight_norm(nn.ReLU())

    def forward(self, x):
        return self.r(x)


class WN2(nn.Module):
    def __init__(self):
        super().__init__()
        self.c = nn.utils.weight_norm(nn.Conv2d(1, 8, 3))
        self.fc = nn.Linear(8 * 26 * 26, 10)

    def forward(self, x):
        return self.fc(torch.flatten(self.c(x), 1))


class Contracted(nn.Module):
    """Attention-style pooling by torch.einsum: checked; no kernel runs it yet."""
    def __init__(self):
        super().__init__()
        self.q = nn.Conv2d(1, 4, 3, padding=1)
        self.fc = nn.Linear(4 * 4, 10)

    def forward(self, x):
        f = self.q(x).flatten(2)
        return self.fc(torch.einsum('bcn,bdn->bcd', f, f).flatten(1))


class Quantized(nn.Module):
    """A vector quantizer: the codebook rows argmin picks are data, not a graph of layers."""
    def __init__(self):
        super().__init__()
        self.enc = nn.Conv2d(1, 4, 4, stride=4)
        self.codebook = nn.Embedding(16, 4)
        self.fc = nn.Linear(4 * 7 * 7, 10)

    def forward(self, x):
        z = self.enc(x).permute(0, 2, 3, 1)
        flat = z.reshape(-1, 4)
        idx = torch.cdist(flat, self.codebook.weight).argmin(1)
        q = z + (self.codebook.weight.index_select(0, idx).view(z.shape) - z).detach()
        return self.fc(q.flatten(1))
