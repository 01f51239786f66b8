# input: 2x3x8x8
# nn.utils.weight_norm's parameters, as RealNVP code reaches them (`self.conv.weight_g.data = torch.ones_like(...)`,
# real69): weight_g keeps the weight's size along dim (0-d for dim=None), weight_v is the weight's shape.
import torch
import torch.nn as nn
from torch.nn.utils import weight_norm


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = weight_norm(nn.Conv2d(3, 8, 3, padding=1))
        self.conv.weight_g.data = torch.ones_like(self.conv.weight_g.data)
        self.conv.weight_g.requires_grad = False
        self.fc = nn.utils.weight_norm(nn.Linear(8, 4), dim=None)
        self.shapes = [tuple(self.conv.weight_g.shape), tuple(self.conv.weight_v.shape), tuple(self.fc.weight_g.shape)]
        self.c1 = weight_norm(nn.Conv1d(3, 5, 3), dim=1)
        self.s2 = tuple(self.c1.weight_g.shape)

    def forward(self, x):
        y = self.conv(x).mean((2, 3))
        return self.fc(y) + self.conv.weight_g.view(1, -1)[:, :4] + len(self.shapes[0]) + self.s2[1]
