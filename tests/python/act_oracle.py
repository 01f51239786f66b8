#!/usr/bin/python3
"""act_oracle.py — PyTorch 1.13 (run with /usr/bin/python3) as the oracle for the
activation, softmax, Identity, Dropout2d and NLL kinds (tests/act_*_test.cpp).

  act_oracle.py shapes > tests/act_shape_cases.tsv
      One line per case in CASES: CONSTRUCTOR<TAB>INPUT<TAB>MODE<TAB>WHEN<TAB>RESULT.
      The constructor runs as Python evaluates it in a model file (`from torch.nn
      import *`), then the module, in MODE (train or eval), runs on a tensor of
      shape INPUT ("2x3", "" for a 0-d tensor). RESULT is the output size as a
      list, `[2, 3]`, or the exception line Python prints (`Type: message`,
      newlines written as \\n); WHEN says where it was raised: `ctor` (the
      constructor), `forward`, or `-` (no exception). Warnings are not results.
  act_oracle.py kernels OUT.safetensors
      Seeded inputs and PyTorch's outputs and input gradients for each kernel
      case (see kernels()), with NaN, +-inf, +-0 and the kinks ahead of the
      random values: `<case>.x`, `<case>.dy`, `<case>.y`, `<case>.dx`, plus
      `<case>.target` and `<case>.loss` for nll_loss.
"""
import os
import sys
import warnings
from collections import OrderedDict

import torch
import torch.nn as nn
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from parity_common import st_save  # noqa: E402

# (constructor text, input shape, mode). Each kind with its inputs that work, the
# ranks it accepts, and what breaks it: constructor checks, forward-time argument
# checks, dims out of range, names, ranks too low. Only what a .cnn model file can
# say (no list literals, no float('nan'): `1e999 - 1e999` is a NaN there).
CASES = [
    # Sigmoid / Tanh: Module.__init__ takes no arguments
    ("Sigmoid()", "2x3x4x5", "train"), ("Sigmoid()", "", "train"), ("Sigmoid()", "0x3", "train"),
    ("Sigmoid(1)", "2x3", "train"), ("Sigmoid(inplace=True)", "2x3", "train"),
    ("Tanh()", "7", "train"), ("Tanh(x=1)", "2x3", "train"), ("Tanh(1, 2)", "2x3", "train"),
    # ReLU6
    ("ReLU6()", "2x3x4x5", "train"), ("ReLU6(inplace=True)", "5", "eval"), ("ReLU6(True)", "1x1x1x1x1", "train"),
    ("ReLU6(1, 2)", "2x3", "train"), ("ReLU6(min_val=0.0)", "2x3", "train"),
    # Hardtanh: deprecated names replace the bounds, then `assert max_val > min_val`, then
    # hardtanh()'s Number checks at forward
    ("Hardtanh()", "2x3x4x5", "train"), ("Hardtanh(-2, 3)", "4", "train"), ("Hardtanh(min_val=-0.5, max_val=0.75)", "2x3", "eval"),
    ("Hardtanh(1.0, -1.0)", "2x3", "train"), ("Hardtanh(1, 1)", "2x3", "train"), ("Hardtanh(0, 1e999 - 1e999)", "2x3", "train"),
    ("Hardtanh(min_value=2.0)", "2x3", "train"), ("Hardtanh(max_value=-2.0)", "2x3", "train"),
    ("Hardtanh(min_value=-3.0, max_value=3.0)", "2x3", "train"), ("Hardtanh(5, 6, min_value=None)", "2x3", "train"),
    ("Hardtanh(0, 'b')", "2x3", "train"), ("Hardtanh(None, 1)", "2x3", "train"), ("Hardtanh(0.0, None)", "2x3", "train"),
    ("Hardtanh('a', 'b')", "2x3", "train"), ("Hardtanh(-1, 'b', max_value=2)", "2x3", "train"),
    ("Hardtanh((1,), (2,))", "2x3", "train"), ("Hardtanh('a', (1,))", "2x3", "train"), ("Hardtanh((1, 'a'), (1, 2))", "2x3", "train"),
    ("Hardtanh(True, 3)", "2x3", "train"), ("Hardtanh(1, True)", "2x3", "train"), ("Hardtanh(0, 1, inplace='x')", "2x3", "train"),
    ("Hardtanh(0, 1, False, None, None, 1)", "2x3", "train"), ("Hardtanh(min=0)", "2x3", "train"),
    # ELU: alpha is elu()'s Number at forward
    ("ELU()", "2x3x4x5", "train"), ("ELU(0.5, True)", "3", "train"), ("ELU(alpha=-1.0)", "2x3", "train"), ("ELU(True)", "2x3", "train"),
    ("ELU('a')", "2x3", "train"), ("ELU(None)", "2x3", "train"), ("ELU(alpha=Linear)", "2x3", "eval"), ("ELU((1, 2))", "2x3", "train"),
    ("ELU(1.0, False, 3)", "2x3", "train"), ("ELU(beta=1)", "2x3", "train"),
    # GELU: the approximation must be a str (gelu()'s check) and 'none' or 'tanh' (checked at forward)
    ("GELU()", "2x3x4x5", "train"), ("GELU('tanh')", "", "train"), ("GELU(approximate='none')", "2x3", "eval"),
    # LeakyReLU: negative_slope is leaky_relu()'s Number at forward
    ("LeakyReLU()", "2x3x4x5", "train"), ("LeakyReLU(0.2, True)", "3", "train"), ("LeakyReLU(negative_slope=-0.5)", "2x3", "eval"),
    ("LeakyReLU(-0.5, True)", "2x3", "train"), ("LeakyReLU(True)", "", "train"), ("LeakyReLU('a')", "2x3", "train"),
    ("LeakyReLU(None)", "2x3", "train"), ("LeakyReLU(0.1, False, 3)", "2x3", "train"), ("LeakyReLU(slope=1)", "2x3", "train"),
    ("LeakyReLU((1, 2))", "2x3", "train"),
    ("GELU('foo')", "2x3", "train"), ("GELU(approximate='None')", "0", "train"), ("GELU('')", "2x3", "eval"),
    ("GELU(1)", "2x3", "train"), ("GELU(None)", "2x3", "train"), ("GELU(True)", "2x3", "train"), ("GELU('none', 1)", "2x3", "train"),
    # SiLU
    ("SiLU()", "2x3x4x5", "train"), ("SiLU(inplace=True)", "2", "eval"), ("SiLU(1, 2)", "2x3", "train"), ("SiLU(alpha=1)", "2x3", "train"),
    # Softmax / LogSoftmax: dim=None picks 0 for 0-, 1- and 3-d input, else 1; a str is a dim name
    ("Softmax()", "", "train"), ("Softmax()", "5", "train"), ("Softmax()", "2x3", "train"), ("Softmax()", "2x3x4", "train"),
    ("Softmax()", "2x3x4x5", "train"), ("Softmax(None)", "2x3", "train"), ("Softmax(dim=1)", "2x3x4x5", "train"),
    ("Softmax(dim=-1)", "2x3x4x5", "eval"), ("Softmax(dim=0)", "", "train"), ("Softmax(dim=-1)", "", "train"),
    ("Softmax(dim=1)", "", "train"), ("Softmax(dim=2)", "2x3", "train"), ("Softmax(dim=-3)", "2x3", "train"),
    ("Softmax(dim=5)", "2x3x4x5", "train"), ("Softmax(9223372036854775807)", "2x3", "train"), ("Softmax(dim=1)", "2x0", "train"),
    ("Softmax(dim=-1)", "0", "train"), ("Softmax(1.5)", "2x3", "train"), ("Softmax(True)", "2x3", "train"),
    ("Softmax(dim=(1,))", "2x3", "train"), ("Softmax(dim=ReLU)", "2x3", "train"), ("Softmax(torch.float32)", "2x3", "train"),
    ("Softmax('a')", "", "train"), ("Softmax('a')", "2x3", "train"), ("Softmax(1, 2)", "2x3", "train"),
    ("Softmax(axis=1)", "2x3", "train"),
    ("LogSoftmax()", "2x3x4", "train"), ("LogSoftmax()", "7x10", "eval"), ("LogSoftmax(dim=1)", "0x3", "train"),
    ("LogSoftmax(dim=3)", "2x3", "train"), ("LogSoftmax(dim=-4)", "2x3x4", "train"), ("LogSoftmax(1.5)", "2x3", "train"),
    ("LogSoftmax('abc')", "2x3x4", "train"), ("LogSoftmax(dim=None)", "5", "train"), ("LogSoftmax(2, 3)", "2x3", "train"),
    # Identity: takes and ignores anything
    ("Identity()", "2x3", "train"), ("Identity(1, 2, a=3)", "2x3x4x5", "train"), ("Identity('x', None, foo=(1, 2))", "", "eval"),
    # Dropout2d: _DropoutNd's p check; feature dropout needs a channel dim only when it draws
    ("Dropout2d()", "2x3x4x5", "train"), ("Dropout2d()", "2x3x4", "train"), ("Dropout2d()", "2x3", "train"),
    ("Dropout2d()", "2x3x4x5x6", "train"), ("Dropout2d()", "5", "train"), ("Dropout2d()", "", "train"),
    ("Dropout2d()", "5", "eval"), ("Dropout2d(0.0)", "5", "train"), ("Dropout2d(1.0)", "5", "train"),
    ("Dropout2d(0.5)", "0", "train"), ("Dropout2d(p=0.2, inplace=True)", "0x3x4x5", "train"),
    ("Dropout2d(1.5)", "2x3x4x5", "train"), ("Dropout2d(p=-0.1)", "2x3x4x5", "train"), ("Dropout2d('a')", "2x3x4x5", "train"),
    ("Dropout2d(1e999 - 1e999)", "2x3x4x5", "train"), ("Dropout2d(1e999 - 1e999)", "5", "eval"), ("Dropout2d(0.5, False, 1)", "2x3x4x5", "train"),
    # Dropout1d (1.12+): [N, C, L] or an unbatched [C, L], F.dropout1d's rank check first, in eval too
    ("Dropout1d()", "2x3x8", "train"), ("Dropout1d()", "3x8", "train"), ("Dropout1d(0.2)", "2x64", "eval"),
    ("Dropout1d()", "2x3x4x5", "train"), ("Dropout1d()", "2x3x4x5", "eval"), ("Dropout1d()", "5", "train"),
    ("Dropout1d(0.0)", "0x3x8", "train"), ("Dropout1d(1.5)", "2x3x8", "train"), ("Dropout1d(1e999 - 1e999)", "2x3x8", "eval"),
    ("Dropout1d(1e999 - 1e999)", "2x3x4x5", "train"), ("Dropout1d(p=0.3, inplace=True)", "2x3x8", "train"),
]


def _shape(text):
    return [int(v) for v in text.split("x")] if text else []


def _exception_line(exc):
    """What Python prints last for an uncaught exception (a bare type when the message is empty)."""
    msg = str(exc)
    return type(exc).__name__ + (": " + msg if msg else "")


def run_case(ctor, shape, mode):
    ns = {}
    exec("import torch\nimport torch.nn as nn\nfrom torch.nn import *\n", ns)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            module = eval(ctor, ns)
        except Exception as e:  # noqa: BLE001 - any exception is a result
            return "ctor", _exception_line(e)
        module.train(mode == "train")
        torch.manual_seed(0)
        try:
            out = module(torch.randn(_shape(shape)))
        except Exception as e:  # noqa: BLE001
            return "forward", _exception_line(e)
    return "-", "[" + ", ".join(str(d) for d in out.shape) + "]"


def shapes():
    for ctor, shape, mode in CASES:
        when, result = run_case(ctor, shape, mode)
        print("\t".join([ctor, shape, mode, when, result.replace("\\", "\\\\").replace("\n", "\\n")]))


# ---- kernels ----

SPECIAL = [float("nan"), float("inf"), -float("inf"), 0.0, -0.0, 1e-8, -1e-8, 30.0, -30.0, 100.0, -100.0]


def _elementwise_input(n, extra, gen):
    # The specials first: PyTorch's CPU kernels run vectorised but for the last
    # few elements, and at NaN some backward kernels differ between the two
    # paths (hardtanh's gives 0 vectorised, the gradient in the scalar tail).
    x = torch.randn(n, generator=gen) * 3.0
    return torch.cat([torch.tensor(SPECIAL + extra, dtype=torch.float32), x])


def _grad(fn, x, dy):
    x = x.clone().requires_grad_(True)
    y = fn(x)
    (dx,) = torch.autograd.grad(y, x, dy)
    return y.detach(), dx


def kernels(path):
    gen = torch.Generator().manual_seed(20240613)
    out = OrderedDict()

    def add(name, x, dy, fn):
        y, dx = _grad(fn, x, dy)
        out[name + ".x"], out[name + ".dy"], out[name + ".y"], out[name + ".dx"] = x, dy, y, dx

    elementwise = [
        ("relu", [], torch.relu),
        ("sigmoid", [], torch.sigmoid),
        ("tanh", [], torch.tanh),
        ("hardtanh", [-0.5, 0.75], lambda t: F.hardtanh(t, -0.5, 0.75)),
        ("relu6", [6.0, 6.5], F.relu6),
        ("elu", [-1e-4], lambda t: F.elu(t, 0.7)),
        # in place: PyTorch's backward reads the result (elu_backward is_result=True)
        ("elu_inplace", [-1e-4], lambda t: F.elu(t * 1.0, 0.7, inplace=True)),
        ("gelu", [], F.gelu),
        ("gelu_tanh", [], lambda t: F.gelu(t, approximate="tanh")),
        ("silu", [], F.silu),
    ]
    for name, extra, fn in elementwise:
        x = _elementwise_input(1003, extra, gen)  # odd: no vector width divides it
        dy = torch.randn(x.numel(), generator=gen)
        add(name, x, dy, fn)

    # softmax / log_softmax over a dim in the middle, the last and the first of [3, 5, 4, 7]
    for dim in (1, 3, 0):
        x = torch.randn(3, 5, 4, 7, generator=gen) * 2.0
        dy = torch.randn(3, 5, 4, 7, generator=gen)
        add("softmax_dim%d" % dim, x, dy, lambda t, d=dim: F.softmax(t, dim=d))
        add("log_softmax_dim%d" % dim, x, dy, lambda t, d=dim: F.log_softmax(t, dim=d))
    # rows with NaN, +inf, all -inf, one -inf, huge values, one element
    x = torch.tensor([[float("nan"), 1.0, 2.0], [float("inf"), 1.0, 2.0], [-float("inf")] * 3,
                      [-float("inf"), 1.0, 2.0], [1e30, -1e30, 0.0], [88.0, 89.0, 90.0]])
    dy = torch.randn(6, 3, generator=gen)
    add("softmax_special", x, dy, lambda t: F.softmax(t, dim=1))
    add("log_softmax_special", x, dy, lambda t: F.log_softmax(t, dim=1))

    # nll_loss (mean) on log-probabilities; the gradient with respect to them
    logp = F.log_softmax(torch.randn(7, 10, generator=gen), dim=1)
    target = torch.randint(0, 10, (7,), generator=gen)
    lp = logp.clone().requires_grad_(True)
    loss = F.nll_loss(lp, target)
    (g,) = torch.autograd.grad(loss, lp)
    out["nll.x"], out["nll.target"], out["nll.loss"], out["nll.dx"] = logp, target, loss.detach().reshape(1), g

    # LeakyReLU(0.2): NaN stays NaN and its gradient takes the slope; in place, the backward reads the result
    x = _elementwise_input(1003, [], gen)
    dy = torch.randn(x.numel(), generator=gen)
    add("leaky_relu", x, dy, lambda t: F.leaky_relu(t, 0.2))
    add("leaky_relu_inplace", x, dy, lambda t: F.leaky_relu(t * 1.0, 0.2, inplace=True))
    st_save(path, out, {"torch": torch.__version__})


def main():
    if len(sys.argv) == 2 and sys.argv[1] == "shapes":
        shapes()
    elif len(sys.argv) == 3 and sys.argv[1] == "kernels":
        kernels(sys.argv[2])
    else:
        sys.exit(__doc__)


if __name__ == "__main__":
    main()
