# input: 2x12x8x8
# Linear algebra on square weights as normalizing flows write it: Glow's invertible
# 1x1 convolution initialised from torch.qr and its log-determinant from slogdet,
# the inverse for the reverse pass, torch.linalg's forms, and the non-square and
# one-dimensional inputs ATen refuses.
import torch
import torch.nn as nn
import torch.nn.functional as F


class InvConv2d(nn.Module):
    def __init__(self, dim=12):
        super().__init__()
        self.w = nn.Parameter(torch.qr(torch.randn(dim, dim))[0])

    def forward(self, x):
        z = F.conv2d(x, self.w.unsqueeze(-1).unsqueeze(-1))
        logdet = torch.slogdet(self.w)[1] * x.size(2) * x.size(3)
        back = F.conv2d(z, torch.inverse(self.w).unsqueeze(-1).unsqueeze(-1))
        return z, logdet, back


class LinalgForms(nn.Module):
    def __init__(self, dim=12):
        super().__init__()
        q, r = torch.linalg.qr(torch.randn(2, dim, 5))
        qc, rc = torch.linalg.qr(torch.randn(dim, 5), mode='complete')
        qs, rs = torch.qr(torch.randn(dim, 5), some=False)
        self.shapes = (q.shape, r.shape, qc.shape, rc.shape, qs.shape, rs.shape)
        self.w = nn.Parameter(torch.linalg.inv(torch.eye(dim)))

    def forward(self, x):
        sign, logabs = torch.linalg.slogdet(self.w.expand(3, 12, 12))
        return self.shapes, sign.shape, logabs.shape, torch.det(self.w).shape, torch.linalg.det(self.w[None]).shape, torch.logdet(self.w).shape


class WrongChannels(InvConv2d):
    def __init__(self):
        super().__init__(dim=6)


class NonSquare(nn.Module):
    def forward(self, x):
        return torch.slogdet(x[0, :3, 0])


class OneDim(nn.Module):
    def forward(self, x):
        return torch.linalg.inv(x[0, 0, 0])


class QrOfVector(nn.Module):
    def forward(self, x):
        return torch.qr(x[0, 0, 0])


class LogdetNonSquare(nn.Module):
    def forward(self, x):
        return torch.logdet(x[0, 0, :3])
