# input: 2x3x32x32
# Encoder-decoder attention as detection and captioning heads write it: a DETR-like
# head on nn.Transformer with learned queries (batch_first), a captioning decoder on
# nn.TransformerDecoder over conv features with a causal mask from
# generate_square_subsequent_mask, a pre-norm gelu decoder layer, and a head whose
# d_model misses the features it is given.
import torch
import torch.nn as nn


class DetrHead(nn.Module):
    def __init__(self, dim=32, queries=5, classes=4):
        super().__init__()
        self.backbone = nn.Sequential(nn.Conv2d(3, dim, 4, stride=4), nn.ReLU())
        self.transformer = nn.Transformer(d_model=dim, nhead=4, num_encoder_layers=2, num_decoder_layers=2,
                                          dim_feedforward=64, dropout=0.1, batch_first=True)
        self.query = nn.Parameter(torch.zeros(1, queries, dim))
        self.cls = nn.Linear(dim, classes + 1)
        self.box = nn.Linear(dim, 4)

    def forward(self, x):
        f = self.backbone(x).flatten(2).permute(0, 2, 1)
        h = self.transformer(f, self.query.repeat(x.shape[0], 1, 1))
        return self.cls(h), self.box(h).sigmoid()


class Captioner(nn.Module):
    def __init__(self, dim=48, words=7, vocab=20):
        super().__init__()
        self.words = words
        self.encoder = nn.Conv2d(3, dim, 8, stride=8)
        self.embed = nn.Parameter(torch.zeros(words, 1, dim))
        layer = nn.TransformerDecoderLayer(dim, 6, dim_feedforward=96)
        self.decoder = nn.TransformerDecoder(layer, num_layers=2, norm=nn.LayerNorm(dim))
        self.out = nn.Linear(dim, vocab)

    def forward(self, x):
        memory = self.encoder(x).flatten(2).permute(2, 0, 1)
        tgt = self.embed.expand(-1, x.size(0), -1)
        mask = nn.Transformer.generate_square_subsequent_mask(self.words)
        return self.out(self.decoder(tgt, memory, tgt_mask=mask)).transpose(0, 1)


class PreNormDecoderLayer(nn.Module):
    def __init__(self):
        super().__init__()
        self.proj = nn.Conv2d(3, 16, 8, stride=8)
        self.layer = nn.TransformerDecoderLayer(16, 2, 32, activation='gelu', batch_first=True, norm_first=True)

    def forward(self, x):
        m = self.proj(x).flatten(2).transpose(1, 2)
        return self.layer(m[:, :3], m)


class WrongWidth(nn.Module):
    def __init__(self):
        super().__init__()
        self.backbone = nn.Conv2d(3, 24, 4, stride=4)
        self.transformer = nn.Transformer(d_model=32, nhead=4, num_encoder_layers=1, num_decoder_layers=1)

    def forward(self, x):
        f = self.backbone(x).flatten(2).permute(2, 0, 1)
        return self.transformer(f, f[:4])


class WrongMask(nn.Module):
    def __init__(self):
        super().__init__()
        self.layer = nn.TransformerDecoderLayer(12, 3, 24)

    def forward(self, x):
        seq = x.flatten(2).permute(2, 0, 1)[:, :, :12]
        return self.layer(seq, seq, tgt_mask=nn.Transformer.generate_square_subsequent_mask(5))


class BadActivation(nn.Module):
    def __init__(self):
        super().__init__()
        self.layer = nn.TransformerDecoderLayer(12, 3, 24, activation='tanh')

    def forward(self, x):
        return x
