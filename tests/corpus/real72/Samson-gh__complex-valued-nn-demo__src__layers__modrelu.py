import torch
import torch.nn as nn


class ModReLU(nn.Module):
    """Complex-valued ModReLU activation placeholder."""
    def __init__(self, features):
        super().__init__()
        # TODO: implement learnable bias


def forward(self, z):
# TODO: implement modReLU
    raise NotImplementedError