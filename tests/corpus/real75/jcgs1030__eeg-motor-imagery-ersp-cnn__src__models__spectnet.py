"""
models/spectnet.py
------------------
SpectNet: 4-layer CNN for EEG spectrogram classification
(Ruffini et al., 2018).

Reference:
    Ruffini G. et al., "Deep learning using EEG spectrograms for prognosis
    in idiopathic REM behavior disorder (RBD)", arXiv, 2018.
"""

import torch
import torch.nn as nn
import torch.nn.functional as F


class SpectNet(nn.Module):
    """
    Lightweight 4-layer CNN designed for EEG spectrograms.

    Architecture (adapted from Ruffini et al. 2018):
        Conv2D(depth=8)  → ReLU → MaxPool(temporal)
        Conv2D(depth=16) → ReLU → MaxPool(temporal)
        Flatten
        FC(256) → Dropout(0.5)
        FC(n_classes)   → Softmax

    Input:  (batch, n_channels, n_freq_bins, n_time_bins)
            e.g. (32, 3, 22, 128)
    Output: (batch, n_classes)
            e.g. (32, 2)
    """

    def __init__(self,
                 n_channels: int = 3,
                 n_freq: int = 22,
                 n_time: int = 128,
                 n_classes: int = 2,
                 dropout: float = 0.5):
        super().__init__()

        # ── Convolutional block 1 ──
        self.conv1 = nn.Conv2d(
            in_channels=n_channels,
            out_channels=8,
            kernel_size=(3, 3),
            padding=(1, 1)
        )
        self.pool1 = nn.MaxPool2d(kernel_size=(1, 4))   # temporal reduction

        # ── Convolutional block 2 ──
        self.conv2 = nn.Conv2d(
            in_channels=8,
            out_channels=16,
            kernel_size=(2, 4),
            padding=(0, 0)
        )
        self.pool2 = nn.MaxPool2d(kernel_size=(1, 4))   # temporal reduction

        # Compute flattened layer size
        self._flat_size = self._compute_flat_size(n_channels, n_freq, n_time)

        # ── Fully connected layers ──
        self.fc1     = nn.Linear(self._flat_size, 256)
        self.dropout = nn.Dropout(p=dropout)
        self.fc2     = nn.Linear(256, n_classes)

    def _compute_flat_size(self, n_ch, n_freq, n_time) -> int:
        """Compute the output size of the convolutional layers."""
        dummy = torch.zeros(1, n_ch, n_freq, n_time)
        with torch.no_grad():
            out = self._conv_forward(dummy)
        return int(out.numel())

    def _conv_forward(self, x: torch.Tensor) -> torch.Tensor:
        x = self.pool1(F.relu(self.conv1(x)))
        x = self.pool2(F.relu(self.conv2(x)))
        return x.flatten(start_dim=1)

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        x = self._conv_forward(x)
        x = F.relu(self.fc1(x))
        x = self.dropout(x)
        x = self.fc2(x)
        return x

    def count_parameters(self) -> int:
        return sum(p.numel() for p in self.parameters() if p.requires_grad)


if __name__ == "__main__":
    # Quick model smoke test
    model = SpectNet(n_channels=3, n_freq=22, n_time=128, n_classes=2)
    print(f"SpectNet — Trainable parameters: {model.count_parameters():,}")

    x = torch.randn(16, 3, 22, 128)
    out = model(x)
    print(f"Input: {x.shape}  →  Output: {out.shape}")
