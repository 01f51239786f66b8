"""A small residual net for 1x28x28 images (Fashion-MNIST): three stages of
BasicBlocks with BatchNorm, a strided stage change with a 1x1 projection
shortcut, adaptive average pooling and one Linear. Plain PyTorch:

    cnnc train models/resnet_fmnist.py --epochs 5
    cnnc summary models/resnet_fmnist.py --input 1x28x28
    cnnc convert models/resnet_fmnist.py -o models/resnet_fmnist.cnn

and `ResNet()` imports and trains in PyTorch unchanged.
"""
import torch
import torch.nn as nn
import torch.nn.functional as F


class BasicBlock(nn.Module):
    expansion = 1

    def __init__(self, in_planes, planes, stride=1):
        super().__init__()
        self.conv1 = nn.Conv2d(in_planes, planes, kernel_size=3, stride=stride, padding=1, bias=False)
        self.bn1 = nn.BatchNorm2d(planes)
        self.conv2 = nn.Conv2d(planes, planes, kernel_size=3, stride=1, padding=1, bias=False)
        self.bn2 = nn.BatchNorm2d(planes)
        self.shortcut = nn.Sequential()
        if stride != 1 or in_planes != self.expansion * planes:
            self.shortcut = nn.Sequential(
                nn.Conv2d(in_planes, self.expansion * planes, kernel_size=1, stride=stride, bias=False),
                nn.BatchNorm2d(self.expansion * planes),
            )

    def forward(self, x):
        out = F.relu(self.bn1(self.conv1(x)))
        out = self.bn2(self.conv2(out))
        out += self.shortcut(x)
        return F.relu(out)


class ResNet(nn.Module):
    def __init__(self, block=BasicBlock, num_blocks=(1, 1, 1), num_classes=10, in_channels=1, width=16):
        super().__init__()
        # width: the first stage's channels; the strided stages double them
        self.in_planes = width
        self.conv1 = nn.Conv2d(in_channels, width, kernel_size=3, stride=1, padding=1, bias=False)
        self.bn1 = nn.BatchNorm2d(width)
        self.layer1 = self._make_layer(block, width, num_blocks[0], stride=1)
        self.layer2 = self._make_layer(block, 2 * width, num_blocks[1], stride=2)
        self.layer3 = self._make_layer(block, 4 * width, num_blocks[2], stride=2)
        self.avgpool = nn.AdaptiveAvgPool2d((1, 1))
        self.fc = nn.Linear(4 * width * block.expansion, num_classes)

    def _make_layer(self, block, planes, num_blocks, stride):
        # the first block of a stage changes width and stride; the others keep them
        stage = nn.Sequential()
        for i in range(num_blocks):
            stage.add_module(str(i), block(self.in_planes, planes, stride if i == 0 else 1))
            self.in_planes = planes * block.expansion
        return stage

    def forward(self, x):
        x = F.relu(self.bn1(self.conv1(x)))
        for stage in (self.layer1, self.layer2, self.layer3):
            x = stage(x)
        x = torch.flatten(self.avgpool(x), 1)
        return self.fc(x)
