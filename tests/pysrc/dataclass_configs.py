# input: 2x3x32x32
# Configurations as dataclasses reach model constructors: defaults, a
# default_factory list, __post_init__ deriving a field, a frozen config, a
# config that extends another, a ClassVar that is no field, replace() and
# asdict(), and the mistakes Python reports: a missing field, a list default,
# a field without a default after one with, both default and default_factory.
from dataclasses import dataclass, field, asdict, replace, fields
import dataclasses
from typing import ClassVar, List

import torch
import torch.nn as nn


@dataclass
class ConvConfig:
    in_channels: int = 3
    widths: List[int] = field(default_factory=lambda: [8, 16])
    kernel: int = 3
    classes: int = 10
    padding: int = field(init=False, default=0)
    scale: ClassVar[int] = 4

    def __post_init__(self):
        self.padding = self.kernel // 2


@dataclass(frozen=True)
class HeadConfig:
    features: int
    classes: int = 10


@dataclass
class WideConfig(ConvConfig):
    dropout: float = 0.5


def build(cfg):
    layers, c = [], cfg.in_channels
    for w in cfg.widths:
        layers += [nn.Conv2d(c, w, cfg.kernel, padding=cfg.padding), nn.ReLU(), nn.MaxPool2d(2)]
        c = w
    return nn.Sequential(*layers), c


class ConfiguredNet(nn.Module):
    def __init__(self, cfg=ConvConfig()):
        super().__init__()
        self.body, c = build(cfg)
        self.head = nn.Linear(c * 8 * 8, cfg.classes)

    def forward(self, x):
        return self.head(self.body(x).flatten(1))


class ReplacedConfig(nn.Module):
    def __init__(self):
        super().__init__()
        cfg = replace(ConvConfig(), widths=[4, 4, 4], kernel=5)
        self.body, c = build(cfg)
        self.size = len(fields(cfg)) + cfg.scale
        self.head = nn.Linear(c * 4 * 4, asdict(cfg)['classes'])

    def forward(self, x):
        return self.head(self.body(x).flatten(1)), self.size


class GrayConfig(nn.Module):
    def __init__(self):
        super().__init__()
        self.body, c = build(WideConfig(in_channels=1))
        self.head = nn.Linear(c * 8 * 8, 10)

    def forward(self, x):
        return self.head(self.body(x).flatten(1))


class FrozenHead(nn.Module):
    def __init__(self):
        super().__init__()
        cfg = HeadConfig(3 * 32 * 32, classes=5)
        self.head = nn.Linear(cfg.features, cfg.classes)

    def forward(self, x):
        return self.head(x.flatten(1)), dataclasses.is_dataclass(cfg := HeadConfig(1)), cfg.classes


class MissingField(nn.Module):
    def __init__(self):
        super().__init__()
        cfg = HeadConfig(classes=5)
        self.head = nn.Linear(cfg.features, cfg.classes)

    def forward(self, x):
        return self.head(x.flatten(1))


class TooManyFields(nn.Module):
    def __init__(self):
        super().__init__()
        self.cfg = HeadConfig(1, 2, 3)

    def forward(self, x):
        return x


class ListDefault(nn.Module):
    def __init__(self):
        super().__init__()

        @dataclass
        class Bad:
            widths: list = [8, 16]

        self.cfg = Bad()

    def forward(self, x):
        return x


class DefaultOrder(nn.Module):
    def __init__(self):
        super().__init__()

        @dataclass
        class Bad:
            depth: int = 2
            width: int

        self.cfg = Bad(3)

    def forward(self, x):
        return x


class BothDefaults(nn.Module):
    def __init__(self):
        super().__init__()
        self.f = field(default=1, default_factory=list)

    def forward(self, x):
        return x


class UnknownField(nn.Module):
    def __init__(self):
        super().__init__()
        self.cfg = ConvConfig(channels=3)

    def forward(self, x):
        return x


@dataclass(frozen=True, slots=True)
class Preset:
    channels: int
    blocks: int = 1

    @classmethod
    def named(cls, name):
        if name == 'small':
            return cls(channels=8, blocks=2)
        raise ValueError(f'unknown preset: {name}')


@dataclass(kw_only=True)
class KeywordConfig:
    channels: int
    classes: int = 10


@dataclass
class MixedConfig:
    channels: int
    dropout: float = field(default=0.0, kw_only=True)
    classes: int = 10
    depth: int = field(kw_only=True)


class PresetNet(nn.Module):
    def __init__(self, name='small'):
        super().__init__()
        cfg = Preset.named(name)
        self.body = nn.Sequential(*[nn.Conv2d(3 if i == 0 else cfg.channels, cfg.channels, 3) for i in range(cfg.blocks)])

    def forward(self, x):
        return self.body(x)


class UnknownPreset(PresetNet):
    def __init__(self):
        super().__init__('large')


class KeywordNet(nn.Module):
    def __init__(self):
        super().__init__()
        a = KeywordConfig(channels=3)
        b = MixedConfig(4, 5, depth=2)
        self.fc = nn.Linear(a.channels * 32 * 32, a.classes + b.classes + b.depth)

    def forward(self, x):
        return self.fc(x.flatten(1))


class KeywordPositional(nn.Module):
    def __init__(self):
        super().__init__()
        self.cfg = KeywordConfig(3)

    def forward(self, x):
        return x


class KeywordMissing(nn.Module):
    def __init__(self):
        super().__init__()
        self.cfg = MixedConfig(4)

    def forward(self, x):
        return x
