# input: 2x3x16x16
# Module.load_state_dict of a mapping the model code builds: 1.13 compares its keys and
# shapes with the module's own (missing and unexpected keys only when strict).
import torch
import torch.nn as nn


class Encoder(nn.Module):
    def __init__(self, state_dict=None, strict=True):
        super().__init__()
        self.net = nn.Sequential(nn.Conv2d(3, 8, 3, padding=1), nn.BatchNorm2d(8), nn.ReLU())
        if state_dict is not None:
            self.net.load_state_dict(state_dict, strict=strict)

    def forward(self, x):
        return self.net(x)


class EmptyDict(Encoder):
    def __init__(self):
        super().__init__({})


class EmptyDictNotStrict(Encoder):
    def __init__(self):
        super().__init__({}, strict=False)


class OwnStateDict(Encoder):
    def __init__(self):
        other = Encoder()
        super().__init__(other.net.state_dict())


class WrongShape(Encoder):
    def __init__(self):
        sd = Encoder().net.state_dict()
        sd["0.weight"] = torch.zeros(8, 1, 3, 3)
        super().__init__(sd, strict=False)


class ExtraKey(Encoder):
    def __init__(self):
        sd = Encoder().net.state_dict()
        sd["3.weight"] = torch.zeros(2)
        super().__init__(sd)


class KeysReturned(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(3, 4)
        missing, unexpected = self.load_state_dict({"fc.weight": torch.zeros(4, 3), "head.bias": torch.zeros(4)}, strict=False)
        self.n_missing = len(missing)
        self.n_unexpected = len(unexpected)

    def forward(self, x):
        return self.fc(x.mean((2, 3))) * self.n_missing + self.n_unexpected


class NotAMapping(Encoder):
    def __init__(self):
        super().__init__([1, 2])
