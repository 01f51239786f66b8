# input: 2x8x16
# Autograd's check of in-place writes into parameters: outside torch.no_grad() a parameter (or an
# indexing view of one) that requires grad cannot be written in place, while its .data, its
# detach(), one made with requires_grad=False, a `with torch.no_grad():` block and a function
# decorated with @torch.no_grad() can; forward runs under no_grad as the oracle runs it. And
# nn.GLU / F.glu (Demucs' gated convolutions) with a Hann window built in the constructor.
import torch
import torch.nn as nn
import torch.nn.functional as F


class GatedEncoder(nn.Module):
    def __init__(self, chin=8, hidden=6):
        super().__init__()
        self.conv = nn.Conv1d(chin, hidden, 3, padding=1)
        self.gate = nn.Sequential(nn.Conv1d(hidden, 2 * hidden, 1), nn.GLU(dim=1))
        self.register_buffer("window", torch.hann_window(16, periodic=False))
        with torch.no_grad():
            self.conv.weight.fill_(0.1)
            self.conv.bias[0:2].zero_()
        self.conv.bias.data.mul_(0.5)
        self.conv.bias.detach().zero_()
        self.fixed = nn.Parameter(torch.ones(3), requires_grad=False)
        self.fixed.fill_(2.0)
        self.reset()

    @torch.no_grad()
    def reset(self):
        self.conv.weight.normal_(0, 0.02)

    def forward(self, x):
        self.conv.weight.clamp_(-1, 1)
        return F.glu(self.gate(self.conv(x)) * self.window, dim=-1)


class FillsWeight(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv1d(8, 4, 1)
        self.conv.weight.normal_(0, 0.02)

    def forward(self, x):
        return self.conv(x)


class FillsAView(nn.Module):
    def __init__(self):
        super().__init__()
        self.gamma = nn.Parameter(torch.empty(4, 2, 2))
        self.gamma[:, 0, 0].fill_(0.7)

    def forward(self, x):
        return x


class AssignsAnItem(nn.Module):
    def __init__(self):
        super().__init__()
        self.scale = nn.Parameter(torch.zeros(4))
        self.scale[0] = 1.0

    def forward(self, x):
        return x


class OddGate(nn.Module):
    def forward(self, x):
        return nn.GLU()(x[..., :15])
