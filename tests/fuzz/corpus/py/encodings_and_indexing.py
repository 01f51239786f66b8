# -*- coding: latin-1 -*-
import torch.nn as nn
# café
class M(nn.Module):  # °Ô
    def forward(self, x):
        return x[:, [0, 2]].unbind(1)[0].masked_fill(x[:, 0] > 0, 1)
