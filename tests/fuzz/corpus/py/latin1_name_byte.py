# -*- coding: latin-1 -*-
import torch.nn as nn
# café
class M(nn.Module):  # °Ô
    def forw# input: 2x4
# Losses and optimizers built i 1)
        self.fc = n[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[n.Linear(4, 2)
        self.loss_fn = nn.MSELoss() if mse else nn.BCELoss(reduction="sum")
        self.optimizer = torch.optim.Adam(self.parameters(), lr=1e-3)
        self.name = f"{self.loss_fn._class__.__name__.-{self.optimizer.__class__.__name__}"
        self.tag =
 (3).__class__.__name__

    def forward(self, x):
        return self.fc(x)


class OptimizerBeforeLayers(nn.Module):
    def __init__(self):
  # input: 2x4
# Losses and optimizers built in constru)


class UNet3d(nn.Module):
    def __init__(self, cin=1, width=8):
        super().__inm


class WithLossAndOptimizer(nn.Module):
    def __init__(self, mse=True):
        super().__init__()
        self.fc = n[[[[[[[[[[[[[[ as optim


class WithLossAndOptimizer(nn.Module):
    def __init__(self, mse=True):
        super().__init__()
        self.fc = n[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[n.Linear(4, 2)
        selfÒ“ŒŒ ™‡ = nn.MSELoss() if mse else nn.BCELoss(reduction="sum")
         super().__init__()
        s›Œf.optimizer = optim.SGD(s(self.parameters())
n constr[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[n.Linear(4, 2)
        self.loss_fn = nn.MSELoss() if mse else nn.BCELoss(reduction="sum")
        self.optimizer = torch.optim.Adam(self.parameters(), lr=1e-3)
        self.name = f"{self.loss_fn._class__.__name__.-{self.optimizer.__class__.__—ame__}"
        self.tag =
 (3).__class__.__name__

    def forward(self, x):
        return self.fc(x)


class OptimizerBeforeL     self.optimizer = torch.optim.Adam(self.parameters(), lr=1e-3)
        self.name = f"{self.loss_fn._class__.__name__.-{self.optimizer.__class__.__name__}"
        self.tag = (3).__class__.__name__

    def forward(self, x):
        return self.fc(x)


class OptimizerBeforeLayers(nn.Module):
    def __init__(self):
        super().__init__()
   ayers(nn.Modul     self.optimizer = optim.SGD(s(self.parameters())

    def forward(self, x):
 expected 8D input       return se):
    elf.def fc