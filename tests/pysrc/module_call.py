# input: 2x3x8x8
# A module class with its own __call__ (pix2pix's GANLoss): calling the module runs it,
# not forward; super().__call__ reaches Module's, which runs forward.
import torch.nn as nn


class Loss(nn.Module):
    def __init__(self):
        super().__init__()
        self.loss = nn.MSELoss()

    def __call__(self, input, target_is_real):
        return self.loss(input, input)


class Wrapped(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(3, 4, 3)

    def __call__(self, x):
        return super().__call__(x).flatten(1)

    def forward(self, x):
        return self.conv(x)


class CallOnly(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(3, 4, 3)

    def __call__(self, x):
        return self.conv(x)


class Outer(nn.Module):
    def __init__(self):
        super().__init__()
        self.inner = Wrapped()

    def forward(self, x):
        return self.inner(x)
