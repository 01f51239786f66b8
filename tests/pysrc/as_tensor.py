# input: 2x16x4x4
# torch.as_tensor: a tensor is returned itself, anything else made as torch.tensor makes it
# (a decoder's `nn.Linear(h, torch.as_tensor(unflattened_size).prod().item())`, real70; a spiking
# layer's `torch.as_tensor(0.001, dtype=torch.float32)` constants, real72).
import torch
import torch.nn as nn


class Decoder(nn.Module):
    def __init__(self, unflattened_size=(16, 4, 4), hidden=32):
        super().__init__()
        self.fc = nn.Linear(hidden, torch.as_tensor(unflattened_size).prod().item())
        self.enc = nn.Linear(256, hidden)
        self.unflatten = nn.Unflatten(1, unflattened_size)

    def forward(self, x):
        return self.unflatten(self.fc(self.enc(x.flatten(1))))


class Constants(nn.Module):
    def __init__(self):
        super().__init__()
        self.dt = torch.as_tensor(0.001, dtype=torch.float32)
        self.threshold = torch.as_tensor(1, dtype=torch.float32)

    def forward(self, x):
        return x * self.dt - self.threshold


class Same(nn.Module):
    def forward(self, x):
        y = torch.as_tensor(x)
        return y is x, y.shape


class BadKeyword(nn.Module):
    def forward(self, x):
        return torch.as_tensor([1, 2], requires_grad=True)

