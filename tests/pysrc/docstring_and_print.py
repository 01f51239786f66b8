# input: 2x1x28x28
import torch
import torch.nn as nn
import torch.nn.functional as F


class Documented(nn.Module):
    """A small net.

    With a docstring that mentions forward(self, x): for loops and if.
    """

    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(1, 8, 3, 1, 1)  # same padding
        self.fc = nn.Linear(8 * 14 * 14, 10)

    def forward(self, x):
        """Run it."""
        out = F.max_pool2d(F.relu(self.conv(x)), kernel_size=2)
        print(out.shape)
        out = out.contiguous().view(out.size(0), -1)
        logits = self.fc(out)
        return logits, out
