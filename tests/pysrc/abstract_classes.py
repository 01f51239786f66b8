# input: 2x3x8x8
# Base model classes declared with abc (real code's `class BaseModel(nn.Module, ABC)`):
# object.__new__ refuses a class that still has abstract methods, before __init__ runs,
# naming them in sorted order; a subclass that implements them all is an ordinary model.
import abc
from abc import ABC, ABCMeta, abstractmethod

import torch.nn as nn


class BaseModel(nn.Module, ABC):
    def __init__(self, width):
        super().__init__()
        self.width = width

    @abstractmethod
    def forward(self, x):
        pass

    @abstractmethod
    def features(self, x):
        raise NotImplementedError

    @property
    @abstractmethod
    def out_channels(self):
        pass


class Classifier(BaseModel):
    def __init__(self):
        super().__init__(4)
        self.conv = nn.Conv2d(3, self.width, 3)
        self.fc = nn.Linear(self.width * 36, 10)

    @property
    def out_channels(self):
        return self.width

    def features(self, x):
        return self.conv(x)

    def forward(self, x):
        return self.fc(self.features(x).flatten(1))


class HalfDone(BaseModel):
    def __init__(self):
        super().__init__(4)

    def features(self, x):
        return x

    def forward(self, x):
        return self.features(x)


class NoFeatures(BaseModel):
    def __init__(self):
        super().__init__(4)

    out_channels = 4

    def forward(self, x):
        return x


class Encoder(nn.Module, metaclass=ABCMeta):
    @abc.abstractmethod
    def encode(self, x):
        pass

    @staticmethod
    @abstractmethod
    def name():
        pass

    def forward(self, x):
        return self.encode(x)


class ConvEncoder(Encoder):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(4, 8, 3)

    @staticmethod
    def name():
        return "conv"

    def encode(self, x):
        return self.conv(x)


class Plain(ABC):
    def describe(self):
        return "plain"


class HoldsPlain(nn.Module):
    def __init__(self):
        super().__init__()
        self.tag = Plain().describe()
        self.pool = nn.MaxPool2d(2)

    def forward(self, x):
        return self.pool(x)


class OldStyleMeta(nn.Module):
    __metaclass__ = ABCMeta

    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(8, 2)

    @abstractmethod
    def forward(self, x):
        return self.fc(x)


class AbstractMissingInit(BaseModel):
    def forward(self, x):
        return x
