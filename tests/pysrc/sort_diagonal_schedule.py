# input: 2x3x4
# Ops on values cnnc follows by shape only: sort/argsort (a torch.return_types.sort), diagonal and
# diag_embed, block_diag, cumprod of a diffusion schedule indexed by torch.randint steps, and
# Tensor.unflatten (whose error names the dim wrapped, as nn.Unflatten's does).
import torch
import torch.nn as nn


class Sorter(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(4, 3)

    def forward(self, x):
        v, i = torch.sort(x, dim=-1, descending=True)
        s = x.sort(0).values
        return self.fc(v + s), i.shape, x.argsort(1).dtype, type(torch.sort(x)).__name__


class SortPastLastDim(nn.Module):
    def forward(self, x):
        return torch.sort(x, 3)


class Diagonals(nn.Module):
    def forward(self, x):
        d = torch.diagonal(x, 1, 1, 2)
        return d, torch.diag_embed(d), x.diagonal(dim1=-1, dim2=-2, offset=-1).shape, torch.diagonal(x, 9).shape


class SameDiagonalDims(nn.Module):
    def forward(self, x):
        return torch.diagonal(x, 0, 1, -2)


class BlockDiagonal(nn.Module):
    def forward(self, x):
        return torch.block_diag(x[0], x[1, 0], torch.tensor(2.0)).shape, torch.cumprod(torch.tensor([1, 2, 3, 4]), 0).tolist()


class NoisedByStep(nn.Module):
    def __init__(self, steps=100):
        super().__init__()
        self.steps = steps
        alphas = 1.0 - torch.linspace(1e-4, 0.02, steps)
        self.register_buffer("alphas_cumprod", torch.cumprod(alphas, dim=0))
        self.conv = nn.Conv1d(3, 3, 3, padding=1)

    def forward(self, x):
        t = torch.randint(0, self.steps, (x.shape[0],))
        a = self.alphas_cumprod[t].sqrt().reshape(-1, 1, 1)
        return self.conv(a * x + (1 - a).sqrt() * torch.randn_like(x)), t.dtype


class Heads(nn.Module):
    def __init__(self):
        super().__init__()
        self.qkv = nn.Linear(4, 24)

    def forward(self, x):
        return self.qkv(x).unflatten(-1, (3, 2, -1)).permute(2, 0, 3, 1, 4)


class HeadsNotDividing(nn.Module):
    def __init__(self):
        super().__init__()
        self.qkv = nn.Linear(4, 24)

    def forward(self, x):
        return self.qkv(x).unflatten(-1, (5, -1))
