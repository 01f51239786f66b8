# input: 2x3x32x32
import torch
import torch.nn as nn
import torch.nn.functional as F


class AvgNet(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(3, 16, 3, stride=1, padding=1)
        self.fc = nn.Linear(16 * 8 * 8, 10)

    def forward(self, x):
        x = torch.relu(self.conv(x))
        x = F.avg_pool2d(x, kernel_size=4, stride=4)
        x = F.dropout(x, p=0.25, training=self.training)
        x = x.view(-1, 16 * 8 * 8)
        return F.log_softmax(self.fc(x), dim=1)
