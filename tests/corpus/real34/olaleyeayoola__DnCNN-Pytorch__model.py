import torch.nn as nn


class DnCNN(nn.Module):
    def __init__(self):
        super(DnCNN, self).__init__()

        # in layer
        self.conv1 = nn.Conv2d(
            in_channels=3,
            out_channels=64,
            kernel_size=3,
            padding=1,
            bias=False
        )

        self.relu1 = nn.ReLU(inplace=True)

        # hidden layers
        hidden_layers = []
        for _ in range(18):
            hidden_layers.append(nn.Conv2d(
                in_channels=64,
                out_channels=64,
                kernel_size=3,
                padding=1,
                bias=False
            ))
            hidden_layers.append(nn.BatchNorm2d(64))
            hidden_layers.append(nn.ReLU(inplace=True))

        self.mid_layer = nn.Sequential(*hidden_layers)

        # out layer
        self.conv3 = nn.Conv2d(
            in_channels=64,
            out_channels=3,
            kernel_size=3,
            padding=1,
            bias=False
        )

    def forward(self, x):
        out = self.relu1(self.conv1(x))
        out = self.mid_layer(out)
        out = self.conv3(out)
        return out
