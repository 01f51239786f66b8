
import torch
import torch.nn as nn

# Define the two-layer neural network as the local model
class TwoLayerNet(nn.Module):
    def __init__(self, input_size, hidden_size, output_size):
        super(TwoLayerNet, self).__init__()
        self.fc1 = nn.Linear(input_size, hidden_size)
        self.fc2 = nn.Linear(hidden_size, output_size)
        # self.conv1 = nn.Sequential(  
        #              nn.Conv2d(in_channels=1, out_channels=16, kernel_size=5, stride=1, padding=2),
        #              nn.ReLU(),
        #              nn.MaxPool2d(kernel_size=2) # (16,14,14)
        #              )
        # self.conv2 = nn.Sequential( # (16,14,14)
        #              nn.Conv2d(16, 32, 5, 1, 2), # (32,14,14)
        #              nn.ReLU(),
        #              nn.MaxPool2d(2) # (32,7,7)
        #              )
        # self.out = nn.Linear(32*7*7, 10)

    def forward(self, x):
        x = x.view(-1, 28 * 28)  # Flatten input image
        x = torch.relu(self.fc1(x))
        x = self.fc2(x)
        return x
        # x = self.conv1(x)
        # x = self.conv2(x)
        # x = x.view(x.size(0), -1) # (batch, 32,7,7) -> (batch, 32*7*7)
        # output = self.out(x)
        return output


class CharLSTM(nn.Module):
    def __init__(self):
        super(CharLSTM, self).__init__()
        self.embed = nn.Embedding(80, 8)
        self.lstm = nn.LSTM(8, 256, 2, batch_first=True)
        # self.h0 = torch.zeros(2, batch_size, 256).requires_grad_()
        self.drop = nn.Dropout()
        self.out = nn.Linear(256, 90)

    def forward(self, x):
        x = self.embed(x)
        x, hidden = self.lstm(x)
        x = self.drop(x)
        return self.out(x[:, -1, :])
