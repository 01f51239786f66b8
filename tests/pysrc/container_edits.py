# input: 2x4x32x32
# Deleting from nn.ModuleList and nn.Sequential in a constructor (a CycleGAN
# discriminator drops its first block's norm), and a module-level alias of a
# class; the indices PyTorch refuses.
import torch
import torch.nn as nn


class MainBlock(nn.Module):
    def __init__(self, in_channel=4, out_channel=8, use_instance_norm=False):
        super().__init__()
        self.layers = nn.ModuleList([
            nn.Conv2d(in_channel, out_channel, kernel_size=4, stride=2),
            nn.InstanceNorm2d(out_channel),
            nn.LeakyReLU(0.2),
        ])
        if not use_instance_norm:
            del self.layers[1]
        self.seq = nn.Sequential(nn.Identity(), nn.Conv2d(out_channel, 3, 1), nn.Tanh())
        del self.seq[-3]
        self.names = [name for name, _ in self.named_parameters()]

    def forward(self, x):
        for layer in self.layers:
            x = layer(x)
        return self.seq(x), len(self.layers), self.names


class NormBlock(MainBlock):
    def __init__(self):
        super().__init__(use_instance_norm=True)


class OutOfRange(nn.Module):
    def __init__(self):
        super().__init__()
        self.layers = nn.ModuleList([nn.ReLU()])
        del self.layers[1]

    def forward(self, x):
        return x


class StringIndex(nn.Module):
    def __init__(self):
        super().__init__()
        self.layers = nn.Sequential(nn.ReLU())
        del self.layers['0']

    def forward(self, x):
        return x


Alias = NormBlock
