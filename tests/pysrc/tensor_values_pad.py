# input: 1x8x15x15
# One-element tensors whose values decide shapes: the padding of an early U-Net's
# up block (diffX = torch.tensor([x2.size()[3] - x1.size()[3]]), F.pad with
# diffX // 2), arithmetic on such values (// and % floor, / makes floats), and a
# float tensor in a pad list, which PyTorch refuses.
import torch
import torch.nn as nn
import torch.nn.functional as F


class Up(nn.Module):
    def __init__(self, in_ch=16, out_ch=8):
        super().__init__()
        self.up = nn.ConvTranspose2d(in_ch // 2, in_ch // 2, 2, stride=2)
        self.conv = nn.Conv2d(in_ch, out_ch, 3, padding=1)

    def forward(self, x2):
        x1 = self.up(F.max_pool2d(x2, 2))
        diffY = torch.tensor([x2.size()[2] - x1.size()[2]])
        diffX = torch.tensor([x2.size()[3] - x1.size()[3]])
        x1 = F.pad(x1, [diffX // 2, diffX - diffX // 2, diffY // 2, diffY - diffY // 2])
        return self.conv(torch.cat([x2, x1], dim=1))


class ValueArithmetic(nn.Module):
    def forward(self, x):
        t = torch.tensor(-7)
        f = torch.tensor([2.5])
        a = int((t // 2).item()), int(t % 3), (t / 2).item(), (f * 3).item(), int(2 - t), (3 // torch.tensor(2)).item()
        return x[:, :a[4]], a


class FloatInPad(nn.Module):
    def forward(self, x):
        return F.pad(x, [torch.tensor(1.0), 0, 0, 0])


class TooLongInPad(nn.Module):
    def forward(self, x):
        return F.pad(x, [torch.tensor([1, 2]), 0, 0, 0])
