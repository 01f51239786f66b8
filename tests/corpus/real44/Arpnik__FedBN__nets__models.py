import torch
import torch.nn as nn
import torch.nn.functional as func
from collections import OrderedDict

def get_norm(norm_type, num_features, num_groups=32, dim=2):
    """
    dim = 2 -> Conv layers
    dim = 1 -> FC layers
    """
    if norm_type == 'bn':
        return nn.BatchNorm2d(num_features) if dim == 2 else nn.BatchNorm1d(num_features)

    elif norm_type == 'gn':
        # GroupNorm does NOT depend on batch size (good for FL)
        return nn.GroupNorm(num_groups=num_groups, num_channels=num_features)

    elif norm_type == 'ln':
        return nn.LayerNorm(num_features)

    elif norm_type == 'none':
        return nn.Identity()

    else:
        raise ValueError(f"Unknown norm type: {norm_type}")

class DigitModel(nn.Module):
    """
    Model for benchmark experiment on Digits. 
    """
    def __init__(self, num_classes=10, **kwargs):
        super(DigitModel, self).__init__()
        self.conv1 = nn.Conv2d(3, 64, 5, 1, 2)
        self.bn1 = nn.BatchNorm2d(64)
        self.conv2 = nn.Conv2d(64, 64, 5, 1, 2)
        self.bn2 = nn.BatchNorm2d(64)
        self.conv3 = nn.Conv2d(64, 128, 5, 1, 2)
        self.bn3 = nn.BatchNorm2d(128)
    
        self.fc1 = nn.Linear(6272, 2048)
        self.bn4 = nn.BatchNorm1d(2048)
        self.fc2 = nn.Linear(2048, 512)
        self.bn5 = nn.BatchNorm1d(512)
        self.fc3 = nn.Linear(512, num_classes)


    def forward(self, x):
        x = func.relu(self.bn1(self.conv1(x)))
        x = func.max_pool2d(x, 2)

        x = func.relu(self.bn2(self.conv2(x)))
        x = func.max_pool2d(x, 2)

        x = func.relu(self.bn3(self.conv3(x)))

        x = x.view(x.shape[0], -1)

        x = self.fc1(x)
        x = self.bn4(x)
        x = func.relu(x)

        x = self.fc2(x)
        x = self.bn5(x)
        x = func.relu(x)

        x = self.fc3(x)
        return x


class AlexNet(nn.Module):
    """
    used for DomainNet and Office-Caltech10
    """
    def __init__(self, num_classes=10, norm='bn', num_groups=32):
        super(AlexNet, self).__init__()
        self.features = nn.Sequential(
            OrderedDict([
                ('conv1', nn.Conv2d(3, 64, kernel_size=11, stride=4, padding=2)),
                ('norm1', get_norm(norm, 64, num_groups, dim=2)),
                ('relu1', nn.ReLU(inplace=True)),
                ('maxpool1', nn.MaxPool2d(kernel_size=3, stride=2)),

                ('conv2', nn.Conv2d(64, 192, kernel_size=5, padding=2)),
                ('norm2', get_norm(norm, 192, num_groups, dim=2)),
                ('relu2', nn.ReLU(inplace=True)),
                ('maxpool2', nn.MaxPool2d(kernel_size=3, stride=2)),

                ('conv3', nn.Conv2d(192, 384, kernel_size=3, padding=1)),
                ('norm3', get_norm(norm, 384, num_groups, dim=2)),
                ('relu3', nn.ReLU(inplace=True)),

                ('conv4', nn.Conv2d(384, 256, kernel_size=3, padding=1)),
                ('norm4', get_norm(norm, 256, num_groups, dim=2)),
                ('relu4', nn.ReLU(inplace=True)),

                ('conv5', nn.Conv2d(256, 256, kernel_size=3, padding=1)),
                ('norm5', get_norm(norm, 256, num_groups, dim=2)),
                ('relu5', nn.ReLU(inplace=True)),
                ('maxpool5', nn.MaxPool2d(kernel_size=3, stride=2)),
            ])
        )
        self.avgpool = nn.AdaptiveAvgPool2d((6, 6))

        self.classifier = nn.Sequential(
            OrderedDict([
                ('fc1', nn.Linear(256 * 6 * 6, 4096)),
                ('norm6', get_norm(norm, 4096, num_groups, dim=1)),
                ('relu6', nn.ReLU(inplace=True)),

                ('fc2', nn.Linear(4096, 4096)),
                ('norm7', get_norm(norm, 4096, num_groups, dim=1)),
                ('relu7', nn.ReLU(inplace=True)),
            
                ('fc3', nn.Linear(4096, num_classes)),
            ])
        )

    def forward(self, x):
        x = self.features(x)
        # Handle MPS limitation with adaptive pooling
        original_device = x.device
        if original_device.type == 'mps':
            x = x.cpu()
        x = self.avgpool(x)
        if original_device.type == 'mps':
            x = x.to(original_device)
        x = torch.flatten(x, 1)
        x = self.classifier(x)
        return x
