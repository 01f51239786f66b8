# input: 4x6
# Grad-CAM code that registers a hook on an activation in forward: under no_grad (forward, as the
# oracle runs it) the activation does not require grad, which is autograd's RuntimeError; and
# nn.PairwiseDistance (a contrastive loss's distance), with its attributes and broadcast check.
import torch
import torch.nn as nn


class GradCam(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(6, 3)
        self.grads = []

    def forward(self, x):
        h = self.fc(x)
        h.register_hook(lambda g: self.grads.append(g))
        return h


class Contrastive(nn.Module):
    def __init__(self, margin=2.0):
        super().__init__()
        self.dist = nn.PairwiseDistance(p=2, keepdim=True)
        self.margin = margin

    def forward(self, x):
        a, b = x[:, :3], x[:, 3:]
        d = self.dist(a, b)
        return torch.clamp(self.margin - d, min=0.0).mean(), d.shape, self.dist.norm, self.dist.eps


class MismatchedPairs(nn.Module):
    def forward(self, x):
        return nn.PairwiseDistance()(x, x[:2])
