#!/usr/bin/python3
"""torchsummary_ref.py MODEL.cnn|MODEL.py [--input CxHxW] [--class NAME] [--args 'A, B']

Prints what `torchsummary.summary(module, (C, H, W), device="cpu")` (sksq96/pytorch-summary,
torchsummary/torchsummary.py, the PyPI 1.5.1 logic) prints for the PyTorch module that
MODEL.cnn describes, or for class NAME of MODEL.py built as NAME(A, B) (without --class:
the file's only nn.Module class that takes no arguments, else the last). When the forward
raises, prints the exception line, as the traceback's last line reads.
torchsummary is not installed here, so this re-implements its behaviour step by step:
  * a forward hook on every module that is not an nn.Sequential / nn.ModuleList and
    not the model itself, keyed "<ClassName>-<i>" with i counting hook calls in
    forward order from 1;
  * a module that returns a tuple gets one [-1, ...] shape per item;
  * one forward pass on torch.rand(2, C, H, W) (batch 2 "for batchnorm"), train mode;
  * output shape = output.size() with dim 0 replaced by batch_size (-1);
  * Param # = prod(weight.size()) + prod(bias.size()) when those attributes have a
    .size (so BatchNorm2d counts weight and bias, not its running buffers);
    trainable params = those of layers whose weight.requires_grad;
  * rows "{:>20}  {:>25} {:>15}", counts with "{:,}", sizes in MB assuming 4 bytes
    per number: input = |prod(input) * batch_size| , forward/backward = |2 * sum of
    prod(output shapes)| (the -1 batch makes each product negative), params = total.
The arithmetic keeps torchsummary's types (LongTensor products, float32 tensor
division for the params size) so two-decimal rounding matches. The text ends with
the dashed line followed by the blank line that print() adds to summary_string().
"""
import os
import re
import sys
from collections import OrderedDict

import numpy as np
import torch
import torch.nn as nn

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from parity_common import build_module  # noqa: E402

RULE = "-" * 64
DOUBLE = "=" * 64


def summary_text(model, input_size, batch_size=-1):
    rows = OrderedDict()
    handles = []

    def hook(module, inputs, output):
        key = "%s-%i" % (type(module).__name__, len(rows) + 1)
        entry = OrderedDict()
        entry["input_shape"] = [batch_size] + list(inputs[0].size())[1:]
        if isinstance(output, (list, tuple)):
            entry["output_shape"] = [[-1] + list(o.size())[1:] for o in output]
        else:
            entry["output_shape"] = [batch_size] + list(output.size())[1:]
        n = 0
        weight = getattr(module, "weight", None)
        if hasattr(module, "weight") and hasattr(weight, "size"):
            n += torch.prod(torch.LongTensor(list(weight.size())))
            entry["trainable"] = weight.requires_grad
        bias = getattr(module, "bias", None)
        if hasattr(module, "bias") and hasattr(bias, "size"):
            n += torch.prod(torch.LongTensor(list(bias.size())))
        entry["nb_params"] = n
        rows[key] = entry

    for m in model.modules():
        if not isinstance(m, (nn.Sequential, nn.ModuleList)) and m is not model:
            handles.append(m.register_forward_hook(hook))
    model(torch.rand(2, *input_size).type(torch.FloatTensor))
    for h in handles:
        h.remove()

    lines = [RULE, "{:>20}  {:>25} {:>15}".format("Layer (type)", "Output Shape", "Param #"), DOUBLE]
    total_params = 0
    total_output = 0
    trainable = 0
    for key, e in rows.items():
        lines.append("{:>20}  {:>25} {:>15}".format(key, str(e["output_shape"]), "{0:,}".format(e["nb_params"])))
        total_params += e["nb_params"]
        total_output += np.prod(e["output_shape"])
        if e.get("trainable") == True:  # noqa: E712  (torchsummary's test)
            trainable += e["nb_params"]
    input_mb = abs(np.prod(tuple(input_size)) * batch_size * 4. / (1024 ** 2.))
    output_mb = abs(2. * total_output * 4. / (1024 ** 2.))
    params_mb = abs(total_params * 4. / (1024 ** 2.))
    total_mb = params_mb + output_mb + input_mb
    lines += [DOUBLE,
              "Total params: {0:,}".format(total_params),
              "Trainable params: {0:,}".format(trainable),
              "Non-trainable params: {0:,}".format(total_params - trainable),
              RULE,
              "Input size (MB): %0.2f" % input_mb,
              "Forward/backward pass size (MB): %0.2f" % output_mb,
              "Params size (MB): %0.2f" % params_mb,
              "Estimated Total Size (MB): %0.2f" % total_mb,
              RULE]
    return "\n".join(lines) + "\n"


def py_module(path, cls_name, args):
    """The nn.Module that `cnnc summary FILE.py --class NAME --args A` summarises."""
    import inspect
    import contextlib
    import importlib.util
    import io
    text = open(path).read()
    name = os.path.splitext(os.path.basename(path))[0]
    sys.path.insert(0, os.path.dirname(os.path.abspath(path)))
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)
    sys.modules[name] = mod  # as an import does: the source may look itself up there
    with contextlib.redirect_stdout(io.StringIO()):  # what the module prints when imported is not the summary
        spec.loader.exec_module(mod)
    ns = vars(mod)
    found = [v for v in ns.values() if inspect.isclass(v) and issubclass(v, nn.Module) and v.__module__ == ns["__name__"]]
    found.sort(key=lambda c: text.find("class %s(" % c.__name__))
    if cls_name:
        cls = ns[cls_name]
    else:
        no_args = [c for c in found
                   if all(p.default is not p.empty or p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD)
                          for p in list(inspect.signature(c.__init__).parameters.values())[1:])]
        cls = (no_args or found)[-1]
    return eval("__cls(%s)" % (args or ""), dict(ns, __cls=cls))


def main(argv):
    if not argv:
        print(__doc__, file=sys.stderr)
        return 2
    opts = {"--input": None, "--class": None, "--args": None}
    for k in range(1, len(argv) - 1, 2):
        opts[argv[k]] = argv[k + 1]
    if argv[0].endswith(".py"):
        model, per_sample = py_module(argv[0], opts["--class"], opts["--args"]), None
        m = re.search(r"^# input: (\d+(?:x\d+)*)", open(argv[0]).read(), re.M)
        if m:
            per_sample = [int(v) for v in m.group(1).split("x")][1:]
    else:
        model, per_sample = build_module(argv[0])
    size = per_sample
    if opts["--input"]:
        size = [int(v) for v in opts["--input"].split("x")]
    if not size:
        print("torchsummary_ref: no --input and no `input = (C, H, W)` in %s" % argv[0], file=sys.stderr)
        return 2
    torch.manual_seed(0)
    model.train()
    try:
        text = summary_text(model, tuple(size))
    except Exception as exc:  # torchsummary lets it propagate: the traceback ends with this line
        print("%s: %s" % (type(exc).__name__, exc))
        return 1
    print(text)  # print() adds the trailing blank line, as summary() does
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
