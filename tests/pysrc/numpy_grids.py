# input: 2x1x6x8
# Pixel grids made with numpy in __init__, as depth and flow code builds them: monodepth2's
# BackprojectDepth (np.meshgrid in 'xy' order, np.stack, astype, torch.from_numpy into a
# Parameter; torch.eye for its intrinsics), an 'ij' grid and a sparse one stacked on the last
# axis, and the errors numpy and torch.eye raise: an unknown indexing, arrays of two shapes, an
# axis past the end, a negative or a float size.
import numpy as np
import torch
import torch.nn as nn


class BackprojectDepth(nn.Module):
    def __init__(self, batch_size=2, height=6, width=8):
        super().__init__()
        self.batch_size = batch_size
        self.height = height
        self.width = width
        meshgrid = np.meshgrid(range(self.width), range(self.height), indexing='xy')
        self.id_coords = np.stack(meshgrid, axis=0).astype(np.float32)
        self.id_coords = nn.Parameter(torch.from_numpy(self.id_coords), requires_grad=False)
        self.ones = nn.Parameter(torch.ones(self.batch_size, 1, self.height * self.width), requires_grad=False)
        self.pix_coords = torch.unsqueeze(torch.stack([self.id_coords[0].view(-1), self.id_coords[1].view(-1)], 0), 0)
        self.pix_coords = self.pix_coords.repeat(batch_size, 1, 1)
        self.pix_coords = nn.Parameter(torch.cat([self.pix_coords, self.ones], 1), requires_grad=False)
        self.inv_K = nn.Parameter(torch.eye(4).repeat(batch_size, 1, 1), requires_grad=False)

    def forward(self, depth):
        cam_points = torch.matmul(self.inv_K[:, :3, :3], self.pix_coords)
        cam_points = depth.view(self.batch_size, 1, -1) * cam_points
        return torch.cat([cam_points, self.ones], 1)


class WrongSizeBackproject(BackprojectDepth):
    # built for 8x6 images, given 6x8 ones: the multiply's broadcast error
    def __init__(self):
        super().__init__(2, 8, 6)

    def forward(self, depth):
        cam_points = torch.matmul(self.inv_K[:, :3, :3], self.pix_coords)
        return depth.view(self.batch_size, 1, -1)[:, :, :40] * cam_points


class IJGrid(nn.Module):
    def __init__(self):
        super().__init__()
        ys, xs = np.meshgrid(np.arange(6), np.arange(8), indexing='ij')
        grid = np.stack([xs, ys], axis=-1).astype(np.float32)
        self.register_buffer('grid', torch.from_numpy(grid).permute(2, 0, 1).unsqueeze(0))
        sx, sy = np.meshgrid(range(8), range(6), sparse=True)
        self.register_buffer('row', torch.from_numpy(sx.astype(np.float32)))
        self.conv = nn.Conv2d(3, 4, 3, padding=1)

    def forward(self, x):
        return self.conv(torch.cat([x, self.grid.expand(x.size(0), -1, -1, -1)], 1)) + self.row


class UnknownIndexing(nn.Module):
    def __init__(self):
        super().__init__()
        self.grid = np.meshgrid(range(4), range(3), indexing='yx')

    def forward(self, x):
        return x


class StackOfTwoShapes(nn.Module):
    def __init__(self):
        super().__init__()
        xs, ys = np.meshgrid(range(4), range(3))
        self.grid = np.stack([xs, ys, np.zeros((4, 3))])

    def forward(self, x):
        return x


class StackAxisPastTheEnd(nn.Module):
    def __init__(self):
        super().__init__()
        self.grid = np.stack(np.meshgrid(range(4), range(3)), axis=3)

    def forward(self, x):
        return x


class EyeOfNegativeColumns(nn.Module):
    def __init__(self, n=3, m=-2):
        super().__init__()
        self.register_buffer('K', torch.eye(n, m))

    def forward(self, x):
        return x


class EyeOfAFloat(nn.Module):
    def __init__(self, width=8):
        super().__init__()
        self.register_buffer('K', torch.eye(width / 2))

    def forward(self, x):
        return x
