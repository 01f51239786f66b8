# input: 2x3x3
# A tensor parameter given None, a str or a number beside a tensor (a planar flow's torch.bmm(w, z) with w
# never set, real69): the argument parser's TypeError, naming the parameter; a method counts after self.
import torch
import torch.nn as nn

class AddNone(nn.Module):
    def forward(self, x):
        return torch.add(x, None)

class MulNone(nn.Module):
    def forward(self, x):
        return torch.mul(x, None)

class SubStr(nn.Module):
    def forward(self, x):
        return torch.sub(x, "a")

class DivNone(nn.Module):
    def forward(self, x):
        return torch.div(x, None)

class MethBmm(nn.Module):
    def forward(self, x):
        return x.bmm(None)

class MethMatmul(nn.Module):
    def forward(self, x):
        return x.matmul(None)

class MethAdd(nn.Module):
    def forward(self, x):
        return x.add(None)

class MaxNum(nn.Module):
    def forward(self, x):
        return torch.maximum(x, 2)

class Mm(nn.Module):
    def forward(self, x):
        return torch.mm(x[0], None)

class ExpandAs(nn.Module):
    def forward(self, x):
        return x.expand_as(None)

class Dot(nn.Module):
    def forward(self, x):
        return torch.dot(x[0, 0], 3)

class Mv(nn.Module):
    def forward(self, x):
        return torch.mv(None, x[0, 0])

class Cdist(nn.Module):
    def forward(self, x):
        return torch.cdist(x, None)

class FMul(nn.Module):
    def forward(self, x):
        return x * None
class BmmNoneFirst(nn.Module):
    def forward(self, x):
        return torch.bmm(None, x)


class BmmNoneSecond(nn.Module):
    def forward(self, x):
        return torch.bmm(x, None)


class MatmulNone(nn.Module):
    def forward(self, x):
        return torch.matmul(x, None)


class AddNoneFirst(nn.Module):
    def forward(self, x):
        return torch.add(None, x)


class MulStr(nn.Module):
    def forward(self, x):
        return torch.mul(x, "a")


class BmmInt(nn.Module):
    def forward(self, x):
        return torch.bmm(x, 2)
