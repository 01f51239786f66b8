# input: 2x6
# x.data = t on a tensor forward computed (a binarized net's `input.data = Binarize(input.data)`, real72):
# every name bound to x sees t's values and shape from then on; data must be a tensor.
import torch
import torch.nn as nn
import torch.nn.functional as F


class Binarize(torch.autograd.Function):
    @staticmethod
    def forward(ctx, x):
        return x.sign()


class BinarizeLinear(nn.Linear):
    def __init__(self):
        super().__init__(6, 4)

    def forward(self, input):
        if input.size(1) != 784:
            input.data = Binarize.apply(input.data)
        return F.linear(input, self.weight, self.bias)


class Reshape(nn.Module):
    def forward(self, x):
        y = x
        x.data = x.data.view(x.size(0), 2, -1)
        return y.shape, x.shape


class NotTensor(nn.Module):
    def forward(self, x):
        x.data = 3
        return x
