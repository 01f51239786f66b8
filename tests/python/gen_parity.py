#!/usr/bin/python3
"""gen_parity.py MODEL.cnn OUTDIR [--optim sgd|adam|adamw|adadelta|rmsprop|adagrad]
       [--lr X] [--momentum X] [--weight-decay X] [--nesterov] [--rho X] [--alpha X]
       [--centered] [--lr-decay X] [--steps K] [--batch-size N] [--seed S]
       [--precision fp32|bf16] [--fp64-reference] [--sched step|multistep|cosine|onecycle|none and its
       arguments] [--warmup-steps N] [--label-smoothing X] [--clip-grad-norm X] [--ema DECAY]

The optimizer, schedule, loss and clipping flags are spelled as `cnnc step`'s, so a
test passes one flag string to both. Every schedule steps once per optimizer step
(T_max and total_steps are --steps), a LinearLR warmup constructed first and stepped
before it, as `cnnc step` does (src/engine/sched.c).

Writes the PyTorch side of a `cnnc step` parity check into OUTDIR:
  W.safetensors  the module's initial state_dict (PyTorch default init, seeded)
  B.safetensors  `input` (F32 NCHW: real Fashion-MNIST images when available) and `target` (I64)
  E.safetensors  what `cnnc step --weights W --batch B --steps K ...` must write:
                 `logits`, `loss` (first forward), `<param>.grad` (first backward,
                 before clipping), `losses` [K] (loss before each update), `lrs` [K]
                 (F64: the lr each update took) and every parameter and
                 buffer after K updates under its state_dict name.
The module is in train mode, the loss is CrossEntropyLoss (mean), or NLLLoss (mean)
when the model ends in LogSoftmax (parity_common.training_loss), all float32.
--precision bf16: Conv2d and Linear round their GEMM operands to bfloat16, as
`cnnc step --precision bf16` does (parity_common.use_bf16_gemm_operands), and
E32.safetensors holds the same run in plain float32 (the test checks that bf16
really moved the results away from it).
--fp64-reference: E64.safetensors holds the same run from the same float32 start,
computed in float64 (stored as float32). It tells float32 drift from a discrete
event such as one ReLU input that flips sign (docs/parity.md).
"""
import argparse
import os
import sys
from collections import OrderedDict

import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from parity_common import build_module, fashion_batch, st_save, training_loss, use_bf16_gemm_operands  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("model")
    ap.add_argument("outdir")
    ap.add_argument("--optim", choices=["sgd", "adam", "adamw", "adadelta", "rmsprop", "adagrad"], default="sgd")
    ap.add_argument("--lr", type=float, default=0.01)
    ap.add_argument("--momentum", type=float, default=None)
    ap.add_argument("--weight-decay", type=float, default=None)
    ap.add_argument("--nesterov", action="store_true")
    ap.add_argument("--rho", type=float, default=None)
    ap.add_argument("--alpha", type=float, default=None)
    ap.add_argument("--centered", action="store_true")
    ap.add_argument("--lr-decay", type=float, default=None)
    ap.add_argument("--sched", choices=["none", "step", "multistep", "cosine", "onecycle"], default="none")
    ap.add_argument("--step-size", type=int)
    ap.add_argument("--gamma", type=float)
    ap.add_argument("--milestones")
    ap.add_argument("--eta-min", type=float)
    ap.add_argument("--max-lr", type=float)
    ap.add_argument("--pct-start", type=float)
    ap.add_argument("--anneal-strategy", choices=["cos", "linear"])
    ap.add_argument("--no-cycle-momentum", action="store_true")
    ap.add_argument("--warmup-steps", type=int, default=0)
    ap.add_argument("--warmup-start-factor", type=float)
    ap.add_argument("--label-smoothing", type=float, default=0.0)
    ap.add_argument("--clip-grad-norm", type=float, default=0.0)
    ap.add_argument("--steps", type=int, default=5)
    ap.add_argument("--batch-size", type=int, default=16)
    ap.add_argument("--seed", type=int, default=1234)
    ap.add_argument("--precision", choices=["fp32", "bf16"], default="fp32")
    ap.add_argument("--ema", type=float, default=0.0,
                    help="AveragedModel(model, avg_fn=decay*avg + (1-decay)*param, use_buffers=True), updated "
                         "after every optimizer step; E gets ema.<name> for its float entries")
    ap.add_argument("--fp64-reference", action="store_true",
                    help="also write E64.safetensors: the same run in float64 (diagnosis only)")
    a = ap.parse_args()
    os.makedirs(a.outdir, exist_ok=True)
    losses = run(a, a.precision, "E.safetensors")
    if a.precision == "bf16":
        run(a, "fp32", "E32.safetensors")
    elif a.fp64_reference:
        run(a, "fp64", "E64.safetensors")
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
    if precision == "fp64":
        # The same run from the same float32 values, computed in double: how far float32
        # rounding alone carries PyTorch's own run (the tests' noise floor, docs/parity.md).
        model.double()
        x = x.double()
    else:
        st_save(os.path.join(a.outdir, "W.safetensors"), model.state_dict())
        st_save(os.path.join(a.outdir, "B.safetensors"), OrderedDict([("input", x), ("target", y)]))

    opt = make_optimizer(a, model.parameters())
    scheds = make_schedulers(a, opt)
    ema = None
    if a.ema:
        decay = a.ema
        ema = torch.optim.swa_utils.AveragedModel(
            model, avg_fn=lambda avg, param, num_averaged: decay * avg + (1 - decay) * param, use_buffers=True)
    loss_fn = training_loss(model)
    if a.label_smoothing:
        loss_fn = lambda z, t: F.cross_entropy(z, t, label_smoothing=a.label_smoothing)  # noqa: E731
    expected = OrderedDict()
    losses, lrs = [], []
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
        if a.clip_grad_norm:
            torch.nn.utils.clip_grad_norm_(model.parameters(), a.clip_grad_norm)
        losses.append(loss.item())
        lrs.append(opt.param_groups[0]["lr"])
        opt.step()
        if ema is not None:
            ema.update_parameters(model)
        for s in scheds:
            s.step()
    expected["losses"] = torch.tensor(losses, dtype=torch.float32)
    expected["lrs"] = torch.tensor(lrs, dtype=torch.float64)
    for name, t in model.state_dict().items():
        expected[name] = t.detach().clone()
    if ema is not None:   # its float entries: the average of an integer count is no count
        for name, t in ema.module.state_dict().items():
            if t.is_floating_point():
                expected["ema." + name] = t.detach().clone()
    if precision == "fp64":  # stored as float32, as cnnc's output is
        for name, t in expected.items():
            if t.dtype == torch.float64 and name != "lrs":
                expected[name] = t.float()
    meta = {"model": os.path.basename(a.model), "optim": a.optim, "lr": a.lr, "momentum": a.momentum,
            "weight_decay": a.weight_decay, "nesterov": int(a.nesterov), "steps": a.steps, "sched": a.sched,
            "precision": precision, "loss": loss_fn.__name__, "torch": torch.__version__}
    st_save(os.path.join(a.outdir, expected_name), expected, meta)
    return losses


def make_optimizer(a, params):
    """torch.optim's class with only the arguments given (the rest are its defaults)."""
    kw = {"lr": a.lr}
    for name in ("momentum", "weight_decay", "rho", "alpha", "lr_decay"):
        if getattr(a, name) is not None:
            kw[name] = getattr(a, name)
    if a.nesterov:
        kw["nesterov"] = True
    if a.centered:
        kw["centered"] = True
    cls = {"sgd": torch.optim.SGD, "adam": torch.optim.Adam, "adamw": torch.optim.AdamW,
           "adadelta": torch.optim.Adadelta, "rmsprop": torch.optim.RMSprop, "adagrad": torch.optim.Adagrad}[a.optim]
    return cls(params, **kw)


def make_schedulers(a, opt):
    """The warmup (LinearLR, constructed first) and the main schedule, both stepped
    after every optimizer step over --steps steps."""
    sched = torch.optim.lr_scheduler
    out = []
    if a.warmup_steps:
        kw = {"total_iters": a.warmup_steps}
        if a.warmup_start_factor is not None:
            kw["start_factor"] = a.warmup_start_factor
        out.append(sched.LinearLR(opt, **kw))
    given = lambda **kw: {k: v for k, v in kw.items() if v is not None}  # noqa: E731
    if a.sched == "step":
        out.append(sched.StepLR(opt, a.step_size, **given(gamma=a.gamma)))
    elif a.sched == "multistep":
        out.append(sched.MultiStepLR(opt, [int(m) for m in a.milestones.split(",")], **given(gamma=a.gamma)))
    elif a.sched == "cosine":
        out.append(sched.CosineAnnealingLR(opt, a.steps, **given(eta_min=a.eta_min)))
    elif a.sched == "onecycle":
        kw = given(pct_start=a.pct_start, anneal_strategy=a.anneal_strategy)
        if a.no_cycle_momentum:
            kw["cycle_momentum"] = False
        out.append(sched.OneCycleLR(opt, a.max_lr, total_steps=a.steps, **kw))
    return out


if __name__ == "__main__":
    main()
