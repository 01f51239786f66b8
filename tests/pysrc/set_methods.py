# input: 2x3x16x16
# Set methods and operators as backbone wrappers use them (torchvision's
# IntermediateLayerGetter: `set(return_layers).issubset(names)`), each answer deciding a
# channel count or an error.
import torch.nn as nn


class LayerGetter(nn.Module):
    def __init__(self, return_layers=("conv2",)):
        super().__init__()
        self.conv1 = nn.Conv2d(3, 4, 3, padding=1)
        self.conv2 = nn.Conv2d(4, 8, 3, padding=1)
        names = [name for name, _ in self.named_children()]
        if not set(return_layers).issubset(names):
            raise ValueError("return_layers are not present in model")
        self.wanted = set(return_layers)

    def forward(self, x):
        x = self.conv1(x)
        return self.conv2(x) if "conv2" in self.wanted else x


class Missing(LayerGetter):
    def __init__(self):
        super().__init__(return_layers=("conv3",))


class SetAlgebra(nn.Module):
    def __init__(self):
        super().__init__()
        a, b = {1, 2, 3, 4}, {3, 4, 5}
        width = len(a | b) + len(a & b) * 10 + len(a - b) * 100 + len(a ^ b) * 1000
        width += len(a.union(b, {9})) + len(a.intersection([3])) + len(a.difference(b, {1}))
        flags = [a.issuperset({1, 2}), b.issubset(a), a.isdisjoint({7, 8}), {3}.issubset(b)]
        c = a.copy()
        c.add(10)
        c.discard(1)
        c.update([11, 12])
        width += len(c) + sum(flags) * 10000
        self.conv = nn.Conv2d(3, 1, 3)
        self.fc = nn.Linear(14 * 14, width)

    def forward(self, x):
        return self.fc(self.conv(x).flatten(1))


class RemoveMissing(nn.Module):
    def __init__(self):
        super().__init__()
        s = {"a", "b"}
        s.remove("c")

    def forward(self, x):
        return x
