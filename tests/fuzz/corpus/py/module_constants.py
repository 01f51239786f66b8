# input: 2x1x28x28
import torch
import torch.nn as nn
import torch.nn.functional as F


HIDDEN = 64
NUM_CLASSES = 10


class ConstNet(nn.Module):
    def __init__(self, in_ch=1, width=8):
        super().__init__()
        self.flat = width * 14 * 14
        self.conv = nn.Conv2d(in_ch, width, kernel_size=3, padding=1)
        self.pool = nn.MaxPool2d(2, 2)
        self.fc1 = nn.Linear(self.flat, HIDDEN)
        self.fc2 = nn.Linear(HIDDEN, NUM_CLASSES)

    def forward(self, x):
        x = self.pool(F.relu(self.conv(x)))
        x = x.view(-1, self.flat)
        x = F.relu(self.fc1(x))
        return self.fc2(x)
