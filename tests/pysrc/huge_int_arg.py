# input: 2x1x28x28
# An int argument past 64 bits: PyTorch's error depends on where the int goes
# (torch.empty's size here); cnnc refuses the line instead of guessing.
import torch.nn as nn

M = 2**70


class HugeWidth(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(M, 10)  # <- cnnc stops here

    def forward(self, x):
        return self.fc(x.view(x.size(0), -1))
