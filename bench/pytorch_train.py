#!/usr/bin/python3
"""pytorch_train.py — the reference for cnnc train's accuracy: train the seed net
(models/mnist_cnn.cnn) in PyTorch with the same recipe (Adam, lr 1e-3, batch 100,
shuffled every epoch, pixels scaled to [0, 1], PyTorch's default init) on an IDX
folder, over several seeds, and print the test accuracy after each epoch.

--model FILE trains a cnnc model file (chain or graph form, e.g. models/resnet_fmnist.cnn)
built as PyTorch modules by tests/python/parity_common.build_module; the test pass runs
in eval mode (BatchNorm's running statistics), as `cnnc train` evaluates.

Usage: bench/pytorch_train.py DATA_DIR [--model FILE] [--epochs 1] [--seeds 0,1,2,3,4] [--device cpu|cuda] [--threads 2]
                               [--precision fp32|bf16] [--optim adam|adamw|sgd|adadelta|rmsprop|adagrad]
                               [--momentum X] [--weight-decay X] [--sched step|cosine|onecycle] [--step-size N]
                               [--gamma G] [--max-lr X] [--label-smoothing X] [--clip-grad-norm X]
                               [--nesterov] [--augment crop=P,hflip] [--class NAME --args 'A, B']
--model FILE.py with --class NAME [--args 'A, B'] trains that class of a Python source as it is
(e.g. models/resnet_fmnist.py --class ResNet --args 'width=32').
--augment crop=P,hflip is torchvision's RandomCrop(28, padding=P) then RandomHorizontalFlip(),
drawn per sample from torch's generator (the same transforms as cnnc's, not the same draws).
The recipe flags mean what `cnnc train`'s do (docs/training.md): StepLR and CosineAnnealingLR
(T_max = --epochs) step once per epoch, OneCycleLR (total_steps = all steps) once per batch.
--precision bf16 rounds every Conv2d/Linear GEMM operand to bfloat16 as cnnc's
`--precision bf16` does (tests/python/parity_common.use_bf16_gemm_operands).
"""
import argparse
import gzip
import os
import statistics
import time

import numpy as np
import torch
import torch.nn as nn

from pytorch_cpu import model_from  # the one definition of the seed net in bench/


def read_idx(folder, stem):
    for name in (stem, stem + ".gz"):
        path = os.path.join(folder, name)
        if os.path.exists(path):
            with (gzip.open if name.endswith(".gz") else open)(path, "rb") as f:
                raw = f.read()
            ndim = raw[3]
            dims = [int.from_bytes(raw[4 + 4 * i:8 + 4 * i], "big") for i in range(ndim)]
            return np.frombuffer(raw, np.uint8, offset=4 + 4 * ndim).reshape(dims)
    raise FileNotFoundError(os.path.join(folder, stem))


def parse_augment(text):
    """(padding, hflip) from cnnc's --augment syntax: crop=P and/or hflip, comma-separated."""
    pad, flip = 0, False
    for part in filter(None, text.split(",")):
        if part == "hflip":
            flip = True
        elif part.startswith("crop="):
            pad = int(part[5:])
        else:
            raise SystemExit("--augment: unknown part %r (crop=P, hflip)" % part)
    return pad, flip


def augment(xb, pad, flip):
    """RandomCrop(size, padding=pad) and RandomHorizontalFlip() on each sample of an NCHW batch."""
    if not pad and not flip:
        return xb
    n, _, h, w = xb.shape
    if pad:
        padded = torch.nn.functional.pad(xb, (pad, pad, pad, pad))
        dy = torch.randint(0, 2 * pad + 1, (n,)).tolist()
        dx = torch.randint(0, 2 * pad + 1, (n,)).tolist()
        xb = torch.stack([padded[i, :, dy[i]:dy[i] + h, dx[i]:dx[i] + w] for i in range(n)])
    if flip:
        mask = (torch.rand(n) < 0.5).to(xb.device)
        xb = torch.where(mask[:, None, None, None], xb.flip(3), xb)
    return xb


def py_model(path, cls, ctor_args):
    """An instance of class cls of the Python source path, constructed with ctor_args."""
    import importlib.util
    spec = importlib.util.spec_from_file_location("cnnc_bench_model", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    if not cls:
        raise SystemExit("--model %s needs --class NAME" % path)
    return eval("%s(%s)" % (cls, ctor_args), vars(mod))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("data")
    ap.add_argument("--epochs", type=int, default=1)
    ap.add_argument("--batch", type=int, default=100)
    ap.add_argument("--lr", type=float, default=1e-3)
    ap.add_argument("--seeds", default="0,1,2,3,4")
    ap.add_argument("--device", default="cpu")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--precision", choices=["fp32", "bf16"], default="fp32")
    ap.add_argument("--model", default="")
    ap.add_argument("--optim", default="adam", choices=["adam", "adamw", "sgd", "adadelta", "rmsprop", "adagrad"])
    ap.add_argument("--momentum", type=float)
    ap.add_argument("--weight-decay", type=float)
    ap.add_argument("--sched", default="none", choices=["none", "step", "cosine", "onecycle"])
    ap.add_argument("--step-size", type=int, default=1)
    ap.add_argument("--gamma", type=float, default=0.1)
    ap.add_argument("--max-lr", type=float)
    ap.add_argument("--label-smoothing", type=float, default=0.0)
    ap.add_argument("--clip-grad-norm", type=float, default=0.0)
    ap.add_argument("--nesterov", action="store_true")
    ap.add_argument("--augment", default="")
    ap.add_argument("--class", dest="cls", default="")
    ap.add_argument("--args", default="")
    args = ap.parse_args()
    pad, flip = parse_augment(args.augment)
    torch.set_num_threads(args.threads)
    dev = torch.device(args.device)
    x = torch.tensor(read_idx(args.data, "train-images-idx3-ubyte"), dtype=torch.float32, device=dev).unsqueeze(1) / 255
    y = torch.tensor(read_idx(args.data, "train-labels-idx1-ubyte"), dtype=torch.long, device=dev)
    xt = torch.tensor(read_idx(args.data, "t10k-images-idx3-ubyte"), dtype=torch.float32, device=dev).unsqueeze(1) / 255
    yt = torch.tensor(read_idx(args.data, "t10k-labels-idx1-ubyte"), dtype=torch.long, device=dev)
    finals = []
    for seed in [int(s) for s in args.seeds.split(",")]:
        torch.manual_seed(seed)
        model = (py_model(args.model, args.cls, args.args) if args.model.endswith(".py")
                 else model_from(args.model)[0]).to(dev)
        if args.precision == "bf16":
            import sys
            sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "python"))
            from parity_common import use_bf16_gemm_operands
            use_bf16_gemm_operands(model)
        kw = {"lr": args.lr}
        if args.momentum is not None:
            kw["momentum"] = args.momentum
        if args.weight_decay is not None:
            kw["weight_decay"] = args.weight_decay
        if args.nesterov:
            kw["nesterov"] = True
        opt = {"adam": torch.optim.Adam, "adamw": torch.optim.AdamW, "sgd": torch.optim.SGD,
               "adadelta": torch.optim.Adadelta, "rmsprop": torch.optim.RMSprop,
               "adagrad": torch.optim.Adagrad}[args.optim](model.parameters(), **kw)
        steps_per_epoch = (len(x) + args.batch - 1) // args.batch
        sched = None
        if args.sched == "step":
            sched = torch.optim.lr_scheduler.StepLR(opt, args.step_size, gamma=args.gamma)
        elif args.sched == "cosine":
            sched = torch.optim.lr_scheduler.CosineAnnealingLR(opt, args.epochs)
        elif args.sched == "onecycle":
            sched = torch.optim.lr_scheduler.OneCycleLR(opt, args.max_lr, total_steps=args.epochs * steps_per_epoch)
        loss_fn = nn.CrossEntropyLoss(label_smoothing=args.label_smoothing)
        for epoch in range(args.epochs):
            t0 = time.time()
            model.train()
            perm = torch.randperm(len(x), device=dev)
            for i in range(0, len(x), args.batch):
                idx = perm[i:i + args.batch]
                opt.zero_grad()
                loss_fn(model(augment(x[idx], pad, flip)), y[idx]).backward()
                if args.clip_grad_norm:
                    torch.nn.utils.clip_grad_norm_(model.parameters(), args.clip_grad_norm)
                opt.step()
                if sched is not None and args.sched == "onecycle":
                    sched.step()
            if sched is not None and args.sched != "onecycle" and epoch < args.epochs - 1:
                sched.step()
            model.eval()
            with torch.no_grad():
                right = sum((model(xt[i:i + 1000]).argmax(1) == yt[i:i + 1000]).sum().item() for i in range(0, len(xt), 1000))
            acc = right / len(xt)
            print(f"seed {seed} epoch {epoch + 1}: test acc {acc:.4f} ({time.time() - t0:.1f} s)", flush=True)
        finals.append(acc)
    print(f"pytorch {torch.__version__} {args.precision}: {args.epochs} epoch(s), final test acc over {len(finals)} seeds: "
          f"mean {statistics.mean(finals):.4f}, min {min(finals):.4f}, max {max(finals):.4f}")


if __name__ == "__main__":
    main()
