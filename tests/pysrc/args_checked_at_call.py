# input: 2x3x16x16
# Modules whose PyTorch constructors keep their arguments as given: the functional form
# rejects a bad one only when the layer runs. Built and never called, they are no error;
# behind a layer that fails first, that layer's error is the one PyTorch raises (ZFNet's
# MaxPool2d(padding="valid") after a conv given the wrong channels).
import torch.nn as nn


class NeverCalled(nn.Module):
    def __init__(self):
        super().__init__()
        self.spare = nn.ModuleList([
            nn.ELU("a"), nn.LeakyReLU("a"), nn.Softplus("a"), nn.Hardshrink("a"), nn.PixelShuffle("a"),
            nn.Flatten("a"), nn.ZeroPad2d("a"), nn.ConstantPad2d(1, "a"), nn.ReflectionPad2d("a"),
            nn.GELU(approximate="x"), nn.MaxPool2d(3, padding="valid"), nn.MaxPool1d(2, padding="same"),
            nn.AdaptiveAvgPool2d("a"),
        ])
        self.conv = nn.Conv2d(3, 4, 3)

    def forward(self, x):
        return self.conv(x)


class ConvFirst(nn.Module):
    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(nn.Conv2d(1, 8, 3), nn.ReLU(), nn.MaxPool2d(3, stride=2, padding="valid"))

    def forward(self, x):
        return self.features(x)


class PoolReached(nn.Module):
    def __init__(self):
        super().__init__()
        self.features = nn.Sequential(nn.Conv2d(3, 8, 3), nn.ReLU(), nn.MaxPool2d(3, stride=2, padding="valid"))

    def forward(self, x):
        return self.features(x)


class SlopeReached(nn.Module):
    def __init__(self):
        super().__init__()
        self.act = nn.LeakyReLU(negative_slope="0.2")

    def forward(self, x):
        return self.act(x)
