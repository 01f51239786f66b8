# input: 2x16x8x8
# Network slimming's channel_selection (Eric-mingjie/network-slimming, copied into many
# pruning projects): the channels kept are np.argwhere of a Parameter of torch.ones, read
# through .data.cpu().numpy(); cnnc knows those values until something writes them.
import numpy as np
import torch
import torch.nn as nn


class channel_selection(nn.Module):
    def __init__(self, num_channels):
        super(channel_selection, self).__init__()
        self.indexes = nn.Parameter(torch.ones(num_channels))

    def forward(self, input_tensor):
        selected_index = np.squeeze(np.argwhere(self.indexes.data.cpu().numpy()))
        if selected_index.size == 1:
            selected_index = np.resize(selected_index, (1,))
        output = input_tensor[:, selected_index, :, :]
        return output


class SlimBlock(nn.Module):
    def __init__(self):
        super().__init__()
        self.bn = nn.BatchNorm2d(16)
        self.select = channel_selection(16)
        self.conv = nn.Conv2d(16, 8, 3, padding=1)

    def forward(self, x):
        return self.conv(torch.relu(self.select(self.bn(x))))


class SelectMoreThanThere(nn.Module):
    def __init__(self):
        super().__init__()
        self.select = channel_selection(24)

    def forward(self, x):
        return self.select(x)


class SelectOne(nn.Module):
    def __init__(self):
        super().__init__()
        self.select = channel_selection(1)

    def forward(self, x):
        return self.select(x[:, :1])


class SelectNone(nn.Module):
    def __init__(self):
        super().__init__()
        self.mask = torch.zeros(16)

    def forward(self, x):
        idx = np.squeeze(np.argwhere(self.mask.numpy()), axis=1)
        return x[:, idx]


class CountElements(nn.Module):
    def __init__(self):
        super().__init__()
        self.weight = nn.Parameter(torch.ones(4, 16, 1, 1))

    def forward(self, x):
        n = self.weight.nelement()
        return nn.functional.conv2d(x, self.weight) / n
