# input: 2x3x16x16
# Lazy modules, as d2l.ai writes its nets: nn.LazyConv2d, nn.LazyBatchNorm2d and
# nn.LazyLinear take their input size from the first forward and become Conv2d,
# BatchNorm2d and Linear; groups that do not divide the inferred channels, and input
# of the wrong rank, fail there.
import torch.nn as nn


class LeNetD2L(nn.Module):
    def __init__(self, num_classes=10):
        super().__init__()
        self.net = nn.Sequential(
            nn.LazyConv2d(6, kernel_size=5, padding=2), nn.LazyBatchNorm2d(), nn.Sigmoid(),
            nn.AvgPool2d(kernel_size=2, stride=2),
            nn.LazyConv2d(16, kernel_size=5), nn.LazyBatchNorm2d(), nn.Sigmoid(),
            nn.AvgPool2d(kernel_size=2, stride=2),
            nn.Flatten(), nn.LazyLinear(120), nn.Sigmoid(), nn.LazyLinear(num_classes))

    def forward(self, x):
        return self.net(x)


class GroupedLazy(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.LazyConv2d(8, 3, groups=2)

    def forward(self, x):
        assert isinstance(self.conv, nn.LazyConv2d)
        y = self.conv(x)
        assert isinstance(self.conv, nn.Conv2d)
        return y


class FlatLazy(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.LazyConv2d(8, 3)

    def forward(self, x):
        return self.conv(x.flatten(1))


class MissingArgs(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.LazyConv2d(8)

    def forward(self, x):
        return self.conv(x)
