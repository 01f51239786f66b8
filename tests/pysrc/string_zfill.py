# input: 2x1x28x28
"""str.zfill naming submodules added with setattr, as real ConvGRU code does. Written for cnnc's tests."""
import torch.nn as nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        for i in range(3):
            setattr(self, 'conv_' + str(i).zfill(2), nn.Conv2d(1, 1, 3))
        self.tag = '-5'.zfill(4) + 'ab'.zfill(1) + ''.zfill(2)
        assert self.tag == '-005ab00', self.tag

    def forward(self, x):
        return self.conv_02(self.conv_01(self.conv_00(x)))
