#!/usr/bin/python3
"""torchsummary_ref.py MODEL.cnn [--input CxHxW]

Prints what `torchsummary.summary(module, (C, H, W), device="cpu")` (sksq96/pytorch-summary,
torchsummary/torchsummary.py, the PyPI 1.5.1 logic) prints for the PyTorch module that
MODEL.cnn describes. torchsummary is not installed here, so this re-implements its
behaviour step by step:
  * a forward hook on every module that is not an nn.Sequential / nn.ModuleList
    (the whole model is a Sequential, so only leaves are listed), keyed
    "<ClassName>-<i>" with i counting hook calls in forward order from 1;
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
        if not isinstance(m, (nn.Sequential, nn.ModuleList)):
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
        if e.get("trainable") is True:
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


def main(argv):
    if not argv:
        print(__doc__, file=sys.stderr)
        return 2
    model, per_sample = build_module(argv[0])
    size = per_sample
    if len(argv) >= 3 and argv[1] == "--input":
        size = [int(v) for v in argv[2].split("x")]
    if not size:
        print("torchsummary_ref: no --input and no `input = (C, H, W)` in %s" % argv[0], file=sys.stderr)
        return 2
    torch.manual_seed(0)
    model.train()
    print(summary_text(model, tuple(size)))  # print() adds the trailing blank line, as summary() does
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
