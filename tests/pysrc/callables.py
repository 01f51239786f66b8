# input: 2x3x8x8
# Activation factories and callables as configurable blocks take them: a lambda,
# a class, an nn.Module instance and an object with __call__ all have __call__;
# callable() agrees; a string does not, and the helper raises its own TypeError.
import torch
import torch.nn as nn


def get_activation_layer(activation):
    assert activation is not None, "activation shouldn't be of None type"
    if hasattr(activation, "__call__"):
        return activation()
    raise TypeError("activation is not callable function")


class Factory:
    def __call__(self):
        return nn.Tanh()


class ConvBlock(nn.Module):
    def __init__(self, activation=(lambda: nn.ReLU(inplace=True))):
        super().__init__()
        self.conv = nn.Conv2d(3, 4, 3, padding=1)
        self.act = get_activation_layer(activation)

    def forward(self, x):
        return self.act(self.conv(x))


class ClassActivation(ConvBlock):
    def __init__(self):
        super().__init__(nn.ReLU6)


class ObjectActivation(ConvBlock):
    def __init__(self):
        super().__init__(Factory())
        self.flags = (callable(Factory()), callable(nn.ReLU()), callable(len), callable(3), hasattr(len, '__call__'),
                      hasattr(nn.ReLU(), '__call__'), hasattr('relu', '__call__'))

    def forward(self, x):
        return super().forward(x), self.flags


class StringActivation(ConvBlock):
    def __init__(self):
        super().__init__('relu')
