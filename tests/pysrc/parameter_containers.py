# input: 2x4x8
# nn.ParameterList and nn.ParameterDict as models use them (RealNVP's masks, per-level
# scales): state_dict names, indexing, slicing, iteration, and PyTorch's errors.
import torch
import torch.nn as nn


class Scales(nn.Module):
    def __init__(self, levels=3):
        super().__init__()
        self.scales = nn.ParameterList([nn.Parameter(torch.ones(1, 4, 1)) for _ in range(levels)])
        self.scales.append(torch.zeros(1, 4, 8))
        self.conv = nn.Conv1d(4, 4, 3, padding=1)

    def forward(self, x):
        for s in self.scales[:-1]:
            x = self.conv(x) * s
        names = [n for n, _ in self.named_parameters()]
        assert names[:4] == ['scales.0', 'scales.1', 'scales.2', 'scales.3'], names
        return x + self.scales[-1], len(self.scales)


class Gates(nn.Module):
    def __init__(self):
        super().__init__()
        self.gates = nn.ParameterDict({'a': nn.Parameter(torch.ones(4, 1)), 'b': torch.zeros(4, 1)})
        self.gates.update([('c', nn.Parameter(torch.ones(1)))])

    def forward(self, x):
        assert 'b' in self.gates and list(self.gates.keys()) == ['a', 'b', 'c']
        return x * self.gates['a'] + self.gates['b'] * self.gates['c']


class OutOfRange(nn.Module):
    def __init__(self):
        super().__init__()
        self.ps = nn.ParameterList([nn.Parameter(torch.ones(4, 8))])

    def forward(self, x):
        return x * self.ps[1]


class NotIterable(nn.Module):
    def __init__(self):
        super().__init__()
        self.ps = nn.ParameterList(torch.ones(3))

    def forward(self, x):
        return x


class IntKey(nn.Module):
    def __init__(self):
        super().__init__()
        self.ps = nn.ParameterDict()
        self.ps[0] = nn.Parameter(torch.ones(1))

    def forward(self, x):
        return x


class BadPair(nn.Module):
    def __init__(self):
        super().__init__()
        self.ps = nn.ParameterDict([('a', torch.ones(1), 3)])

    def forward(self, x):
        return x
