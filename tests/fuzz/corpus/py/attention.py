# input: 2x3x32x32
# Attention as vision models write it: a ViT built on nn.TransformerEncoder with
# batch_first, a self-attention block on a feature map with nn.MultiheadAttention
# (its (output, weights) pair unpacked), and the cross-attention of a decoder with
# kdim/vdim; one patch size the embedding does not fit.
import torch
import torch.nn as nn


class ViT(nn.Module):
    def __init__(self, image=32, patch=4, dim=64, depth=2, heads=4, classes=10):
        super().__init__()
        self.patch = nn.Conv2d(3, dim, patch, stride=patch)
        self.cls = nn.Parameter(torch.zeros(1, 1, dim))
        self.pos = nn.Parameter(torch.zeros(1, (image // patch) ** 2 + 1, dim))
        layer = nn.TransformerEncoderLayer(dim, heads, dim_feedforward=dim * 2, dropout=0.1, activation='gelu',
                                           batch_first=True, norm_first=True)
        self.encoder = nn.TransformerEncoder(layer, depth, norm=nn.LayerNorm(dim))
        self.head = nn.Linear(dim, classes)

    def forward(self, x):
        x = self.patch(x).flatten(2).transpose(1, 2)
        x = torch.cat([self.cls.expand(x.shape[0], -1, -1), x], dim=1) + self.pos
        return self.head(self.encoder(x)[:, 0])


class SelfAttention2d(nn.Module):
    def __init__(self, channels=3, heads=1):
        super().__init__()
        self.mha = nn.MultiheadAttention(channels, heads, batch_first=True)
        self.ln = nn.LayerNorm(channels)

    def forward(self, x):
        b, c, h, w = x.shape
        t = x.view(b, c, h * w).swapaxes(1, 2)
        y, _ = self.mha(self.ln(t), self.ln(t), self.ln(t))
        return (y + t).swapaxes(2, 1).view(b, c, h, w)


class CrossAttention(nn.Module):
    def __init__(self):
        super().__init__()
        self.q = nn.Linear(3 * 32 * 32, 8 * 16)
        self.mha = nn.MultiheadAttention(16, 4, kdim=32, vdim=32)
        self.memory = nn.Parameter(torch.zeros(5, 1, 32))

    def forward(self, x):
        q = self.q(x.flatten(1)).view(x.shape[0], 8, 16).transpose(0, 1)
        mem = self.memory.expand(-1, x.shape[0], -1)
        out, weights = self.mha(q, mem, mem, average_attn_weights=False)
        return out, weights


class WrongPatch(ViT):
    def __init__(self):
        super().__init__(image=28, patch=4)
