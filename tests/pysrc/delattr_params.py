# input: 2x4x6x6
# delattr(self, "bias") on a layer module, then a buffer under the same name (a flow's decoupled
# BatchNorm2d, real69): Module.__delattr__ removes the parameter; deleting what is not there is refused.
import torch
import torch.nn as nn


class DecoupledBatchNorm2d(nn.BatchNorm2d):
    def __init__(self, num_features=4, offset=False, scale=False):
        super().__init__(num_features, affine=True)
        if not offset:
            delattr(self, "bias")
            self.register_buffer("bias", torch.zeros(num_features))
        if not scale:
            delattr(self, "weight")
            self.register_buffer("weight", torch.ones([num_features]))


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.bn = DecoupledBatchNorm2d(4)
        self.conv = nn.Conv2d(4, 8, 3)
        self.count = len(list(self.bn.parameters()))

    def forward(self, x):
        return self.conv(self.bn(x)).flatten(1)[:, : self.count + 3]


class DelChild(nn.Module):
    def __init__(self):
        super().__init__()
        self.a = nn.ReLU()
        self.b = nn.Conv2d(4, 2, 1)
        delattr(self, "a")
        self.n = len(list(self.children()))

    def forward(self, x):
        return self.b(x)[:, : self.n]
