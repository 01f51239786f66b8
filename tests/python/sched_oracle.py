#!/usr/bin/python3
"""sched_oracle.py OPTIM STEPS_PER_EPOCH EPOCHS LR [SCHED ARGS...]

Prints, one per line, "lr momentum" for every optimizer step of a `cnnc train` run
as torch 1.13's schedulers give them: the LinearLR warmup (when --warmup-steps)
constructed first and stepped after every optimizer step, then StepLR, MultiStepLR
or CosineAnnealingLR (T_max = EPOCHS) stepped after every epoch, or OneCycleLR
(total_steps = all steps) after every step. The momentum is SGD's or RMSprop's
momentum, or Adam's beta1. Values are printed with repr (exact doubles).
"""
import argparse
import torch

ap = argparse.ArgumentParser()
ap.add_argument("optim")
ap.add_argument("steps_per_epoch", type=int)
ap.add_argument("epochs", type=int)
ap.add_argument("lr", type=float)
ap.add_argument("--momentum", type=float, default=0.0)
ap.add_argument("--sched", default="none")
ap.add_argument("--step-size", type=int)
ap.add_argument("--gamma", type=float, default=0.1)
ap.add_argument("--milestones")
ap.add_argument("--eta-min", type=float, default=0.0)
ap.add_argument("--max-lr", type=float)
ap.add_argument("--pct-start", type=float, default=0.3)
ap.add_argument("--warmup-steps", type=int, default=0)
ap.add_argument("--warmup-start-factor", type=float, default=1.0 / 3)
a = ap.parse_args()

p = [torch.nn.Parameter(torch.zeros(1))]
if a.optim == "sgd":
    opt = torch.optim.SGD(p, lr=a.lr, momentum=a.momentum)
elif a.optim == "adam":
    opt = torch.optim.Adam(p, lr=a.lr)
elif a.optim == "rmsprop":
    opt = torch.optim.RMSprop(p, lr=a.lr, momentum=a.momentum)
else:
    opt = torch.optim.Adadelta(p, lr=a.lr)
S = torch.optim.lr_scheduler
warm = S.LinearLR(opt, start_factor=a.warmup_start_factor, total_iters=a.warmup_steps) if a.warmup_steps else None
per_step = a.sched == "onecycle"
main = None
if a.sched == "step":
    main = S.StepLR(opt, a.step_size, gamma=a.gamma)
elif a.sched == "multistep":
    main = S.MultiStepLR(opt, [int(m) for m in a.milestones.split(",")], gamma=a.gamma)
elif a.sched == "cosine":
    main = S.CosineAnnealingLR(opt, a.epochs, eta_min=a.eta_min)
elif a.sched == "onecycle":
    main = S.OneCycleLR(opt, a.max_lr, total_steps=a.epochs * a.steps_per_epoch, pct_start=a.pct_start)

g = opt.param_groups[0]
for epoch in range(a.epochs):
    for step in range(a.steps_per_epoch):
        mom = g["betas"][0] if "betas" in g else g.get("momentum", 0.0)
        print(repr(g["lr"]), repr(float(mom)))
        opt.step()
        last = epoch == a.epochs - 1 and step == a.steps_per_epoch - 1
        if last:
            break
        if warm:
            warm.step()
        if main and per_step:
            main.step()
    if main and not per_step and epoch < a.epochs - 1:
        main.step()
