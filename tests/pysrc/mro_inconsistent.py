# input: 2x3x8x8
# Bases whose orders cannot be merged: Python's TypeError when the class statement runs,
# so importing the file fails for every class in it.
import torch.nn as nn


class Block(nn.Module):
    def forward(self, x):
        return x


class Net(nn.Module, Block):
    def forward(self, x):
        return x
