# input: 2x1x28x28
import torch.nn as nn


class Bad(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(784, 10

    def forward(self, x):
        return self.fc(x)
