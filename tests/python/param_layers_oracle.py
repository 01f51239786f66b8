#!/usr/bin/python3
"""param_layers_oracle.py [OUT.tsv]

PyTorch 1.13's verdict on the constructor calls and input shapes of the layer
kinds ConvTranspose2d, BatchNorm1d, InstanceNorm2d, LayerNorm and GroupNorm,
for tests/param_layers_test.cpp. Writes (default: stdout) one row per case:

  ctor <TAB> input <TAB> mode <TAB> result

ctor is the constructor call as a model file holds it (tuples, not lists:
the model-file reader has no list displays); input the shape the
module's forward gets ("2x4x5x5"; "()" for a 0-d tensor); mode train or eval.
result is the output size as a list ("[2, 6, 7, 7]") or the exception line
Python prints ("Type: message", newlines written as \\n): the constructor's
exception if construction fails, else the forward's. Then one row per
accepted constructor with its state_dict:

  #params <TAB> ctor <TAB> name[shape]init ...

where init is U<bound> (PyTorch's uniform init bound, from its own
fan-in computation), =<value> (a fill) or =* (an empty tensor: any fill). Regenerate the checked-in table with
  /usr/bin/python3 tests/python/param_layers_oracle.py tests/param_layers_expected.tsv
"""
import math
import sys
import warnings

import torch
import torch.nn as nn
from torch.nn import *  # noqa: F401,F403  (the names a model file uses)
from torch.nn import init

# (ctor, [(input, mode), ...]); mode "train" unless given.
CT = "ConvTranspose2d"
CASES = [
    # ---- ConvTranspose2d: constructor
    (CT + "(4, 6, 3)", ["2x4x5x5", "4x5x5", "2x3x5x5", "3x5x5", "2x20", "2x4x5x5x5", "()", "0x4x5x5", "2x0x5x5",
                        "2x4x0x5", "0x4x0x5", "4x0x5", "2x4x1x1"]),
    (CT + "(4, 6, 3, groups=2)", ["2x4x5x5", "2x6x5x5", "0x4x5x5", "2x4x0x5"]),
    (CT + "(4, 6, 3, groups=0)", []),
    (CT + "(4, 6, 3, groups=-1)", []),
    (CT + "(4, 6, 3, groups=4)", []),
    (CT + "(6, 4, 3, groups=3)", []),
    (CT + "(5, 6, 3, groups=2)", []),
    (CT + "(4, 6, 3, groups=1.5)", []),
    (CT + "(4, 6, 3, groups=2.0)", []),
    (CT + "(4, 6, 3, groups='a')", []),
    (CT + "(4, 6, 3, groups=None)", []),
    (CT + "(4, 6, 3, groups=True)", ["2x4x5x5"]),
    (CT + "(4, 6, 3, padding_mode='reflect')", []),
    (CT + "(4, 6, 3, padding_mode='circular', groups=0)", []),
    (CT + "(4, 6, 3, padding_mode=5)", []),
    (CT + "(4, 6, 3, padding_mode='zeros')", ["1x4x2x2"]),
    (CT + "(4.0, 6, 3)", []),
    (CT + "(True, 6, 3)", []),
    (CT + "(4.5, 6, 3)", []),
    (CT + "(4, 6.0, 3)", []),
    (CT + "('a', 6, 3)", []),
    (CT + "(4, 'a', 3)", []),
    (CT + "(None, 6, 3)", []),
    (CT + "(4, None, 3)", []),
    (CT + "(-4, 6, 3)", []),
    (CT + "(4, -6, 3)", []),
    (CT + "(4, -6, 3, groups=4)", []),
    (CT + "(4, 6, -3)", []),
    (CT + "(4, 6, (3, -1))", []),
    (CT + "(4, 6, 3.0)", []),
    (CT + "(4, 6, (3, 2.0))", []),
    (CT + "(4, 6, None)", []),
    (CT + "(4, 6, 'ab')", []),
    (CT + "(4, 6, (3, True))", ["1x4x3x3"]),
    (CT + "(4, 6, (3, 2))", ["1x4x3x3"]),
    (CT + "(4, 6, ())", ["2x4x5x5"]),
    (CT + "(4, 6, (3,))", ["2x4x5x5"]),
    (CT + "(4, 6, (3, 4, 5))", ["2x4x5x5"]),
    (CT + "(4, 6, 3, bias=False)", ["2x4x5x5"]),
    (CT + "(4, 6, 3, bias=None)", ["2x4x5x5"]),
    (CT + "(4, 6, 3, device='cpu', dtype=torch.float32)", ["2x4x5x5"]),
    (CT + "(4, 6)", []),
    (CT + "(4, 6, 3, 1, 0, 0, 1, True, 1, 'zeros', None, None, 5)", []),
    (CT + "(4, 6, 3, foo=1)", []),
    (CT + "(in_channels=4, out_channels=6, kernel_size=3, stride=2, padding=1, output_padding=1)", ["1x4x3x3"]),
    # forward-time argument checks (cnnc reports them when it reads the file)
    (CT + "(4, 6, 3, stride=1.5)", ["2x4x5x5"]),
    (CT + "(4, 6, 3, stride='a')", ["2x4x5x5"]),
    (CT + "(4, 6, 3, stride=None)", ["2x4x5x5"]),
    (CT + "(4, 6, 3, stride=True)", ["2x4x5x5"]),
    (CT + "(4, 6, 3, stride=(1.5, 2))", ["2x4x5x5"]),
    (CT + "(4, 6, 3, stride=(1, 2.0))", ["2x4x5x5"]),
    (CT + "(4, 6, 3, stride=(1, True))", ["2x4x5x5"]),
    (CT + "(4, 6, 3, stride=(2,))", ["2x4x5x5"]),
    (CT + "(4, 6, 3, stride=(2, 1))", ["2x4x5x5"]),
    (CT + "(4, 6, 3, stride=())", ["2x4x5x5"]),
    (CT + "(4, 6, 3, stride=(1, 2, 3))", ["2x4x5x5"]),
    (CT + "(4, 6, 3, padding='same')", ["2x4x5x5"]),
    (CT + "(4, 6, 3, padding=(1, None))", ["2x4x5x5"]),
    (CT + "(4, 6, 3, padding=(1, 2, 3))", ["2x4x5x5"]),
    (CT + "(4, 6, 3, padding=(1, 2, 3), dilation=(1, 2, 3))", ["2x4x5x5"]),
    (CT + "(4, 6, 3, padding=(1, 2, 3), stride=0.5)", ["2x4x5x5"]),
    (CT + "(4, 6, 3, output_padding=0.5, stride=2)", ["2x4x5x5"]),
    (CT + "(4, 6, 3, output_padding=(1, 2, 3))", ["2x4x5x5"]),
    (CT + "(4, 6, 3, dilation=2.0)", ["2x4x5x5"]),
    (CT + "(4, 6, 3, dilation=(1, 2, 3))", ["2x4x5x5"]),
    # ---- ConvTranspose2d: shape rule
    (CT + "(4, 6, 3, stride=2, output_padding=1)", ["2x4x5x5", "4x5x5"]),
    (CT + "(4, 6, 3, stride=2, output_padding=2)", ["2x4x5x5", "0x4x5x5"]),
    (CT + "(4, 6, 3, output_padding=1)", ["2x4x5x5"]),
    (CT + "(4, 6, 3, dilation=2, output_padding=1)", ["2x4x5x5", "1x4x1x1"]),
    (CT + "(4, 6, 3, stride=(2, 1), output_padding=(1, 1))", ["2x4x5x5"]),
    (CT + "(4, 6, 3, stride=(2, 1), output_padding=(1, 0))", ["2x4x5x5"]),
    (CT + "(4, 6, 3, output_padding=-1)", ["2x4x5x5"]),
    (CT + "(4, 6, 3, output_padding=-1, stride=0)", ["2x4x5x5"]),
    (CT + "(4, 6, 3, output_padding=3, padding=9)", ["2x4x5x5"]),
    (CT + "(4, 6, 3, padding=5)", ["2x4x5x5", "0x4x5x5"]),
    (CT + "(4, 6, 3, padding=3)", ["2x4x2x2", "0x4x5x5"]),
    (CT + "(4, 6, 3, padding=(3, 0))", ["0x4x5x5", "2x4x5x5"]),
    (CT + "(4, 6, 3, padding=2)", ["2x4x1x1", "2x4x2x2"]),
    (CT + "(4, 6, 3, padding=1)", ["2x4x1x1"]),
    (CT + "(4, 6, 3, padding=(1, 2))", ["2x4x1x3", "2x4x1x2"]),
    (CT + "(4, 6, 1, padding=1)", ["2x4x3x3", "2x4x2x2"]),
    (CT + "(4, 6, 3, padding=-1)", ["2x4x5x5"]),
    (CT + "(4, 6, 3, padding=-1, stride=0)", ["2x4x5x5", "2x3x5x5"]),
    (CT + "(4, 6, 3, stride=0)", ["2x4x5x5", "2x3x5x5", "0x4x5x5", "4x5"]),
    (CT + "(4, 6, 3, stride=-1)", ["2x4x5x5"]),
    (CT + "(4, 6, 3, dilation=0)", ["2x4x5x5", "2x3x5x5", "0x4x5x5"]),
    (CT + "(4, 6, 3, dilation=-1)", ["2x4x5x5"]),
    (CT + "(4, 6, 3, dilation=0, padding=9)", ["2x4x5x5"]),
    (CT + "(4, 6, 3, padding=5, dilation=0)", ["0x4x5x5"]),
    (CT + "(4, 6, 3, output_padding=4)", ["0x4x5x5"]),
    (CT + "(4, 6, 0)", ["2x4x5x5", "0x4x5x5"]),
    (CT + "(4, 6, (0, 3))", ["2x4x5x5"]),
    (CT + "(0, 6, 3)", ["2x0x5x5"]),
    (CT + "(4, 0, 3)", ["2x4x5x5", "0x4x5x5"]),
    (CT + "(4, 6, 3, groups=2, dilation=0)", ["2x4x5x5"]),
    (CT + "(4, 6, 3, groups=2, output_padding=1)", ["2x4x5x5"]),
    (CT + "(4, 6, 3, groups=2, padding=4)", ["2x4x5x5"]),
    (CT + "(4, 6, 3, bias=False, padding=4)", ["2x4x5x5"]),
    (CT + "(4, 6, 3, padding=4)", ["4x5x5", "4x0x5"]),
    (CT + "(100, 512, 4, 1, 0, bias=False)", ["2x100x1x1", "100x1x1", "2x100x2x2"]),
    (CT + "(512, 256, 4, 2, 1, bias=False)", ["2x512x4x4", "2x512x1x1"]),
    (CT + "(64, 32, 2, 2)", ["2x64x7x7", "64x7x7"]),
    (CT + "(64, 32, kernel_size=2, stride=2)", ["2x64x14x14"]),
    (CT + "(4, 6, 3, stride=2, padding=1, output_padding=1, dilation=2, groups=2)", ["2x4x5x5"]),
    (CT + "(4, 6, (3, 2), stride=(2, 3), padding=(1, 0), output_padding=(1, 2), groups=2)", ["2x4x5x6"]),
    (CT + "(4, 6, 3, stride=3, output_padding=2, dilation=(1, 3))", ["1x4x4x4"]),
    (CT + "(8, 8, 5, stride=2, padding=2, output_padding=1, groups=8)", ["2x8x7x7"]),
    # ---- BatchNorm1d
    ("BatchNorm1d(4)", ["2x4", "2x4x5", "2x4x5x6", "4", "()", "1x4", "1x4x1", "1x4x3", "2x5", "2x5x3", "0x4", "0x5",
                        "2x0", "2x4x0"]),
    ("BatchNorm1d(4)", [("1x4", "eval"), ("1x4x1", "eval"), ("2x5", "eval")]),
    ("BatchNorm1d(4, track_running_stats=False)", ["2x5", "1x4", ("1x4", "eval"), ("2x4", "eval")]),
    ("BatchNorm1d(4, affine=False, track_running_stats=False)", ["2x5", "3x5x2"]),
    ("BatchNorm1d(4, affine=False)", ["2x5", "2x4x3"]),
    ("BatchNorm1d(4, momentum=None)", ["2x4"]),
    ("BatchNorm1d(4, eps=1e-3, momentum=0.01, affine=True, track_running_stats=True)", ["3x4x2"]),
    ("BatchNorm1d(num_features=8, eps=0.1)", ["2x8"]),
    ("BatchNorm1d(4, momentum=True)", ["2x4"]),
    ("BatchNorm1d(4.0)", []),
    ("BatchNorm1d(4.0, affine=False)", []),
    ("BatchNorm1d(4.0, affine=False, track_running_stats=False)", ["2x4", "2x7"]),
    ("BatchNorm1d(-1)", []),
    ("BatchNorm1d(-1, affine=False)", []),
    ("BatchNorm1d(None)", []),
    ("BatchNorm1d('a')", []),
    ("BatchNorm1d(True)", []),
    ("BatchNorm1d(4.0, device='cpu')", []),
    ("BatchNorm1d(4, eps='a')", ["2x4"]),
    ("BatchNorm1d(4, eps=None)", ["2x4"]),
    ("BatchNorm1d(4, momentum='a')", ["2x4"]),
    ("BatchNorm1d(4, momentum='a', eps='b')", ["2x4"]),
    ("BatchNorm1d()", []),
    ("BatchNorm1d(4, 1e-5, 0.1, True, True, None, None, 1)", []),
    # ---- InstanceNorm2d
    ("InstanceNorm2d(4)", ["2x4x5x5", "4x5x5", "2x4x5", "2x4", "2x4x5x5x5", "()", "2x4x1x1", "4x1x1",
                           ("2x4x1x1", "eval"), "2x6x5x5", "6x5x5", "0x4x5x5", "2x0x5x5", "2x4x0x5", "0x6x1x1",
                           "1x4x1x2"]),
    ("InstanceNorm2d(4, affine=True)", ["2x4x5x5", "2x6x5x5", "6x5x5", "0x4x5x5", "2x0x5x5", "2x4x0x5", "0x6x1x1",
                                        "2x6x1x1", "2x6x0x5", "0x6x5x5"]),
    ("InstanceNorm2d(4, track_running_stats=True)", ["2x4x5x5", "2x6x5x5", ("2x6x5x5", "eval"), ("2x4x1x1", "eval"),
                                                     "2x4x1x1", "0x4x5x5", "0x6x5x5", "2x0x5x5", "2x4x0x5", "2x6x0x5",
                                                     ("0x4x5x5", "eval"), ("2x6x0x5", "eval")]),
    ("InstanceNorm2d(4, affine=True, track_running_stats=True)", ["2x6x5x5", "2x4x3x3", ("3x4x2x2", "eval")]),
    ("InstanceNorm2d(4, eps=1e-3, momentum=0.2, affine=True, track_running_stats=True)", ["2x4x3x3"]),
    ("InstanceNorm2d(4, momentum=None, track_running_stats=True)", ["2x4x5x5"]),
    ("InstanceNorm2d(4, momentum=None)", ["2x4x5x5"]),
    ("InstanceNorm2d(4, momentum='a')", ["2x4x5x5"]),
    ("InstanceNorm2d(4, eps=None)", ["2x4x5x5"]),
    ("InstanceNorm2d(4.0)", ["2x4x5x5", "2x7x5x5"]),
    ("InstanceNorm2d(4.0, affine=True)", []),
    ("InstanceNorm2d(4.0, track_running_stats=True)", []),
    ("InstanceNorm2d(-1, affine=True)", []),
    ("InstanceNorm2d(-1)", ["2x3x2x2"]),
    ("InstanceNorm2d(-1, track_running_stats=True)", []),
    ("InstanceNorm2d(None, affine=True)", []),
    ("InstanceNorm2d(num_features=3, affine=1)", ["2x3x4x4"]),
    ("InstanceNorm2d()", []),
    # ---- LayerNorm
    ("LayerNorm(4)", ["2x4", "4", "2x3x4", "2x5", "2x4x5", "()", "0x4", "1x4"]),
    ("LayerNorm((3, 4))", ["2x3x4", "2x4x3", "4", "3x4", "1x1x3x4"]),
    ("LayerNorm((3, 4), elementwise_affine=False)", ["2x3x4", "2x4x3"]),
    ("LayerNorm((2, 3, 4, 5, 6))", []),
    ("LayerNorm(4.0)", []),
    ("LayerNorm(None)", []),
    ("LayerNorm('ab')", []),
    ("LayerNorm('ab', elementwise_affine=False)", ["2x4"]),
    ("LayerNorm(())", ["2x4"]),
    ("LayerNorm((), elementwise_affine=False)", ["2x4"]),
    ("LayerNorm(-1)", []),
    ("LayerNorm(-1, elementwise_affine=False)", ["2x4"]),
    ("LayerNorm((3, -4))", []),
    ("LayerNorm(4, elementwise_affine=False)", ["2x4", "2x5"]),
    ("LayerNorm(4.0, elementwise_affine=False)", []),
    ("LayerNorm(4, eps='a')", ["2x4"]),
    ("LayerNorm(4, eps=None)", ["2x4"]),
    ("LayerNorm(1)", ["2x1"]),
    ("LayerNorm(0)", ["2x0"]),
    ("LayerNorm((4, 3.0))", []),
    ("LayerNorm((4.0, 3))", []),
    ("LayerNorm((4, None))", []),
    ("LayerNorm((4, None), elementwise_affine=False)", ["2x4"]),
    ("LayerNorm((4.0, 3), elementwise_affine=False)", ["2x4x3"]),
    ("LayerNorm(True)", []),
    ("LayerNorm((True, 2))", []),
    ("LayerNorm((2, True))", ["3x2x1"]),
    ("LayerNorm((1, 2, 3, 4, 5), elementwise_affine=False)", ["1x2x3x4x5", "2x3x4x5"]),
    ("LayerNorm(normalized_shape=(5,), eps=1e-6)", ["2x3x5"]),
    ("LayerNorm()", []),
    # ---- GroupNorm
    ("GroupNorm(2, 4)", ["2x4x5x5", "2x4", "2x4x5", "2x4x5x5x5", "4", "()", "2x6x5x5", "2x5x5x5", "2x3x5x5", "1x4",
                         "0x4x5x5", "2x4x0x5", "2x0x5x5", ("1x4", "eval")]),
    ("GroupNorm(2, 4, affine=False)", ["2x6x5x5", "2x5x5x5", "2x4", "1x2", "1x2x1", "1x4x1", "0x4", "0x3",
                                       ("1x2", "eval")]),
    ("GroupNorm(4, 4)", ["1x4x1x1", "1x4", "2x4x1x1", ("1x4x1x1", "eval")]),
    ("GroupNorm(1, 6, eps=1e-3)", ["2x6x3x3", "1x6"]),
    ("GroupNorm(3, 6, affine=True)", ["3x6x2x2"]),
    ("GroupNorm(2, 5)", []),
    ("GroupNorm(0, 4)", []),
    ("GroupNorm(0, 4.0)", []),
    ("GroupNorm(-2, 4)", ["2x4x3"]),
    ("GroupNorm(-1, 4, affine=False)", ["2x4x3"]),
    ("GroupNorm(2.0, 4)", ["2x4x3"]),
    ("GroupNorm(2.0, 4, affine=False)", ["2x4x5x5"]),
    ("GroupNorm(True, 4)", ["2x4x3"]),
    ("GroupNorm(2, True)", []),
    ("GroupNorm(1, True)", []),
    ("GroupNorm(2, 4.0)", []),
    ("GroupNorm(2, 4.0, affine=False)", ["2x4x3"]),
    ("GroupNorm(3, 4.5)", []),
    ("GroupNorm(None, 4)", []),
    ("GroupNorm(2, None)", []),
    ("GroupNorm('a', 4)", []),
    ("GroupNorm(2, 'a')", []),
    ("GroupNorm(2, -4)", []),
    ("GroupNorm(2, 4, eps='a')", ["2x4x5x5"]),
    ("GroupNorm(2)", []),
    ("GroupNorm(num_groups=2, num_channels=8, eps=1e-6, affine=False)", ["2x8x3x3"]),
]


def shape_of(text):
    return () if text == "()" else tuple(int(v) for v in text.split("x"))


def exception_line(exc):
    return ("%s: %s" % (type(exc).__name__, exc)).replace("\\", "\\\\").replace("\n", "\\n")


def out_list(t):
    return "[" + ", ".join(str(d) for d in t.shape) + "]"


def init_of(module, name, t):
    if t.dtype == torch.int64:
        return "=%d" % int(t)
    if name in ("weight", "bias") and isinstance(module, nn.ConvTranspose2d):
        fan_in, _ = init._calculate_fan_in_and_fan_out(module.weight)
        if name == "weight":   # kaiming_uniform_(a=sqrt(5)), as reset_parameters calls it
            gain = init.calculate_gain("leaky_relu", math.sqrt(5))
            bound = math.sqrt(3.0) * gain / math.sqrt(fan_in) if fan_in else 0.0
        else:
            bound = 1 / math.sqrt(fan_in) if fan_in else 0.0
        return "U%.6g" % bound
    if t.numel() == 0:
        return "=*"   # nothing to tell the fill by
    vals = t.flatten().unique()
    assert vals.numel() <= 1, (module, name)
    return "=%g" % (vals.item() if vals.numel() else 0)


def main():
    out = open(sys.argv[1], "w") if len(sys.argv) > 1 else sys.stdout
    torch.manual_seed(0)
    params = []
    for ctor, inputs in CASES:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            try:
                m = eval(ctor)
            except Exception as e:  # noqa: BLE001 — the message is the point
                out.write("%s\t-\ttrain\t%s\n" % (ctor, exception_line(e)))
                continue
            sd = ["%s%s%s" % (k, list(v.shape), init_of(m, k, v)) for k, v in m.state_dict().items()]
            params.append("#params\t%s\t%s\n" % (ctor, " ".join(sd)))
            for item in inputs:
                text, mode = item if isinstance(item, tuple) else (item, "train")
                mod = eval(ctor)
                mod.train(mode == "train")
                try:
                    res = out_list(mod(torch.randn(shape_of(text))))
                except Exception as e:  # noqa: BLE001
                    res = exception_line(e)
                out.write("%s\t%s\t%s\t%s\n" % (ctor, text, mode, res))
    for p in params:
        out.write(p)


if __name__ == "__main__":
    main()
