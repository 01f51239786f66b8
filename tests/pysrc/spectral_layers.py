# input: 2x3x16x16
# Spectral layers as Fourier Neural Operators and frequency-domain blocks write them:
# rfft2 of the input, cfloat weights mixed in with einsum on the low modes written
# into a zeros tensor, irfft2 back to the input's size; the 1-d and 3-d forms with n
# and s; fftshift, view_as_real and torch.complex; and the shapes ATen refuses.
import torch
import torch.nn as nn
import torch.nn.functional as F


class SpectralConv2d(nn.Module):
    def __init__(self, cin=3, cout=4, modes1=4, modes2=4):
        super().__init__()
        self.cout, self.modes1, self.modes2 = cout, modes1, modes2
        scale = 1 / (cin * cout)
        self.weights1 = nn.Parameter(scale * torch.rand(cin, cout, modes1, modes2, dtype=torch.cfloat))
        self.weights2 = nn.Parameter(scale * torch.rand(cin, cout, modes1, modes2, dtype=torch.cfloat))

    def compl_mul2d(self, a, b):
        return torch.einsum("bixy,ioxy->boxy", a, b)

    def forward(self, x):
        b = x.shape[0]
        x_ft = torch.fft.rfft2(x)
        out_ft = torch.zeros(b, self.cout, x.size(-2), x.size(-1) // 2 + 1, dtype=torch.cfloat, device=x.device)
        out_ft[:, :, :self.modes1, :self.modes2] = self.compl_mul2d(x_ft[:, :, :self.modes1, :self.modes2], self.weights1)
        out_ft[:, :, -self.modes1:, :self.modes2] = self.compl_mul2d(x_ft[:, :, -self.modes1:, :self.modes2], self.weights2)
        return torch.fft.irfft2(out_ft, s=(x.size(-2), x.size(-1)))


class FNOBlock(nn.Module):
    def __init__(self, width=3):
        super().__init__()
        self.spectral = SpectralConv2d(width, width)
        self.w = nn.Conv2d(width, width, 1)

    def forward(self, x):
        return F.gelu(self.spectral(x) + self.w(x)), x.dtype, torch.fft.rfft2(x).dtype


class WrongWidth(FNOBlock):
    def __init__(self):
        super().__init__(width=5)


class Spectral1d(nn.Module):
    def forward(self, x):
        seq = x.flatten(2)
        ft = torch.fft.rfft(seq, n=300, dim=-1, norm='ortho')
        back = torch.fft.irfft(ft[..., :20], n=64)
        full = torch.fft.ifft(torch.fft.fft(seq), n=10)
        return ft.shape, back.shape, full.shape, full.real.shape, full.abs().shape


class Spectral3d(nn.Module):
    def forward(self, x):
        vol = x.unsqueeze(1)
        ft = torch.fft.rfftn(vol, dim=[-3, -2, -1])
        shifted = torch.fft.fftshift(torch.fft.fftn(vol, s=(6, -1)), dim=(-2, -1))
        return ft.shape, torch.fft.irfftn(ft, s=(3, 16, 16), dim=(-3, -2, -1)).shape, shifted.shape, \
            torch.fft.rfftfreq(16).shape, torch.fft.fftfreq(7).shape


class RealViews(nn.Module):
    def forward(self, x):
        ft = torch.fft.fft2(x)
        parts = torch.view_as_real(ft)
        again = torch.view_as_complex(parts)
        made = torch.complex(x, torch.zeros_like(x))
        return parts.shape, again.shape, (made * 2 + again).shape, torch.fft.ifft2(made).imag.shape


class RfftOfComplex(nn.Module):
    def forward(self, x):
        return torch.fft.rfft(torch.fft.fft(x))


class ShapeAndDims(nn.Module):
    def forward(self, x):
        return torch.fft.fftn(x, s=(4, 4), dim=(1, 2, 3))


class TooManySizes(nn.Module):
    def forward(self, x):
        return torch.fft.rfftn(x, s=(4, 4, 4, 4, 4))


class RepeatedDims(nn.Module):
    def forward(self, x):
        return torch.fft.rfftn(x, dim=(1, 1))


class DimOutOfRange(nn.Module):
    def forward(self, x):
        return torch.fft.fft(x, dim=5)


class NoPoints(nn.Module):
    def forward(self, x):
        return torch.fft.irfft(torch.fft.rfft(x)[..., :1])


class BadNorm(nn.Module):
    def forward(self, x):
        return torch.fft.rfft2(x, norm='unitary')


class ImagOfReal(nn.Module):
    def forward(self, x):
        return x.imag
