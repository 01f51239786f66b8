# input: 2x3x16x16
# Comparisons that make masks (DropBlock-style), Softmax2d, LocalResponseNorm (AlexNet),
# and nn.init on a bias that a layer built with bias=False does not have.
import torch
import torch.nn as nn


class DropMask(nn.Module):
    def __init__(self, gamma=0.1):
        super().__init__()
        self.gamma = gamma
        self.conv = nn.Conv2d(3, 4, 3, padding=1)

    def forward(self, x):
        mask = (torch.rand_like(x[:, :1]) < self.gamma).float()
        return self.conv(x * (1 - mask))


class BadMask(nn.Module):
    def forward(self, x):
        return x * (x[:, :, :4] > 0.5).float()


class Segment(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(3, 5, 1)
        self.softmax = nn.Softmax2d()

    def forward(self, x):
        return self.softmax(self.conv(x))


class FlatSoftmax(nn.Module):
    def __init__(self):
        super().__init__()
        self.softmax = nn.Softmax2d()

    def forward(self, x):
        return self.softmax(x.flatten(1))


class AlexStem(nn.Module):
    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(nn.Conv2d(3, 8, 5, stride=2), nn.ReLU(),
                                      nn.LocalResponseNorm(size=5, alpha=1e-4, beta=0.75, k=2), nn.MaxPool2d(3, 2))
        self.lrn = nn.LocalResponseNorm(3)

    def forward(self, x):
        return self.lrn(self.features(x).flatten(2)).flatten(1)


class NoBiasInit(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(3, 4, bias=False)
        for m in self.modules():
            if isinstance(m, nn.Linear):
                nn.init.xavier_uniform_(m.weight)
                nn.init.constant_(m.bias, 0)

    def forward(self, x):
        return self.fc(x)
