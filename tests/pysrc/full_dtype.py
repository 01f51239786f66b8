# input: 2x3
# torch.full's dtype: dtype=, else its fill's (an int fills int64, a bool a mask), as a diffusion U-Net
# fills the null class id to embed (`torch.full((B,), self.null_y_id, dtype=torch.long)`, real68).
import torch
import torch.nn as nn


class A(nn.Module):
    def __init__(self):
        super().__init__()
        self.e = nn.Embedding(10, 4)

    def forward(self, x):
        y = torch.full((x.shape[0],), 3, device=x.device, dtype=torch.long)
        return self.e(y)


class IntFill(nn.Module):
    def __init__(self):
        super().__init__()
        self.e = nn.Embedding(10, 4)

    def forward(self, x):
        return self.e(torch.full((x.size(0), 2), 9))


class OutOfRange(nn.Module):
    def __init__(self):
        super().__init__()
        self.e = nn.Embedding(10, 4)

    def forward(self, x):
        return self.e(torch.full((x.size(0),), 10, dtype=torch.long))


class FloatFill(nn.Module):
    def __init__(self):
        super().__init__()
        self.e = nn.Embedding(10, 4)

    def forward(self, x):
        return self.e(torch.full((x.size(0),), 3.0))


class FloatDtype(nn.Module):
    def __init__(self):
        super().__init__()
        self.e = nn.Embedding(10, 4)

    def forward(self, x):
        return self.e(torch.full((x.size(0),), 3, dtype=torch.float32))


class BoolFill(nn.Module):
    def forward(self, x):
        m = torch.full(x.shape, True)
        return x.masked_fill(m, 0.0)


class IntPlusFloat(nn.Module):
    def forward(self, x):
        return x + torch.full((3,), 2)
