# input: 2x3x16x32
# A thin-plate-spline rectifier's constant buffers built with numpy in __init__, as text
# recognisers write them (control points from np.linspace, np.concatenate of blocks, a kernel
# from np.linalg.norm, np.fill_diagonal, np.log and np.linalg.inv, np.tile / np.expand_dims of
# a pixel grid), then torch.tensor of the arrays; and numpy's errors: blocks of two widths,
# arrays of two ranks, an axis past the end, a non-square inverse, fill_diagonal of a vector,
# a negative count, a float count, transpose with a repeated axis.
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F


def control_points(n):
    xs = np.linspace(-1.0, 1.0, num=n // 2)
    top = np.stack([xs, -1 * np.ones(n // 2)], axis=1)
    bottom = np.stack([xs, np.ones(n // 2)], axis=1)
    return np.concatenate([top, bottom], axis=0)


class Rectifier(nn.Module):
    def __init__(self, n=10, out_size=(8, 16), channels=3):
        super().__init__()
        self.n = n
        self.out_h, self.out_w = out_size
        c = control_points(n)
        k = np.zeros((n, n), dtype=float)
        for i in range(n):
            for j in range(i, n):
                d = np.linalg.norm(c[i] - c[j])
                k[i, j] = d
                k[j, i] = d
        np.fill_diagonal(k, 1)
        k = np.square(k) * np.log(k)
        full = np.concatenate([
            np.concatenate([np.ones((n, 1)), c, k], axis=1),
            np.concatenate([np.zeros((2, 3)), np.transpose(c)], axis=1),
            np.concatenate([np.zeros((1, 3)), np.ones((1, n))], axis=1),
        ], axis=0)
        self.register_buffer("inv_full", torch.tensor(np.linalg.inv(full)).float())
        gx = (np.arange(-self.out_w, self.out_w, 2) + 1.0) / self.out_w
        gy = (np.arange(-self.out_h, self.out_h, 2) + 1.0) / self.out_h
        grid = np.stack(np.meshgrid(gx, gy), axis=2).reshape([-1, 2])
        diff = np.tile(np.expand_dims(grid, axis=1), (1, n, 1)) - np.expand_dims(c, axis=0)
        r = np.linalg.norm(diff, ord=2, axis=2)
        rbf = np.multiply(np.square(r), np.log(r + 1e-6))
        self.register_buffer("grid_hat", torch.tensor(np.concatenate([np.ones((grid.shape[0], 1)), grid, rbf], axis=1)).float())
        self.loc = nn.Sequential(nn.Conv2d(channels, 8, 3, padding=1), nn.ReLU(), nn.AdaptiveAvgPool2d(1), nn.Flatten(),
                                 nn.Linear(8, n * 2))
        self.loc[-1].bias.data = torch.from_numpy(c).float().view(-1)

    def forward(self, x):
        b = x.size(0)
        pts = self.loc(x).view(b, self.n, 2)
        padded = torch.cat([pts, torch.zeros(b, 3, 2)], dim=1)
        t = torch.bmm(self.inv_full.repeat(b, 1, 1), padded)
        src = torch.bmm(self.grid_hat.repeat(b, 1, 1), t).view(b, self.out_h, self.out_w, 2)
        return F.grid_sample(x, src, align_corners=True)


class OddPoints(Rectifier):
    # 11 points: the localisation head makes 22 values against a bias of 20
    def __init__(self):
        super().__init__(n=11)


class BlocksOfTwoWidths(nn.Module):
    def __init__(self):
        super().__init__()
        self.table = np.concatenate([np.ones((2, 3)), np.zeros((2, 4))], axis=0)

    def forward(self, x):
        return x


class BlocksOfTwoRanks(nn.Module):
    def __init__(self):
        super().__init__()
        self.table = np.concatenate([np.ones((2, 3)), np.linspace(0, 1, 3)])

    def forward(self, x):
        return x


class ExpandPastTheEnd(nn.Module):
    def __init__(self):
        super().__init__()
        self.table = np.expand_dims(np.ones((2, 3)), axis=3)

    def forward(self, x):
        return x


class InverseOfARectangle(nn.Module):
    def __init__(self):
        super().__init__()
        self.table = np.linalg.inv(np.ones((3, 4)))

    def forward(self, x):
        return x


class DiagonalOfAVector(nn.Module):
    def __init__(self):
        super().__init__()
        v = np.zeros(4)
        np.fill_diagonal(v, 1)

    def forward(self, x):
        return x


class NegativeCount(nn.Module):
    def __init__(self, n=-2):
        super().__init__()
        self.xs = np.linspace(0.0, 1.0, n)

    def forward(self, x):
        return x


class FloatCount(nn.Module):
    def __init__(self, n=6):
        super().__init__()
        self.xs = np.linspace(0.0, 1.0, n / 2)

    def forward(self, x):
        return x


class RepeatedAxis(nn.Module):
    def __init__(self):
        super().__init__()
        self.t = np.transpose(np.ones((2, 3)), (1, 1))

    def forward(self, x):
        return x
