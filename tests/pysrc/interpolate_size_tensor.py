# input: 2x6x16x16
# F.interpolate with a tensor for size, as a tokenizer's forward(x, target_size) gets one:
# interpolate makes [size] * dims of it, which ATen's binder refuses unless it is one int.
import torch
import torch.nn as nn
import torch.nn.functional as F


class Tokenizer(nn.Module):
    def __init__(self):
        super().__init__()
        self.proj = nn.Conv2d(6, 3, 1)

    def forward(self, x, target_size=None):
        x = self.proj(x)
        if target_size is not None:
            x = F.interpolate(x, size=target_size, mode="bilinear", align_corners=False)
        return x


class SizeTensorBilinear(Tokenizer):
    def forward(self, x):
        return super().forward(x, torch.tensor([8, 8]))


class SizeTensorNearest(nn.Module):
    def forward(self, x):
        return F.interpolate(x, size=torch.tensor([8, 8]))


class SizeTensorArea(nn.Module):
    def forward(self, x):
        return F.interpolate(x, size=torch.ones(2), mode="area")


class SizeTensorOneInt(nn.Module):
    def forward(self, x):
        return F.interpolate(x, size=torch.tensor(8), mode="bicubic", align_corners=True)


class SizeTensorList(nn.Module):
    def forward(self, x):
        return F.interpolate(x, size=[torch.tensor(4), 6])
