# input: 2x8x16
# nn.LSTM / nn.GRU / nn.RNN after a convolution (CRNN, CNN-LSTM): forward returns
# (output, h_n) or (output, (h_n, c_n)); their input and hx checks are PyTorch's.
import torch
import torch.nn as nn


class CnnLstm(nn.Module):
    def __init__(self, hidden=32, layers=2, bidirectional=True):
        super().__init__()
        self.conv = nn.Conv1d(8, 16, 3, padding=1)
        self.lstm = nn.LSTM(16, hidden, layers, batch_first=True, bidirectional=bidirectional)
        self.fc = nn.Linear(hidden * (2 if bidirectional else 1), 5)

    def forward(self, x):
        x = self.conv(x).permute(0, 2, 1)
        out, (h, c) = self.lstm(x)
        return self.fc(out[:, -1, :]), h, c


class LastHidden(nn.Module):
    def __init__(self):
        super().__init__()
        self.gru = nn.GRU(16, 24, num_layers=2)
        self.fc = nn.Linear(24, 3)

    def forward(self, x):
        _, h = self.gru(x.permute(2, 0, 1))
        return self.fc(h[-1])


class WrongWidth(nn.Module):
    def __init__(self):
        super().__init__()
        self.rnn = nn.RNN(8, 12, nonlinearity='relu')

    def forward(self, x):
        return self.rnn(x)[0]


class GivenState(nn.Module):
    def __init__(self, layers=1):
        super().__init__()
        self.lstm = nn.LSTM(16, 20, batch_first=True)
        self.layers = layers

    def forward(self, x):
        h0 = torch.zeros(self.layers, x.size(0), 20)
        c0 = torch.zeros(self.layers, x.size(0), 20)
        return self.lstm(x, (h0, c0))[0]


class WrongState(GivenState):
    def __init__(self):
        super().__init__(layers=2)


class InSequential(nn.Module):
    def __init__(self):
        super().__init__()
        self.rnn = nn.Sequential(nn.LSTM(16, 8), nn.LSTM(8, 8))

    def forward(self, x):
        return self.rnn(x)


class Projected(nn.Module):
    def __init__(self):
        super().__init__()
        self.lstm = nn.LSTM(16, 20, proj_size=5, bidirectional=True)

    def forward(self, x):
        out, (h, c) = self.lstm(x[0])
        return out, h, c


class BadProjection(nn.Module):
    def __init__(self):
        super().__init__()
        self.lstm = nn.LSTM(16, 20, proj_size=20)

    def forward(self, x):
        return x


class BadNonlinearity(nn.Module):
    def __init__(self):
        super().__init__()
        self.rnn = nn.RNN(16, 20, nonlinearity='sigmoid')

    def forward(self, x):
        return x


class FourD(nn.Module):
    def __init__(self):
        super().__init__()
        self.gru = nn.GRU(16, 4)

    def forward(self, x):
        return self.gru(x.unsqueeze(0))[0]


class CellSteps(nn.Module):
    def __init__(self, hidden=12):
        super().__init__()
        self.cell = nn.LSTMCell(16, hidden)
        self.gru = nn.GRUCell(hidden, 6)
        self.hidden = hidden

    def forward(self, x):
        h = torch.zeros(x.size(0), self.hidden)
        c = torch.zeros(x.size(0), self.hidden)
        for t in range(x.size(1)):
            h, c = self.cell(x[:, t], (h, c))
        return self.gru(h)


class CellWrongState(CellSteps):
    def __init__(self):
        super().__init__(hidden=12)
        self.hidden = 10


class NoTimeSteps(nn.Module):
    """A sequence sliced to no steps: PyTorch's kernel refuses it (a batch of 0 runs)."""
    def __init__(self):
        super().__init__()
        self.lstm = nn.LSTM(8, 4, batch_first=True)

    def forward(self, x):
        return self.lstm(x.permute(0, 2, 1)[:, :0])[0]


class EmptyBatch(nn.Module):
    def __init__(self):
        super().__init__()
        self.gru = nn.GRU(8, 4, batch_first=True)

    def forward(self, x):
        return self.gru(x.permute(0, 2, 1)[:0])[0]
