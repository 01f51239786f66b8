# input: 2x3x16x16
# Configuration objects real model files take and build with: argparse.Namespace
# passed to a constructor (PWC-Net's args), nn.DataParallel wrapping a block (a no-op
# without CUDA, `module.` in the state_dict's names), numpy arrays from range() as a
# regression's disparities (PSMNet), torch.where on a comparison (a BerHu loss).
import argparse

import numpy as np
import torch
import torch.nn as nn


class Pyramid(nn.Module):
    def __init__(self, args=argparse.Namespace(num_levels=3, lv_chs=[8, 16, 32])):
        super().__init__()
        self.args = args
        self.levels = nn.ModuleList()
        for l in range(args.num_levels):
            self.levels.append(nn.DataParallel(nn.Sequential(
                nn.Conv2d(3 if l == 0 else args.lv_chs[l - 1], args.lv_chs[l], 3, 2, 1), nn.LeakyReLU(inplace=True))))

    def forward(self, x):
        outs = []
        for layer in self.levels:
            x = layer(x)
            outs.append(x)
        assert 'lv_chs' in self.args and list(self.state_dict().keys())[0] == 'levels.0.module.0.weight'
        return outs[::-1]


class Disparity(nn.Module):
    def __init__(self, maxdisp=3):
        super().__init__()
        self.disp = torch.Tensor(np.reshape(np.array(range(maxdisp)), [1, maxdisp, 1, 1]))

    def forward(self, x):
        return torch.sum(x * self.disp.data, 1, keepdim=True)


class BerHu(nn.Module):
    def forward(self, x):
        h = torch.abs(x)
        g = 0.2 * torch.max(h)
        return torch.where(h <= g, h, (h ** 2 + g ** 2) / (2 * g)).mean()


class NotAMask(nn.Module):
    def forward(self, x):
        return torch.where(x, x, 0.)


class ParserInModel(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(3, 3)
        self.ns = argparse.Namespace(width=4)

    def forward(self, x):
        return self.fc(x.mean((2, 3))) * self.ns.depth
