# input: 2x1x28x28
import torch
import torch.nn as nn
import torch.nn.functional as F


class NeedsArgs(nn.Module):
    def __init__(self, num_classes):
        super().__init__()
        self.fc = nn.Linear(784, num_classes)

    def forward(self, x):
        return self.fc(torch.flatten(x, 1))
