# input: 2x1x28x28
import torch
import torch.nn as nn
import torch.nn.functional as F


class Branchy(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(1, 8, 3)
        self.fc = nn.Linear(8 * 26 * 26, 10)

    def forward(self, x):
        x = F.relu(self.conv(x))
        if x.mean() > 0:  # <- cnnc stops here
            x = x * 2
        return self.fc(x.view(x.size(0), -1))
