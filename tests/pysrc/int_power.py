# input: 2
# An int to an int power: -1 alternates ((-1) ** 3 is -1, found reading numpy.power's review), 0 ** 0
# is 1, and the same through pow() and numpy.power.
import numpy as np
import torch.nn as nn


class Powers(nn.Module):
    def __init__(self):
        super().__init__()
        b = -1
        self.k = [(-1) ** 3, b ** 4, (-2) ** 3, pow(-1, 3), 0 ** 0, 1 ** 10, (-1) ** 1000001]
        self.n = [np.power(-1, 3), np.power(0, 0), np.power(-2, 5)]

    def forward(self, x):
        return x, self.k, self.n


class SignedWidth(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(2, 4 + (-1) ** 3)

    def forward(self, x):
        return self.fc(x.view(1, 2))
