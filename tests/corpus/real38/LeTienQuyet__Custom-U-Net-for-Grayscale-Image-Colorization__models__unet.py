import math
import torch
import torch.nn as nn

class PositionalEncoding(nn.Module):
    def __init__(self, in_channels):
        super().__init__()
        self.in_channels = in_channels

    def _build(self, n, dim, device):
        pos = torch.arange(n, dtype=torch.float, device=device).unsqueeze(1) #[n, 1]
        div = torch.exp(
            torch.arange(0, dim, 2, device=device).float() *
            (-math.log(10000.0) / dim)
        ) # [dim / 2]
        pe =  torch.zeros(n, dim, device=device) # [n, dim]
        pe[:, 0::2] = torch.sin(pos * div)
        pe[:, 1::2] = torch.cos(pos * div)

        return pe

    def forward(self, h, w, device):
        half_dim = self.in_channels // 2

        # Embed for height
        if not hasattr(self, f'pe_h_{h}_{half_dim}'):
            pe_h = self._build(h, half_dim, device)
            self.register_buffer(f'pe_h_{h}_{half_dim}', pe_h, persistent=True)
        else:
            pe_h = getattr(self, f'pe_h_{h}_{half_dim}').to(device)

        # Embed for width
        if not hasattr(self, f'pe_w_{w}_{half_dim}'):
            pe_w = self._build(w, half_dim, device)
            self.register_buffer(f'pe_w_{w}_{half_dim}', pe_w, persistent=True)
        else:
            pe_w = getattr(self, f'pe_w_{w}_{half_dim}').to(device)

        # Combine both
        pe_h = pe_h.unsqueeze(1).expand(-1, w, -1)
        pe_w = pe_w.unsqueeze(0).expand(h, -1, -1)

        pe = torch.cat([pe_h, pe_w], dim=-1)
        return pe.reshape(h * w, self.in_channels).unsqueeze(0)

class TransformerEncoder(nn.Module):
    def __init__(self, in_channels, dropout=0.3):
        super().__init__()
        num_heads = min(8, max(1, in_channels // 64))
        self.attn = nn.MultiheadAttention(embed_dim=in_channels, num_heads=num_heads, dropout=dropout, batch_first=True)
        self.norm1 = nn.LayerNorm(in_channels)
        self.ff = nn.Sequential(
            nn.Linear(in_channels, 4 * in_channels),
            nn.SiLU(inplace=True),
            nn.Dropout(dropout),
            nn.Linear(4 * in_channels, in_channels),
            nn.Dropout(dropout)
        )
        self.norm2 = nn.LayerNorm(in_channels)

    def forward(self, x):
        # Self-attention block with Pre-LN
        normalized = self.norm1(x)
        attn_out, _ = self.attn(normalized, normalized, normalized)
        x = x + attn_out
        ff_out = self.ff(self.norm2(x))
        x = x + ff_out
        return x

class BottleNeck(nn.Module):
    def __init__(self, in_channels, num_blocks=1):
        super().__init__()

        self.proj_in = nn.Linear(in_features=in_channels, out_features=in_channels)
        self.proj_out = nn.Linear(in_features=in_channels, out_features=in_channels)

        self.pos_enc = PositionalEncoding(in_channels=in_channels)

        self.blocks = nn.ModuleList([
            TransformerEncoder(in_channels) for _ in range(num_blocks)
        ])

    def forward(self, x):
        B, C, H, W = x.shape
        x_flat = x.view(B, C, H * W).permute(0, 2, 1)

        # Add poistion encoding
        pe = self.pos_enc(H, W, x.device)
        x_flat = x_flat + pe

        # In projection
        x_flat = self.proj_in(x_flat)

        # N x Self-attention block with Pre-LN
        for block in self.blocks:
            x_flat = block(x_flat)

        # Out projection
        x_flat = self.proj_out(x_flat)

        x = x_flat.permute(0, 2, 1).view(B, C, H, W)
        return x

class ECA(nn.Module):
    def __init__(self, in_channels, gamma=2, b=1):
        super().__init__()

        t = int(abs((math.log2(in_channels) + b) / gamma))
        k_size = t if t % 2 else t + 1

        self.avg_pool = nn.AdaptiveAvgPool2d(1)  # Global Average Pooling
        self.conv = nn.Conv1d(in_channels=1, out_channels=1, kernel_size=k_size, padding=k_size // 2, bias=False)
        self.sigmoid = nn.Sigmoid()

    def forward(self, x):
        # Global average pooling → [B, C, 1, 1]
        y = self.avg_pool(x)

        y = y.squeeze(-1).transpose(-1, -2)  # [B, 1, C]
        y = self.conv(y)
        y = self.sigmoid(y)
        y = y.transpose(-1, -2).unsqueeze(-1)  # [B, C, 1, 1]

        return x * y.expand_as(x)

class DoubleConvBlock(nn.Module):
    def __init__(self, in_channels, out_channels, mid_channels=None):
        super().__init__()
        if not mid_channels:
            mid_channels = out_channels
        self.double_conv = nn.Sequential(
            nn.Conv2d(in_channels=in_channels, out_channels=mid_channels, kernel_size=3, stride=1, padding=1, bias=False),
            nn.BatchNorm2d(num_features=mid_channels),
            nn.SiLU(inplace=True),
            nn.Conv2d(in_channels=mid_channels, out_channels=out_channels, kernel_size=3, stride=1, padding=1, bias=False),
            nn.BatchNorm2d(num_features=out_channels),
            nn.SiLU(inplace=True)
        )

        self.eca = ECA(in_channels=out_channels)

    def forward(self, x):
        out = self.double_conv(x)
        out = self.eca(out)
        return out

class EncoderBlock(nn.Module):
    def __init__(self, num_features):
        super().__init__()
        self.downsampling = nn.Sequential(
            nn.Conv2d(in_channels=2*num_features, out_channels=2*num_features, kernel_size=4, stride=2, padding=1, bias=False)
        )
        self.encode = DoubleConvBlock(in_channels=num_features, out_channels=2*num_features)

    def forward(self, x):
        enc = self.encode(x)
        x = self.downsampling(enc)
        return enc, x

class AttentionGate(nn.Module):
    def __init__(self, F_dec, F_enc, n_coefficients=None):
        """
        Attention Gate for skip connection in U-Net
        :param F_dec: number of channels in decoder feature map (gating signal)
        :param F_enc: number of channels in corresponding encoder feature map (skip connection)
        :param n_coefficients: number of intermediate channels for attention (optional)
        """
        super().__init__()

        if n_coefficients is None:
            n_coefficients = F_enc // 2

        # Linear projection for decoder feature (gating signal)
        self.W_dec = nn.Sequential(
            nn.Conv2d(in_channels=F_dec, out_channels=n_coefficients, kernel_size=1, stride=1, padding=0, bias=True)
        )

        # Linear projection for encoder feature (skip connection)
        self.W_enc = nn.Sequential(
            nn.Conv2d(in_channels=F_enc, out_channels=n_coefficients, kernel_size=1, stride=1, padding=0, bias=True)
        )

        # Phi: create 1-channel attention map
        self.phi = nn.Sequential(
            nn.Conv2d(in_channels=n_coefficients, out_channels=1, kernel_size=1, stride=1, padding=0, bias=False),
            nn.BatchNorm2d(num_features=1),
            nn.Sigmoid()
        )

        self.act = nn.SiLU(inplace=True)

    def forward(self, dec, enc):
        """
        Forward pass for Attention Gate
        :param dec: feature from decoder layer (gating signal)
        :param enc: feature from corresponding encoder layer (skip connection)
        :return: filtered encoder feature weighted by pixel-wise attention
        """
        # Project decoder feature
        gate = self.W_dec(dec)   # [B, n_coefficients, H, W]
        x = self.W_enc(enc)      # [B, n_coefficients, H, W]
        y = self.act(gate + x)   # [B, n_coefficients, H, W]
        y = self.phi(y)          # [B, 1, H, W]
        return y * enc           # [B, F_enc, H, W]

class DecoderBlock(nn.Module):
    def __init__(self, num_features):
        super().__init__()
        self.upsampling = nn.Sequential(
            nn.Upsample(scale_factor=2, mode="bilinear", align_corners=False),
            nn.Conv2d(in_channels=num_features, out_channels=num_features, kernel_size=3, stride=1, padding=1, bias=False)
        )
        self.attn_gate = AttentionGate(F_dec=num_features, F_enc=num_features, n_coefficients=num_features//2)
        self.decode = DoubleConvBlock(in_channels=2*num_features, out_channels=num_features//2, mid_channels=num_features)

    def forward(self, x, enc):
        x = self.upsampling(x)
        enc = self.attn_gate(x, enc)
        x_merged = torch.cat((x, enc), dim=1)
        return self.decode(x_merged)

class UNet(nn.Module):
    def __init__(self, in_channels=1, out_channels=2, ndims=16, num_blocks=1, depths=4):
        super().__init__()

        # Pre-process
        self.pre_process = nn.Sequential(
            nn.Conv2d(in_channels=in_channels, out_channels=ndims, kernel_size=3, stride=1, padding=1),
            nn.SiLU(inplace=True)
        )

        # Encoder
        self.encoders = nn.ModuleList()
        for i in range(depths):
            self.encoders.append(EncoderBlock(num_features=ndims*(2**i)))

        # Bottle Neck
        self.bottle_neck = BottleNeck(in_channels=ndims*(2**depths), num_blocks=num_blocks)

        # Decoder
        self.decoders = nn.ModuleList()
        for i in range(depths):
            self.decoders.append(DecoderBlock(num_features=ndims*(2**(depths-i))))

        # Post-process
        self.post_process = nn.Sequential(
            nn.Conv2d(in_channels=ndims, out_channels=out_channels, kernel_size=1, stride=1, padding=0),
            nn.Sigmoid()
        )

    def forward(self, x):
        # Pre-process
        x = self.pre_process(x)

        # Encoder
        enc_features = []
        for encoder in self.encoders:
            enc, x = encoder(x)
            enc_features.append(enc)

        # Bottle Neck
        x = self.bottle_neck(x)

        # Decoder
        for decoder, enc in zip(self.decoders, reversed(enc_features)):
            x = decoder(x, enc)

        # Post-process
        x = self.post_process(x)
        return x