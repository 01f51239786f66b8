# Estrutura básica para projetos de Machine Learning e Deep Learning
# Por Adriano Santos.

import torch.nn as nn
import torch.nn.functional as F
import torch.optim as optim


class Model1(nn.Module):
    def __init__(self):
        super(Model1, self).__init__()
        self.conv1 = nn.Conv2d(1, 32, kernel_size=5)
        self.conv2 = nn.Conv2d(32, 32, kernel_size=5)
        self.conv3 = nn.Conv2d(32,64, kernel_size=5)
        #self.fc1 = nn.Linear(3*3*64, 256)
        self.fc1 = nn.Linear(32*24*24, 256)
        self.fc2 = nn.Linear(256, 10)

    def forward(self, x):
        x = F.relu(self.conv1(x))
        #x = F.dropout(x, p=0.5, training=self.training)
        #x = F.relu(F.max_pool2d(self.conv2(x), 2))
        #x = F.dropout(x, p=0.5, training=self.training)
        #x = F.relu(F.max_pool2d(self.conv3(x),2))
        #x = F.dropout(x, p=0.5, training=self.training)
        #x = x.view(-1,3*3*64 )
        x = x.view(-1,32*24*24)
        x = F.relu(self.fc1(x))
        x = F.dropout(x, training=self.training)
        x = self.fc2(x)
        return F.log_softmax(x, dim=1)