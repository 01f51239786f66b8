# input: 2x8
# torch.autograd.Function as binarized nets use it: an instance made for nothing (`BinWeight(self.weight)`,
# XNOR code, real72), InplaceFunction with a plain-def forward run through apply (real72), and the
# legacy call 1.13 refuses.
import torch
import torch.nn as nn
import torch.nn.functional as F
from torch.autograd.function import InplaceFunction


class BinWeight(torch.autograd.Function):
    @staticmethod
    def forward(ctx, input):
        return input.sign()


class Binarize(InplaceFunction):
    def forward(ctx, input, quant_mode="det", allow_scale=False, inplace=False):
        ctx.inplace = inplace
        output = input.clone()
        return output.sign()

    def backward(ctx, grad_output):
        return grad_output, None, None, None


class LinearBinary(nn.Linear):
    def __init__(self):
        super().__init__(8, 4, bias=False)

    def forward(self, input):
        BinWeight(self.weight)
        return F.linear(input, self.weight, self.bias)


class BinarizeLinear(nn.Linear):
    def __init__(self):
        super().__init__(8, 3)

    def forward(self, input):
        return F.linear(Binarize.apply(input, "det"), Binarize.apply(self.weight), self.bias)


class InplaceFlag(nn.Module):
    def __init__(self):
        super().__init__()
        self.flag = Binarize(inplace=True).inplace
        self.fc = nn.Linear(8, 2)

    def forward(self, x):
        return self.fc(x) if self.flag else x


class LegacyCall(nn.Module):
    def forward(self, x):
        return BinWeight()(x)


class TooManyInplaceArgs(nn.Module):
    def __init__(self):
        super().__init__()
        self.f = Binarize(True, 2)

    def forward(self, x):
        return x
