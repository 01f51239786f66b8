# input: 2x4
# Losses and optimizers built in constructors, as autoencoder and GAN code often
# does: they are modules and objects like others (their class names in use), and
# PyTorch's own errors when they are built wrong.
import torch
import torch.nn as nn
import torch.optim as optim


class WithLossAndOptimizer(nn.Module):
    def __init__(self, mse=True):
        super().__init__()
        self.fc = nn.Linear(4, 2)
        self.loss_fn = nn.MSELoss() if mse else nn.BCELoss(reduction="sum")
        self.optimizer = torch.optim.Adam(self.parameters(), lr=1e-3)
        self.name = f"{self.loss_fn.__class__.__name__}-{self.optimizer.__class__.__name__}"
        self.tag = (3).__class__.__name__

    def forward(self, x):
        return self.fc(x)


class OptimizerBeforeLayers(nn.Module):
    def __init__(self):
        super().__init__()
        self.optimizer = optim.SGD(self.parameters(), lr=0.1, momentum=0.9)
        self.fc = nn.Linear(4, 2)

    def forward(self, x):
        return self.fc(x)


class LossWithAWrongArgument(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(4, 2)
        self.criterion = nn.CrossEntropyLoss(label_smoothing=0.1, smoothing=0.1)

    def forward(self, x):
        return self.fc(x)


class ShapeErrorAfterTheOptimizer(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(5, 2)
        self.criterion = nn.CrossEntropyLoss(label_smoothing=0.1)
        self.optimizer = optim.AdamW(self.parameters())

    def forward(self, x):
        return self.fc(x)
