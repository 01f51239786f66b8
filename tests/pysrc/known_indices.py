# input: 2x18x4x4
# Indices whose values cnnc knows: torch.cat of aranges (a deformable convolution reorders its
# offsets so), through .float()/.type_as() and .long(), and torch.tensor of ints (real61).
import torch
import torch.nn as nn
from torch.autograd import Variable


class OffsetOrder(nn.Module):
    def forward(self, offset):
        N = offset.size(1) // 2
        idx = Variable(torch.cat([torch.arange(0, 2 * N, 2), torch.arange(1, 2 * N + 1, 2)]),
                       requires_grad=False).type_as(offset).long()
        idx = idx.unsqueeze(dim=0).unsqueeze(dim=-1).unsqueeze(dim=-1).expand(*offset.size())
        return torch.gather(offset, dim=1, index=idx)


class CatOfAranges(nn.Module):
    def forward(self, x):
        i = torch.cat([torch.arange(0, 18, 2), torch.arange(1, 19, 2)])
        return torch.gather(x, 1, i.view(1, -1, 1, 1).expand(*x.size()))


class TensorOfInts(nn.Module):
    def forward(self, x):
        i = torch.tensor([0, 2, 1])
        return torch.gather(x, 1, i.view(1, -1, 1, 1).expand(2, 3, 4, 4))


class TensorOfFloats(nn.Module):
    def forward(self, x):
        i = torch.tensor([0.0, 2.0, 1.0])
        return torch.gather(x, 1, i.view(1, -1, 1, 1).expand(2, 3, 4, 4))


class LinspaceLong(nn.Module):
    def forward(self, x):
        i = torch.linspace(0, 5.5, 4).long()
        return x.index_select(1, i), i.tolist()


class GraphByKnownVector(nn.Module):
    def forward(self, x):
        i = torch.cat([torch.arange(0, 18, 2), torch.arange(1, 19, 2)])
        return x[:, i] + x[:, torch.tensor([0, 1, 2])].sum()


class IndexArithmetic(nn.Module):
    def forward(self, x):
        rows, cols = torch.arange(4), torch.arange(4)
        flat = (rows.view(-1, 1) * 4 + cols.view(1, -1)).view(1, 1, -1).expand(2, 18, -1)
        return x.flatten(2).gather(2, flat)


class ComplexPick(nn.Module):
    def __init__(self):
        super().__init__()
        self.w = nn.Parameter(torch.rand(3, 4, 4, 2))

    def forward(self, x):
        x_ft = torch.fft.rfft(x.flatten(2), dim=1)
        idx = torch.arange(0, 3)
        return torch.einsum("bmw,mwo->bmo", x_ft[:, idx, :4], torch.view_as_complex(self.w)).abs()
