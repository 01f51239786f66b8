# input: 1x28x28
import torch
import torch.nn as nn
import torch.nn.functional as F


class Unbatched(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(1, 4, 3, padding=1)
        self.fc = nn.Linear(4 * 14 * 14, 10)

    def forward(self, x):
        x = F.max_pool2d(F.relu(self.conv(x)), 2)
        x = x.view(-1, 4 * 14 * 14)
        return self.fc(x)
