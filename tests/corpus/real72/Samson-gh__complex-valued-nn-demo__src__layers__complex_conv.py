import torch
import torch.nn as nn


class ComplexConv2D(nn.Module):
    """Placeholder for complex 2D convolution layer."""
    def __init__(self, in_channels, out_channels, kernel_size, **kwargs):
        super().__init__()
        # TODO: implement real/imag filters


def forward(self, x):
# TODO: implement complex convolution
    raise NotImplementedError