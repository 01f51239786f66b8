# input: 2x1x28x28
import torch
import torch.nn as nn
import torch.nn.functional as F


from collections import OrderedDict


class Ordered(nn.Module):
    def __init__(self):
        super().__init__()
        self.body = nn.Sequential(OrderedDict([
            ('conv', nn.Conv2d(1, 8, 3, padding=1)),
            ('relu', nn.ReLU()),
            ('pool', nn.MaxPool2d(2)),
        ]))
        self.head = nn.Linear(8 * 14 * 14, 10)

    def forward(self, x):
        x = self.body(x)
        x = x.view(x.size(0), -1)
        return self.head(x)
