# input: 2x1x28x28
# The spatial transformer network of PyTorch's tutorial (spatial_transformer_tutorial.py), as written
# there: F.affine_grid and F.grid_sample, checked (the engines refuse grid_sample: no kernels yet).
import torch
import torch.nn as nn
import torch.nn.functional as F


class Net(nn.Module):
    def __init__(self):
        super(Net, self).__init__()
        self.conv1 = nn.Conv2d(1, 10, kernel_size=5)
        self.conv2 = nn.Conv2d(10, 20, kernel_size=5)
        self.conv2_drop = nn.Dropout2d()
        self.fc1 = nn.Linear(320, 50)
        self.fc2 = nn.Linear(50, 10)
        self.localization = nn.Sequential(
            nn.Conv2d(1, 8, kernel_size=7),
            nn.MaxPool2d(2, stride=2),
            nn.ReLU(True),
            nn.Conv2d(8, 10, kernel_size=5),
            nn.MaxPool2d(2, stride=2),
            nn.ReLU(True)
        )
        self.fc_loc = nn.Sequential(
            nn.Linear(10 * 3 * 3, 32),
            nn.ReLU(True),
            nn.Linear(32, 3 * 2)
        )
        self.fc_loc[2].weight.data.zero_()
        self.fc_loc[2].bias.data.copy_(torch.tensor([1, 0, 0, 0, 1, 0], dtype=torch.float))

    def stn(self, x):
        xs = self.localization(x)
        xs = xs.view(-1, 10 * 3 * 3)
        theta = self.fc_loc(xs)
        theta = theta.view(-1, 2, 3)
        grid = F.affine_grid(theta, x.size())
        x = F.grid_sample(x, grid)
        return x

    def forward(self, x):
        x = self.stn(x)
        x = F.relu(F.max_pool2d(self.conv1(x), 2))
        x = F.relu(F.max_pool2d(self.conv2_drop(self.conv2(x)), 2))
        x = x.view(-1, 320)
        x = F.relu(self.fc1(x))
        x = F.dropout(x, training=self.training)
        x = self.fc2(x)
        return F.log_softmax(x, dim=1)


class WrongTheta(nn.Module):
    def forward(self, x):
        theta = x.new_zeros(x.size(0), 3, 3)
        return F.grid_sample(x, F.affine_grid(theta, x.size(), align_corners=False), align_corners=False)


class WrongGrid(nn.Module):
    def forward(self, x):
        return F.grid_sample(x, x.permute(0, 2, 3, 1), mode='nearest', padding_mode='border', align_corners=True)


class WrongMode(nn.Module):
    def forward(self, x):
        return F.grid_sample(x, torch.zeros(x.size(0), 4, 4, 2), mode='area')


class VolumeBicubic(nn.Module):
    def forward(self, x):
        v = x.unsqueeze(2).expand(-1, -1, 3, -1, -1)
        return F.grid_sample(v, torch.zeros(x.size(0), 2, 4, 4, 3), mode='bicubic')
