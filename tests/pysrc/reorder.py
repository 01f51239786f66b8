# input: 2x3x8x8
# torch.rot90 / flip / fliplr / topk / prod as group-equivariant, contour and hypernetwork code
# calls them (real61, real60), with ATen's checks: rot90 by an odd k leaves a strided tensor.
import torch
import torch.nn as nn
import torch.nn.functional as F


class P4Conv(nn.Module):
    def __init__(self):
        super().__init__()
        self.weight = nn.Parameter(torch.rand(8, 3, 3, 3))

    def forward(self, x):
        ws = [torch.rot90(self.weight, i, [2, 3]) for i in range(4)]
        return F.conv2d(x, torch.cat(ws, 0), padding=1)


class RotatedView(nn.Module):
    def forward(self, x):
        return x.rot90(1, (2, 3)).view(x.size(0), -1)


class HalfTurnView(nn.Module):
    def forward(self, x):
        return x.rot90(2, (2, 3)).view(x.size(0), -1)


class RotSameDims(nn.Module):
    def forward(self, x):
        return torch.rot90(x, 1, [2, 6])


class RotOutOfRange(nn.Module):
    def forward(self, x):
        return torch.rot90(x, 1, [-5, 2])


class Flips(nn.Module):
    def forward(self, x):
        return torch.cat([x, x.flip(3), torch.flip(x, [2, 3]), torch.fliplr(x), x.flipud()], 1)


class FlipTwice(nn.Module):
    def forward(self, x):
        return x.flip(3, -1)


class TopK(nn.Module):
    def forward(self, x):
        v, i = torch.topk(x.flatten(2), 5, dim=-1)
        return torch.gather(x.flatten(2), 2, i) + v


class TopKMethods(nn.Module):
    def forward(self, x):
        return x.topk(3).indices.float() + x.topk(3, largest=False).values


class TopKTooMany(nn.Module):
    def forward(self, x):
        return x.topk(9)


class ProdOfShape(nn.Module):
    def forward(self, x):
        n = torch.prod(torch.tensor(x.shape[1:])).item()
        return x.view(-1, n) * x.prod(1).flatten(1).sum()


class ProdOfTuple(nn.Module):
    def forward(self, x):
        return torch.prod(x, (1, 2))
