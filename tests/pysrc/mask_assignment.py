# input: 2x3x8x8
# Boolean masks written through, as noise and masking layers do it: salt and pepper
# over the last two dims after `...`, a mask after `:` and an int, a whole-tensor
# mask, and the masks PyTorch refuses (a mismatched dim, too many indices).
import torch
import torch.nn as nn


class SaltAndPepper(nn.Module):
    def __init__(self, amount=0.1):
        super().__init__()
        self.amount = amount

    def forward(self, img):
        mask = torch.rand(img.shape[2:])
        out = img.clone()
        out[..., mask < self.amount / 2] = 1.0
        out[..., mask > 1 - self.amount / 2] = 0.0
        return out


class ChannelMask(nn.Module):
    def forward(self, x):
        y = x.clone()
        y[:, torch.rand(3, 8) < 0.5] = 0
        y[0, torch.rand(3, 8, 8) > 0.5] = -1.0
        y[y > 0.9] = 0.9
        return y


class MismatchedMask(nn.Module):
    def forward(self, x):
        y = x.clone()
        y[..., torch.rand(7, 8) < 0.5] = 1.0
        return y


class TooManyIndices(nn.Module):
    def forward(self, x):
        y = x.clone()
        y[..., torch.rand(2, 3, 8, 8, 1) < 0.5] = 1.0
        return y
