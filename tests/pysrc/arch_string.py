# input: 2x3x32x32
# A net decoded from an architecture string (str.index, str.isnumeric, vars(obj) written
# through), with a pretrained-weights path tested by os.path.exists before loading, as
# configuration-driven model files do.
import os
import torch.nn as nn


class Spec:
    pass


def decode(arch):
    specs = []
    for item in [x.strip() for x in arch.split(';')]:
        spec = Spec()
        lo, hi = item.index('('), item.index(')')
        spec.kind = item[:lo]
        for option in item[lo + 1:hi].split(','):
            key, value = option.split()
            vars(spec)[key] = int(value) if value.isnumeric() else value
        specs.append(spec)
    return specs


class StringNet(nn.Module):
    def __init__(self, arch="conv(och 8, ker 3); pool(k 2); conv(och 16, ker 3); fc(out 10)",
                 weights=os.path.join("pretrained", "string_net.pth")):
        super().__init__()
        layers, ch = [], 3
        for s in decode(arch):
            if s.kind == 'conv':
                layers += [nn.Conv2d(ch, s.och, s.ker), nn.ReLU()]
                ch = s.och
            elif s.kind == 'pool':
                layers.append(nn.MaxPool2d(s.k))
            else:
                layers += [nn.Flatten(), nn.Linear(ch * 12 * 12, s.out)]
        self.body = nn.Sequential(*layers)
        if weights and os.path.exists(weights):
            raise RuntimeError("no weights are shipped: this branch never runs")

    def forward(self, x):
        return self.body(x)


class MissingBracket(nn.Module):
    def __init__(self):
        super().__init__()
        self.body = nn.Sequential(*[nn.Conv2d(3, s.och, 3) for s in decode("conv och 8")])

    def forward(self, x):
        return self.body(x)
