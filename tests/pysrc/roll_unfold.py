# input: 2x3x8x8
# torch.roll as a shifted-window attention shifts its windows (Swin), Tensor.unfold as a
# patch splitter cuts patches, and their checks.
import torch
import torch.nn as nn


class ShiftWindows(nn.Module):
    def __init__(self, shift=3):
        super().__init__()
        self.shift = shift
        self.proj = nn.Conv2d(3, 6, 1)

    def forward(self, x):
        x = x.permute(0, 2, 3, 1)
        shifted = torch.roll(x, shifts=(-self.shift, -self.shift), dims=(1, 2))
        back = shifted.roll((self.shift, self.shift), (1, 2))
        return self.proj(back.permute(0, 3, 1, 2))


class RollFlat(nn.Module):
    def forward(self, x):
        return torch.roll(x, 5)


class RollMisaligned(nn.Module):
    def forward(self, x):
        return torch.roll(x, (1, 2), (1,))


class RollBadDim(nn.Module):
    def forward(self, x):
        return x.roll(1, 4)


class RollFloatShift(nn.Module):
    def forward(self, x):
        return torch.roll(x, 1.5, 1)


class Patches(nn.Module):
    """Tensor.unfold into 2x2 patches, as a ViT's patch splitter writes it."""

    def __init__(self, p=2):
        super().__init__()
        self.p = p
        self.fc = nn.Linear(3 * p * p, 16)

    def forward(self, x):
        b, c, h, w = x.shape
        patches = x.unfold(2, self.p, self.p).unfold(3, self.p, self.p)
        patches = patches.permute(0, 2, 3, 1, 4, 5).reshape(b, -1, c * self.p * self.p)
        return self.fc(patches)


class UnfoldOverlapping(nn.Module):
    def forward(self, x):
        return x.unfold(-1, 3, 2)


class UnfoldTooLarge(nn.Module):
    def forward(self, x):
        return x.unfold(2, 9, 1)


class UnfoldZeroStep(nn.Module):
    def forward(self, x):
        return x.unfold(2, 2, 0)
