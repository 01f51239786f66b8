# input: 2x10x3x3
# Details of calls that real code trips on (real62-real67): ConvTranspose2d(output_size=) and
# _output_padding's words, str(KeyError) as repr, a private name mangled in the message, a
# duplicate keyword named by its callee, 1.13's words for a factory's size, Conv3d's sizes as
# tuples, and an optimizer stepped at construction.
import torch
import torch.nn as nn


class DecoderToSize(nn.Module):
    def __init__(self):
        super().__init__()
        self.up = nn.ConvTranspose2d(10, 32, 3, stride=2)

    def forward(self, x):
        return self.up(x, output_size=[7, 8]), self.up(x, torch.Size([2, 32, 7, 7]))


class DecoderBadSize(nn.Module):
    def __init__(self):
        super().__init__()
        self.up = nn.ConvTranspose2d(10, 32, 3, stride=2)

    def forward(self, x):
        return self.up(x, output_size=(4, 4))


class DecoderSizeCount(nn.Module):
    def __init__(self):
        super().__init__()
        self.up = nn.ConvTranspose2d(10, 32, 3, stride=2)

    def forward(self, x):
        return self.up(x, (7,))


class KeyErrorText(nn.Module):
    def __init__(self, init='normal'):
        super().__init__()
        if init not in ('rand', 'zeros'):
            raise KeyError(f'Invalid initialization parameter {init}, only ["rand", "zeros"] are allowed')


class PrivateInit(nn.Module):
    def __init__(self):
        super().__init()


class Block(nn.Module):
    def __init__(self, cin=10, cout=8, **kwargs):
        super().__init__()
        self.conv = nn.Conv2d(cin, cout, kernel_size=3, **kwargs)

    def forward(self, x):
        return self.conv(x)


class DuplicateKeyword(nn.Module):
    def __init__(self):
        super().__init__()
        self.block = Block(10, 8, kernel_size=3, padding=1)

    def forward(self, x):
        return self.block(x)


class HelperDuplicate(nn.Module):
    def forward(self, x):
        def make(cin, **kw):
            return cin
        return make(x, **{'cin': 2})


class FactorySizeWords(nn.Module):
    def forward(self, x):
        return torch.randn(8, 10, [3, 3])


class FactorySingleWords(nn.Module):
    def forward(self, x):
        return torch.zeros(2.5)


class Conv3dSizes(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv3d(10, 4, 3, padding=1)
        self.n = self.conv.kernel_size[0] * self.conv.kernel_size[1] * self.conv.out_channels

    def forward(self, x):
        return self.conv(x.unsqueeze(2)).flatten(1)[:, :self.n], self.conv.padding, self.conv.stride


class StepsAtBuild(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(90, 5)
        self.opt = torch.optim.SGD(self.parameters(), lr=0.1)
        self.opt.zero_grad()
        self.opt.step()

    def forward(self, x):
        return self.fc(x.flatten(1))
