# input: 2x4
# The re module on names and configuration strings (tsai's snake2camel, `re.sub(r'(?:^|_)([a-z])', lambda x:
# x.group(1).upper(), name)`, real71; a depth read with re.findall): sub, match, search, fullmatch, findall,
# split and the flags, each as Python's re answers.
import re

import torch.nn as nn


def snake2camel(name):
    return re.sub(r'(?:^|_)([a-z])', lambda x: x.group(1).upper(), name)


class Net(nn.Module):
    def __init__(self, arch="resnet_50_wide"):
        super().__init__()
        self.name = snake2camel(arch)
        depth = int(re.findall(r'\d+', arch)[0])
        m = re.match(r'([a-z]+)_(\d+)', arch)
        self.parts = (m.group(1), m.group(2), m.groups(), m.span(2), m.start(), m.end(1))
        self.fc = nn.Linear(4, depth // 10)
        self.tests = [
            re.sub(r'a+', '-', 'baaacaa'),
            re.sub(r'x*', '-', 'abxd'),
            re.sub(r'(\w+)@(\w+)', r'\2 at \1', 'me@host you@there'),
            re.split(r'[,;]\s*', 'a, b;c,  d'),
            re.split(r'(-)', 'a-b-c'),
            re.findall(r'(\d)(\w)', 'a1b2c3d'),
            re.fullmatch(r'conv\d{1,2}', 'conv12') is not None,
            re.fullmatch(r'conv\d{1,2}', 'conv123') is None,
            re.search(r'^b', 'ab') is None,
            re.search(r'b$', 'ab\n') is not None,
            re.sub(r'(?i)x', 'y', 'X') if False else re.sub(r'x', 'y', 'XxX', flags=re.I),
            re.compile(r'[^a-c]+').findall('abcdefabc'),
            re.sub(r'\bcat\b', 'dog', 'cat concat cat.'),
            re.subn(r'o', '0', 'foo boo'),
            re.search(r'a.c', 'a\nc') is None,
            re.search(r'a.c', 'a\nc', re.S) is not None,
            re.findall(r'^\w', 'ab\ncd', re.M),
            re.sub(r'a|ab', 'X', 'abab'),
            re.sub(r'\d+?', '#', '12345'),
            re.findall(r'[A-Z][a-z]*', 'ConvBNReLU'),
            re.split(r'\s+', '  a b  '),
        ]

    def forward(self, x):
        return self.fc(x), self.name, self.parts, self.tests


class Repeats(nn.Module):
    def __init__(self):
        super().__init__()
        self.t = [
            re.sub(r'a{1,3}', '-', 'aaaaaaa'),
            re.sub(r'a{1,3}?', '-', 'aaaa'),
            re.findall(r'\d{2,}', '1 22 333'),
            re.fullmatch(r'(ab){0,2}c', 'ababc') is not None,
            re.fullmatch(r'(ab){0,2}c', 'abababc') is None,
            re.findall(r'x{2}', 'xxxxx'),
            re.sub(r'a{,2}', 'Y', 'b'),
            re.match(r'a{3,1}', 'a') if False else 1,
        ]

    def forward(self, x):
        return x, self.t


class Braces(nn.Module):
    def __init__(self):
        super().__init__()
        self.t = [re.sub(r'a{,}', 'Y', 'baa'), re.findall(r'a{}', 'a{}'), re.findall(r'x{1', 'x{1'), re.sub(r'b{,1}c', '-', 'bbc c')]

    def forward(self, x):
        return x, self.t
