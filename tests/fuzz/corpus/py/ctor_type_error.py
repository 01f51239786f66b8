# input: 2x1x28x28
import torch
import torch.nn as nn
import torch.nn.functional as F


class BadCtor(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(1, 4)
        self.fc = nn.Linear(4 * 26 * 26, 10)

    def forward(self, x):
        return self.fc(torch.flatten(self.conv(x), 1))
