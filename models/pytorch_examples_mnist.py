# The `Net` class of pytorch/examples' MNIST example, as its authors wrote it:
# https://github.com/pytorch/examples/blob/main/mnist/main.py (BSD-3-Clause,
# Copyright (c) 2017, PyTorch contributors). Only the class and its imports are
# kept; its recipe (Adadelta lr 1.0, StepLR step_size 1 gamma 0.7, batch 64,
# F.nll_loss on the log_softmax output) is cnnc's flags in docs/records.md:
#
#   cnnc train models/pytorch_examples_mnist.py --class Net --input 1x28x28 \
#       --data data/mnist --optim adadelta --lr 1.0 --sched step --step-size 1 --gamma 0.7
import torch
import torch.nn as nn
import torch.nn.functional as F


class Net(nn.Module):
    def __init__(self):
        super(Net, self).__init__()
        self.conv1 = nn.Conv2d(1, 32, 3, 1)
        self.conv2 = nn.Conv2d(32, 64, 3, 1)
        self.dropout1 = nn.Dropout(0.25)
        self.dropout2 = nn.Dropout(0.5)
        self.fc1 = nn.Linear(9216, 128)
        self.fc2 = nn.Linear(128, 10)

    def forward(self, x):
        x = self.conv1(x)
        x = F.relu(x)
        x = self.conv2(x)
        x = F.relu(x)
        x = F.max_pool2d(x, 2)
        x = self.dropout1(x)
        x = torch.flatten(x, 1)
        x = self.fc1(x)
        x = F.relu(x)
        x = self.dropout2(x)
        x = self.fc2(x)
        output = F.log_softmax(x, dim=1)
        return output
