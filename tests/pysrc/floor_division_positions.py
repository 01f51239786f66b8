# input: 2x4x6x8
# DETR's sine position embedding (torch.div(dim_t, 2, rounding_mode='floor') on a constant),
# integer floor and trunc division that stays int64, an unknown rounding mode's message, a user
# container's own __setitem__, and a module that sets os.environ at import (which cnnc does not
# model: only what uses it would be refused).
import os

import torch
import torch.nn as nn

os.environ["PYTHON_EGG_CACHE"] = "tmp/"


class PositionEmbeddingSine(nn.Module):
    def __init__(self, num_pos_feats=32, temperature=10000):
        super().__init__()
        self.num_pos_feats = num_pos_feats
        self.temperature = temperature

    def forward(self, x):
        not_mask = torch.ones(x.shape[0], x.shape[2], x.shape[3])
        y_embed = not_mask.cumsum(1, dtype=torch.float32)
        x_embed = not_mask.cumsum(2, dtype=torch.float32)
        dim_t = torch.arange(self.num_pos_feats, dtype=torch.float32)
        dim_t = self.temperature ** (2 * torch.div(dim_t, 2, rounding_mode="floor") / self.num_pos_feats)
        pos_x = x_embed[:, :, :, None] / dim_t
        pos_y = y_embed[:, :, :, None] / dim_t
        pos_x = torch.stack((pos_x[:, :, :, 0::2].sin(), pos_x[:, :, :, 1::2].cos()), dim=4).flatten(3)
        pos_y = torch.stack((pos_y[:, :, :, 0::2].sin(), pos_y[:, :, :, 1::2].cos()), dim=4).flatten(3)
        return torch.cat((pos_y, pos_x), dim=3).permute(0, 3, 1, 2) + x.mean(1, keepdim=True)


class IntegerDivision(nn.Module):
    def forward(self, x):
        q = torch.div(torch.arange(10), 3, rounding_mode="floor")
        return x.div(2, rounding_mode="trunc"), q.dtype, q.shape


class RoundingMode(nn.Module):
    def forward(self, x):
        return x.div(2, rounding_mode="round")


class Slots:
    def __init__(self):
        self.items = {}

    def __setitem__(self, key, value):
        self.items[key] = value


class Registered(nn.Module):
    def __init__(self):
        super().__init__()
        s = Slots()
        s["conv"] = nn.Conv2d(4, 2, 1)
        self.conv = s.items["conv"]

    def forward(self, x):
        return self.conv(x)
