#!/usr/bin/python3
"""pool_oracle.py [--cpp] < ROWS.tsv

The PyTorch side of tests/pool_layers_test.cpp: for each row `CALL<TAB>INPUT`
(CALL a constructor such as `AdaptiveAvgPool2d((None, 7))`, or a function call
on the input such as `F.pad(x, (1, 1), mode='reflect')`; INPUT a shape like
2x3x5x5, or `-` for a 0-d tensor), builds the module (under
`from torch.nn import *`) and calls it on torch.rand(INPUT). Prints one line per
row: `STAGE<TAB>RESULT`, where STAGE is `init` (the constructor raised), `call`
(the call raised) or `ok`, and RESULT the output shape as a list, or the first
line of `Type: message` of what was raised.

--cpp prints each row as the C++ table entry tests/pool_layers_test.cpp keeps
(regenerate the table with it; rows that cnnc refuses are marked by hand).
"""
import sys
import warnings

import torch
import torch.nn.functional as F  # noqa: F401  (used by the rows)
from torch.nn import *  # noqa: F401,F403  (the rows name the classes bare)


def run(call, shape):
    x = torch.rand(*shape) if shape else torch.tensor(0.5)
    stage = "init"
    try:
        if call.startswith("F."):
            stage = "call"
            y = eval(call, globals(), {"x": x})
        else:
            m = eval(call)
            stage = "call"
            y = m(x)
        return "ok", str(list(y.shape))
    except Exception as exc:  # the oracle reports whatever PyTorch raised
        return stage, ("%s: %s" % (type(exc).__name__, exc)).split("\n")[0]


def cpp_str(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def main(argv):
    warnings.filterwarnings("ignore")  # UpsamplingNearest2d's deprecation; not part of the answer
    cpp = "--cpp" in argv
    for line in sys.stdin:
        line = line.rstrip("\n")
        if not line:
            continue
        call, inp = line.split("\t")
        shape = [] if inp == "-" else [int(v) for v in inp.split("x")]
        stage, res = run(call, shape)
        if cpp:
            print("    {%s, %s, %s, '%s'}," % (cpp_str(call), cpp_str(inp), cpp_str(res), stage[0]))
        else:
            print("%s\t%s" % (stage, res))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
