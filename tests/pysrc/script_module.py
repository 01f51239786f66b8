# input: 2x3x16x16
# torch.jit.ScriptModule models (`import torch.jit`, @torch.jit.script_method, __constants__),
# as an SVHN digit reader writes them: a forward that runs gives the eager shapes; an error
# inside one is the TorchScript interpreter's (RuntimeError for an op's error, torch.jit.Error
# for a Python raise the script compiled: BatchNorm's batch-of-one ValueError).
# A torch.nn.functional.multi_head_attention_forward call with a module's own projections.
import torch
import torch.jit
import torch.nn as nn
import torch.nn.functional as F


class DigitReader(torch.jit.ScriptModule):
    __constants__ = ['_features', '_length', '_digits']

    def __init__(self, width=16):
        super(DigitReader, self).__init__()
        self._features = nn.Sequential(nn.Conv2d(3, 8, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                                       nn.Conv2d(8, 8, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2))
        self._length = nn.Sequential(nn.Linear(8 * (width // 4) ** 2, 7))
        self._digits = nn.Sequential(nn.Linear(8 * (width // 4) ** 2, 11), nn.BatchNorm1d(11))

    @torch.jit.script_method
    def forward(self, x):
        x = self._features(x)
        x = x.view(x.size(0), 8 * 4 * 4)
        return self._length(x), self._digits(x)


class WrongWidthReader(DigitReader):
    # built for 20-pixel crops, given 16: the view's error, as TorchScript reports it
    def __init__(self):
        super().__init__(width=20)


class OneDigit(nn.Module):
    def __init__(self):
        super().__init__()
        self.reader = DigitReader()

    def forward(self, x):
        return self.reader(x[:1])[1]


class Attend(nn.Module):
    def __init__(self, dim=16, heads=2):
        super().__init__()
        self.dim, self.heads = dim, heads
        self.embed = nn.Conv2d(3, 16, 1)
        self.in_proj_weight = nn.Parameter(torch.rand(3 * dim, dim))
        self.in_proj_bias = nn.Parameter(torch.zeros(3 * dim))
        self.out_proj = nn.Linear(dim, dim)

    def forward(self, x):
        seq = self.embed(x).flatten(2).permute(2, 0, 1)
        return F.multi_head_attention_forward(seq, seq, seq, self.dim, self.heads, self.in_proj_weight,
                                              self.in_proj_bias, None, None, False, 0.0, self.out_proj.weight,
                                              self.out_proj.bias, training=self.training)


class AttendWrongWidth(Attend):
    def __init__(self):
        super().__init__(dim=12, heads=2)
