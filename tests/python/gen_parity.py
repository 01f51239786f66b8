#!/usr/bin/python3
"""gen_parity.py MODEL.cnn OUTDIR [--optim sgd|adam] [--lr X] [--momentum X]
       [--weight-decay X] [--nesterov] [--steps K] [--batch-size N] [--seed S]
       [--precision fp32|bf16]

Writes the PyTorch side of a `cnnc step` parity check into OUTDIR:
  W.safetensors  the module's initial state_dict (PyTorch default init, seeded)
  B.safetensors  `input` (F32 NCHW: real Fashion-MNIST images when available) and `target` (I64)
  E.safetensors  what `cnnc step --weights W --batch B --steps K ...` must write:
                 `logits`, `loss` (first forward), `<param>.grad` (first backward),
                 `losses` [K] (loss before each update) and every parameter and
                 buffer after K updates under its state_dict name.
The module is in train mode, the loss is CrossEntropyLoss (mean), or NLLLoss (mean)
when the model ends in LogSoftmax (parity_common.training_loss), all float32.
--precision bf16: Conv2d and Linear round their GEMM operands to bfloat16, as
`cnnc step --precision bf16` does (parity_common.use_bf16_gemm_operands), and
E32.safetensors holds the same run in plain float32 (the test checks that bf16
really moved the results away from it).
"""
import argparse
import os
import sys
from collections import OrderedDict

import torch

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from parity_common import build_module, fashion_batch, st_save, training_loss, use_bf16_gemm_operands  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("model")
    ap.add_argument("outdir")
    ap.add_argument("--optim", choices=["sgd", "adam"], default="sgd")
    ap.add_argument("--lr", type=float, default=0.01)
    ap.add_argument("--momentum", type=float, default=0.0)
    ap.add_argument("--weight-decay", type=float, default=0.0)
    ap.add_argument("--nesterov", action="store_true")
    ap.add_argument("--steps", type=int, default=5)
    ap.add_argument("--batch-size", type=int, default=16)
    ap.add_argument("--seed", type=int, default=1234)
    ap.add_argument("--precision", choices=["fp32", "bf16"], default="fp32")
    a = ap.parse_args()
    os.makedirs(a.outdir, exist_ok=True)
    losses = run(a, a.precision, "E.safetensors")
    if a.precision == "bf16":
        run(a, "fp32", "E32.safetensors")
    print("gen_parity: losses %s" % ["%.6f" % v for v in losses])


def run(a, precision, expected_name):
    torch.manual_seed(a.seed)
    torch.set_default_dtype(torch.float32)
    model, per_sample = build_module(a.model)
    model.train()
    per_sample = per_sample or [1, 28, 28]
    x, y = fashion_batch(a.batch_size, per_sample, a.seed)
    if precision == "bf16":
        use_bf16_gemm_operands(model)
    st_save(os.path.join(a.outdir, "W.safetensors"), model.state_dict())
    st_save(os.path.join(a.outdir, "B.safetensors"), OrderedDict([("input", x), ("target", y)]))

    if a.optim == "sgd":
        opt = torch.optim.SGD(model.parameters(), lr=a.lr, momentum=a.momentum,
                              weight_decay=a.weight_decay, nesterov=a.nesterov)
    else:
        opt = torch.optim.Adam(model.parameters(), lr=a.lr, weight_decay=a.weight_decay)

    loss_fn = training_loss(model)
    expected = OrderedDict()
    losses = []
    for k in range(a.steps):
        opt.zero_grad()
        logits = model(x)
        loss = loss_fn(logits, y)
        loss.backward()
        if k == 0:
            expected["logits"] = logits.detach().clone()
            expected["loss"] = loss.detach().clone()
            for name, p in model.named_parameters():
                expected[name + ".grad"] = p.grad.detach().clone()
        losses.append(loss.item())
        opt.step()
    expected["losses"] = torch.tensor(losses, dtype=torch.float32)
    for name, t in model.state_dict().items():
        expected[name] = t.detach().clone()
    meta = {"model": os.path.basename(a.model), "optim": a.optim, "lr": a.lr, "momentum": a.momentum,
            "weight_decay": a.weight_decay, "nesterov": int(a.nesterov), "steps": a.steps,
            "precision": precision, "loss": loss_fn.__name__, "torch": torch.__version__}
    st_save(os.path.join(a.outdir, expected_name), expected, meta)
    return losses


if __name__ == "__main__":
    main()
