# input: 4x2x5
# nn.init's tensor given by keyword (`init.normal_(tensor=torch.Tensor(c, r, d), mean=0.0, std=0.1)`, learned
# compression's factorized priors, real65), none given, and nn.Parameter() / nn.Parameter(None), an empty one.
import torch
import torch.nn as nn


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.H = nn.Parameter(torch.nn.init.normal_(tensor=torch.Tensor(4, 3, 2), mean=0.0, std=0.1))
        self.b = nn.Parameter(nn.init.uniform_(tensor=torch.Tensor(4, 3, 1), a=-0.1, b=0.1))
        self.a = nn.Parameter(nn.init.zeros_(tensor=torch.Tensor(4, 3, 1)))
        self.c = nn.Parameter(nn.init.kaiming_normal_(tensor=torch.empty(4, 3), mode="fan_out"))
        self.d = nn.Parameter(nn.init.constant_(tensor=torch.empty(4, 3), val=0.5))

    def forward(self, x):
        return torch.matmul(self.H, x) + self.b + self.a


class P0(nn.Module):
    def __init__(self):
        super().__init__()
        self.p = nn.Parameter()
        self.q = nn.Parameter(None)

    def forward(self, x):
        return x + self.p.sum() + self.q.numel()


class NoTensor(nn.Module):
    def __init__(self):
        super().__init__()
        self.w = nn.Parameter(torch.empty(3, 3))
        nn.init.normal_(mean=0.0, std=0.1)

    def forward(self, x):
        return x


class OldName(nn.Module):
    def __init__(self):
        super().__init__()
        self.w = nn.Parameter(torch.empty(3, 3))
        nn.init.normal(std=0.1)

    def forward(self, x):
        return x


class EmptyParam(nn.Module):
    def __init__(self):
        super().__init__()
        self.p = nn.Parameter(None)

    def forward(self, x):
        return x.view(x.size(0), -1) + self.p
