# input: 2x3x8x8
# f-string escapes in the literal parts, and printf-style % formatting with flags, width and
# precision, in the messages that model code raises (real57, real59).
import torch.nn as nn


class FStringEscapes(nn.Module):
    def forward(self, x):
        v = x.size(1)
        s = f"channels {v}\nexpected 1" f"\t{v}\\d"
        raise ValueError(s + "|" + str(len(s)) + "|" + rf"\n{v}")


class PercentFormat(nn.Module):
    def forward(self, x):
        raise ValueError("%d|%5.2f|%-6s|%06.1f|%x|%r|%s|%3d%%|%.3s|%+d|%e|%g|%10.4g|%c" % (
            x.size(1), 2.5, 'ab', -3.14159, 255, 'q', [1, 2], 7, 'abcdef', 5, 12345.678, 0.0001, 3.14159, 65))


class PercentStar(nn.Module):
    def forward(self, x):
        raise ValueError("%*d|%-*s|%.*f" % (5, 3, 4, 'x', 2, 1.23456))


class UnsupportedCharacter(nn.Module):
    def forward(self, x):
        return "%s_%T%d" % ('run', 3)


class TooFewArguments(nn.Module):
    def forward(self, x):
        return "%d %d" % (x.size(0),)


class TensorAsIndex(nn.Module):
    def forward(self, x):
        return [x for _ in range(x[0, 0, 0])]
