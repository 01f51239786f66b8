# input: 2x8x16
# A layer called on an LSTM's whole output, the (output, (h_n, c_n)) tuple, instead of its
# first element: each module raises what its forward does first with the input (1.13).
import torch.nn as nn


class LinearOnTuple(nn.Module):
    def __init__(self):
        super().__init__()
        self.lstm = nn.LSTM(16, 16, batch_first=True)
        self.layer = nn.Linear(16, 4)

    def forward(self, x):
        return self.layer(self.lstm(x))


class Conv1dOnTuple(nn.Module):
    def __init__(self):
        super().__init__()
        self.lstm = nn.LSTM(16, 16, batch_first=True)
        self.layer = nn.Conv1d(8, 4, 3)

    def forward(self, x):
        return self.layer(self.lstm(x))


class Conv1dNoBiasOnTuple(nn.Module):
    def __init__(self):
        super().__init__()
        self.lstm = nn.LSTM(16, 16, batch_first=True)
        self.layer = nn.Conv1d(8, 4, 3, bias=False)

    def forward(self, x):
        return self.layer(self.lstm(x))


class Conv1dSameOnTuple(nn.Module):
    def __init__(self):
        super().__init__()
        self.lstm = nn.LSTM(16, 16, batch_first=True)
        self.layer = nn.Conv1d(8, 4, 3, padding='same')

    def forward(self, x):
        return self.layer(self.lstm(x))


class ReLUOnTuple(nn.Module):
    def __init__(self):
        super().__init__()
        self.lstm = nn.LSTM(16, 16, batch_first=True)
        self.layer = nn.ReLU()

    def forward(self, x):
        return self.layer(self.lstm(x))


class ReLU6OnTuple(nn.Module):
    def __init__(self):
        super().__init__()
        self.lstm = nn.LSTM(16, 16, batch_first=True)
        self.layer = nn.ReLU6()

    def forward(self, x):
        return self.layer(self.lstm(x))


class BatchNorm1dOnTuple(nn.Module):
    def __init__(self):
        super().__init__()
        self.lstm = nn.LSTM(16, 16, batch_first=True)
        self.layer = nn.BatchNorm1d(8)

    def forward(self, x):
        return self.layer(self.lstm(x))


class DropoutOnTuple(nn.Module):
    def __init__(self):
        super().__init__()
        self.lstm = nn.LSTM(16, 16, batch_first=True)
        self.layer = nn.Dropout(0.2)

    def forward(self, x):
        return self.layer(self.lstm(x))


class FlattenOnTuple(nn.Module):
    def __init__(self):
        super().__init__()
        self.lstm = nn.LSTM(16, 16, batch_first=True)
        self.layer = nn.Flatten()

    def forward(self, x):
        return self.layer(self.lstm(x))


class SoftmaxOnTuple(nn.Module):
    def __init__(self):
        super().__init__()
        self.lstm = nn.LSTM(16, 16, batch_first=True)
        self.layer = nn.Softmax(dim=1)

    def forward(self, x):
        return self.layer(self.lstm(x))


class LayerNormOnTuple(nn.Module):
    def __init__(self):
        super().__init__()
        self.lstm = nn.LSTM(16, 16, batch_first=True)
        self.layer = nn.LayerNorm(16)

    def forward(self, x):
        return self.layer(self.lstm(x))


class AdaptiveAvgPool1dOnTuple(nn.Module):
    def __init__(self):
        super().__init__()
        self.lstm = nn.LSTM(16, 16, batch_first=True)
        self.layer = nn.AdaptiveAvgPool1d(1)

    def forward(self, x):
        return self.layer(self.lstm(x))


class MaxPool1dOnTuple(nn.Module):
    def __init__(self):
        super().__init__()
        self.lstm = nn.LSTM(16, 16, batch_first=True)
        self.layer = nn.MaxPool1d(2)

    def forward(self, x):
        return self.layer(self.lstm(x))


class GRUOnTuple(nn.Module):
    def __init__(self):
        super().__init__()
        self.lstm = nn.LSTM(16, 16, batch_first=True)
        self.layer = nn.GRU(16, 8)

    def forward(self, x):
        return self.layer(self.lstm(x))


class IdentityOnTuple(nn.Module):
    def __init__(self):
        super().__init__()
        self.lstm = nn.LSTM(16, 16, batch_first=True)
        self.layer = nn.Identity()

    def forward(self, x):
        return self.layer(self.lstm(x))


class SequentialOnTuple(nn.Module):
    def __init__(self):
        super().__init__()
        self.lstm = nn.LSTM(16, 16, batch_first=True)
        self.layer = nn.Sequential(nn.Linear(16, 4), nn.ReLU())

    def forward(self, x):
        return self.layer(self.lstm(x))


class LinearOnFirst(nn.Module):
    def __init__(self):
        super().__init__()
        self.lstm = nn.LSTM(16, 16, batch_first=True)
        self.fc = nn.Linear(16, 4)

    def forward(self, x):
        out, _ = self.lstm(x)
        return self.fc(out[:, -1])


class ReluOnNone(nn.Module):
    def __init__(self):
        super().__init__()
        self.act = nn.ReLU()

    def forward(self, x):
        y = None
        return self.act(y)


class ActivationInstanceCalledWithInplace(nn.Module):
    """A module instance passed where its class was meant: activation_cls(inplace=True)."""

    def __init__(self, activation_cls=nn.ReLU()):
        super().__init__()
        self.fc = nn.Linear(16, 4)
        self.activation = activation_cls(inplace=True)

    def forward(self, x):
        return self.activation(self.fc(x))


class InputByKeyword(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(16, 4)
        self.act = nn.GELU()

    def forward(self, x):
        return self.act(input=self.fc(input=x))


class InputTwice(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(16, 4)

    def forward(self, x):
        return self.fc(x, input=x)
