# input: 2x1x32x32
# Channel counts kept in numpy int arrays (`self.size = self.c * np.array([2, 4, 8], dtype=np.intc)`,
# np.prod of mode lists): cnnc knows the ints, so branches and sizes read from them follow.
import numpy as np
import torch
import torch.nn as nn


class EncoderConv(nn.Module):
    def __init__(self, c=4):
        super().__init__()
        self.size = c * np.array([2, 4, 8], dtype=np.intc)
        self.conv1 = nn.Conv2d(1, self.size[0], 3, padding=1)
        self.conv2 = nn.Conv2d(self.size[0], self.size[1], 3, padding=1)
        self.skip = None
        if self.size[1] != self.size[2]:
            self.skip = nn.Conv2d(self.size[1], self.size[2], 1)

    def forward(self, x):
        x = self.conv2(torch.relu(self.conv1(x)))
        return self.skip(x) if self.skip is not None else x


class TensorTrainShape(nn.Module):
    def __init__(self, in_modes=np.array([4, 8, 32]), out_modes=np.array([2, 2, 4])):
        super().__init__()
        self.in_features = int(np.prod(in_modes))
        self.fc = nn.Linear(self.in_features, int(np.prod(out_modes)))

    def forward(self, x):
        return self.fc(x.reshape(-1, self.in_features))


class TensorTrainWrong(TensorTrainShape):
    def __init__(self):
        super().__init__(np.array([4, 8, 16]), np.array([2, 2]))
