# input: 2x4x5x5
# torch.linalg.lu and the torch.return_types it returns (Glow's LU-decomposed invertible 1x1
# convolution, real69): P, L and U by shape, with ATen's checks; qr's Q and R by name too.
import torch
import torch.nn as nn
import torch.nn.functional as F


class InvConv2d(nn.Module):
    def __init__(self, in_channel=4):
        super().__init__()
        Q, R = torch.linalg.qr(torch.randn(in_channel, in_channel))
        P, L, U = torch.linalg.lu(Q)
        s = torch.diag(U)
        U_mask = torch.triu(torch.ones_like(U), 1)
        L_mask = U_mask.T
        self.register_buffer("P", P)
        self.register_buffer("U_mask", U_mask)
        self.register_buffer("L_mask", L_mask)
        self.register_buffer("s_sign", torch.sign(s))
        self.register_buffer("L_eye", torch.eye(L_mask.shape[0]))
        self.L = nn.Parameter(L)
        self.U = nn.Parameter(U)
        self.s = nn.Parameter(torch.log(torch.abs(s)))

    def forward(self, input):
        _, _, height, width = input.shape
        weight = self.P @ (self.L * self.L_mask + self.L_eye) @ ((self.U * self.U_mask) + torch.diag(self.s_sign * torch.exp(self.s)))
        out = F.conv2d(input, weight.unsqueeze(2).unsqueeze(3))
        return out, height * width * torch.sum(self.s)


class Named(nn.Module):
    def __init__(self):
        super().__init__()
        r = torch.linalg.lu(torch.randn(2, 5, 3))
        q = torch.linalg.qr(torch.randn(5, 3))
        self.shapes = [tuple(r.P.shape), tuple(r.L.shape), tuple(r.U.shape), tuple(q.Q.shape), tuple(q.R.shape)]
        self.fc = nn.Linear(3, sum(len(s) for s in self.shapes))

    def forward(self, x):
        return self.fc(x)


class Vector(nn.Module):
    def __init__(self):
        super().__init__()
        self.p = torch.linalg.lu(torch.randn(3))

    def forward(self, x):
        return x


class NoPivot(nn.Module):
    def __init__(self):
        super().__init__()
        self.p = torch.linalg.lu(torch.randn(3, 3), pivot=False)

    def forward(self, x):
        return x


class BadField(nn.Module):
    def __init__(self):
        super().__init__()
        self.p = torch.linalg.lu(torch.randn(3, 3)).Q

    def forward(self, x):
        return x
