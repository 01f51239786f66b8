# input: 1x3x8x8
# module.train(mode=False) by keyword is eval(): a batch of one then passes BatchNorm1d
# after global pooling (in training mode it raises "Expected more than 1 value per channel").
import torch
import torch.nn as nn


class FrozenStats(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(3, 4, 3)
        self.pool = nn.AdaptiveAvgPool2d(1)
        self.bn = nn.BatchNorm1d(4)

    def forward(self, x):
        self.bn.train(mode=False)
        return self.bn(torch.flatten(self.pool(self.conv(x)), 1))


class TrainingStats(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(3, 4, 3)
        self.bn = nn.BatchNorm1d(4)

    def forward(self, x):
        self.bn.train(mode=True)
        return self.bn(self.conv(x).mean(dim=(2, 3)))
