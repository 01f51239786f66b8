# input: 2x1x28x28
import torch
import torch.nn as nn
import torch.nn.functional as F


class Residual(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 8, 3, padding=1)
        self.conv2 = nn.Conv2d(8, 8, 3, padding=1)
        self.fc = nn.Linear(8 * 28 * 28, 10)

    def forward(self, x):
        x = F.relu(self.conv1(x))
        y = self.conv2(x)
        x = x + y  # <- cnnc stops here
        return self.fc(torch.flatten(x, 1))
