# input: 2x1x28x28
import torch
import torch.nn as nn
import torch.nn.functional as F


class Mismatch(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv1 = nn.Conv2d(1, 16, 5)
        self.conv2 = nn.Conv2d(32, 32, 5)
        self.fc = nn.Linear(32 * 20 * 20, 10)

    def forward(self, x):
        x = F.relu(self.conv1(x))
        x = F.relu(self.conv2(x))
        return self.fc(x.view(x.size(0), -1))
