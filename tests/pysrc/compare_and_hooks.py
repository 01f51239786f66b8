# input: 2x1x16x16
# torch.eq / x.gt and kin as the masks comparison operators make (a focal loss's
# torch.where(torch.eq(gt, 1.), p, 1 - p)), and backward hooks registered in a constructor
# (a deformable conv's learning-rate hook): never run by a forward, their handle removable;
# a module takes one kind of backward hook (1.13's RuntimeError for the other).
import torch
import torch.nn as nn


class FocalMap(nn.Module):
    def __init__(self, alpha=0.25):
        super().__init__()
        self.alpha = alpha
        self.conv = nn.Conv2d(1, 1, 3, padding=1)

    def forward(self, x):
        p = torch.sigmoid(self.conv(x))
        pt = torch.where(torch.eq(x, 1.), p, 1 - p)
        w = torch.where(x.gt(0.5), self.alpha, 1 - self.alpha)
        return (w * pt).mean(dim=(2, 3)) + torch.ne(x, x.mean()).sum()


class HookedOffsets(nn.Module):
    def __init__(self):
        super().__init__()
        self.p_conv = nn.Conv2d(1, 18, 3, padding=1)
        self.m_conv = nn.Conv2d(1, 9, 3, padding=1)
        self.p_conv.register_backward_hook(self._set_lr)
        handle = self.m_conv.register_full_backward_hook(self._set_lr)
        handle.remove()

    @staticmethod
    def _set_lr(module, grad_input, grad_output):
        return grad_input

    def forward(self, x):
        return self.p_conv(x) * self.m_conv(x).sum()


class MixedHookKinds(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(1, 2, 3)
        self.conv.register_backward_hook(HookedOffsets._set_lr)
        self.conv.register_full_backward_hook(HookedOffsets._set_lr)

    def forward(self, x):
        return self.conv(x)


class CompareNumberFirst(nn.Module):
    def forward(self, x):
        return torch.lt(0.5, x)
