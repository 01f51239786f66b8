# input: 2x1x8x16x16
# The volume layers (3-D U-Nets, V-Net, video and CT models): Conv3d, ConvTranspose3d,
# the 3-d pools, BatchNorm3d, InstanceNorm3d, Dropout3d, and a batch norm written on
# _BatchNorm with F.batch_norm, as V-Net's ContBatchNorm3d.
import torch
import torch.nn as nn
import torch.nn.functional as F


class ContBatchNorm3d(nn.modules.batchnorm._BatchNorm):
    def _check_input_dim(self, input):
        if input.dim() != 5:
            raise ValueError('expected 5D input (got {}D input)'.format(input.dim()))

    def forward(self, input):
        self._check_input_dim(input)
        return F.batch_norm(input, self.running_mean, self.running_var, self.weight, self.bias, True, self.momentum,
                            self.eps)


class AbstractCheck(nn.modules.batchnorm._BatchNorm):
    def _check_input_dim(self, input):
        super(AbstractCheck, self)._check_input_dim(input)


class UNet3d(nn.Module):
    def __init__(self, cin=1, width=8):
        super().__init__()
        self.enc = nn.Sequential(nn.Conv3d(cin, width, 3, padding=1), nn.BatchNorm3d(width), nn.ReLU(inplace=True))
        self.pool = nn.MaxPool3d(2)
        self.mid = nn.Sequential(nn.Conv3d(width, 2 * width, (3, 3, 3), padding=(1, 1, 1)), ContBatchNorm3d(2 * width),
                                 nn.Dropout3d(0.1))
        self.up = nn.ConvTranspose3d(2 * width, width, kernel_size=2, stride=2)
        self.out = nn.Conv3d(2 * width, 2, 1)

    def forward(self, x):
        e = self.enc(x)
        m = self.up(self.mid(self.pool(e)))
        return self.out(torch.cat([e, m], dim=1))


class VideoNet(nn.Module):
    def __init__(self, frames=8):
        super().__init__()
        self.conv = nn.Conv3d(1, 4, kernel_size=(3, 5, 5), stride=(1, 2, 2), padding=(1, 2, 2))
        self.norm = nn.InstanceNorm3d(4, affine=True)
        self.pool = nn.AvgPool3d((2, 2, 2), ceil_mode=True)
        self.gap = nn.AdaptiveAvgPool3d((None, 1, 1))
        self.fc = nn.Linear(4 * (frames // 2), 10)

    def forward(self, x):
        x = self.gap(self.pool(self.norm(self.conv(x))))
        return self.fc(x.flatten(1))


class TooDeep(nn.Module):
    def __init__(self):
        super().__init__()
        self.body = nn.Sequential(nn.Conv3d(1, 4, 3), nn.MaxPool3d(2), nn.Conv3d(4, 4, 3), nn.MaxPool3d(2),
                                  nn.Conv3d(4, 4, 3))

    def forward(self, x):
        return self.body(x)


class WrongChannels(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv3d(3, 4, 3)

    def forward(self, x):
        return self.conv(x)


class NotAVolume(nn.Module):
    def __init__(self):
        super().__init__()
        self.bn = ContBatchNorm3d(1)

    def forward(self, x):
        return self.bn(x[0])


class Abstract(nn.Module):
    def __init__(self):
        super().__init__()
        self.bn = AbstractCheck(1)

    def forward(self, x):
        return self.bn(x)


class MaxAdaptive(nn.Module):
    def __init__(self):
        super().__init__()
        self.pool = nn.AdaptiveMaxPool3d((2, 4, 4))
        self.bn = nn.BatchNorm3d(2)

    def forward(self, x):
        return self.bn(self.pool(x))
