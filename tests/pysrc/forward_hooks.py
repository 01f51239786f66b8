# input: 2x3x8x8
# register_forward_hook / register_forward_pre_hook, as OOD-detection code captures block
# features (real56): a pre-hook's result replaces the arguments, a hook's the output, and a
# removed handle's hook no longer runs.
import torch
import torch.nn as nn


class Captures(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(3, 4, 3)
        self.fc = nn.Linear(4 * 6 * 6, 10)
        self._features = {}

        def get_hook(name):
            def hook(module, input, output):
                self._features[name] = output.detach()
            return hook
        self.conv.register_forward_hook(get_hook('conv'))

    def forward(self, x):
        y = self.fc(self.conv(x).flatten(1))
        return y, self._features['conv']


class PreHookCrops(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(3, 4, 3)
        self.conv.register_forward_pre_hook(lambda m, args: args[0][:, :, :5])

    def forward(self, x):
        return self.conv(x)


class RemovedHook(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(3, 4, 3)
        h = self.conv.register_forward_hook(lambda m, i, o: o.flatten(1))
        h.remove()
        self.conv.register_forward_hook(lambda m, i, o: o.mean(1))

    def forward(self, x):
        return self.conv(x)


class HookBreaksShape(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(3, 4, 3)
        self.fc = nn.Linear(4 * 6 * 6, 10)
        self.conv.register_forward_hook(lambda m, i, o: o[:, :2])

    def forward(self, x):
        return self.fc(self.conv(x).flatten(1))


class HookKeyword(nn.Module):
    def __init__(self):
        super().__init__()
        self.conv = nn.Conv2d(3, 4, 3)
        self.conv.register_forward_hook(lambda m, i, o: None, prepend=True)

    def forward(self, x):
        return self.conv(x)
