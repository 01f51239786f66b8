#!/usr/bin/python3
"""pytorch_cpu.py — time a model's full training step (forward, cross-entropy,
backward, Adam) in PyTorch on the CPU, the same way `cnnc bench` does: random
inputs, warm-up, median per-step time. Last line: JSON like cnnc bench's.
The model is the seed net, or --model FILE: a cnnc model file (chain or graph
form) built as PyTorch modules by tests/python/parity_common.build_module.

Usage: /usr/bin/python3 bench/pytorch_cpu.py [--model models/resnet_fmnist.cnn] --batch 64 --steps 50 --threads 2
"""
import argparse
import json
import resource
import statistics
import time

import os
import sys

import torch
import torch.nn as nn


def seed_net():
    return nn.Sequential(
        nn.Sequential(nn.Conv2d(1, 16, 5, 1, 2), nn.ReLU(), nn.MaxPool2d(2)),
        nn.Sequential(nn.Conv2d(16, 32, 5, 1, 2), nn.ReLU(), nn.MaxPool2d(2)),
        nn.Flatten(),
        nn.Linear(32 * 7 * 7, 10),
    )


def model_from(path):
    """(module, per-sample input shape) for a model file, or the seed net."""
    if not path:
        return seed_net(), [1, 28, 28]
    sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tests", "python"))
    from parity_common import build_module
    model, per_sample = build_module(path)
    return model, per_sample or [1, 28, 28]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--batch", type=int, default=64)
    ap.add_argument("--steps", type=int, default=50)
    ap.add_argument("--warmup", type=int, default=5)
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--model", default="")
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    model, per_sample = model_from(args.model)
    model.train()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = nn.CrossEntropyLoss()
    x = torch.rand(args.batch, *per_sample)
    y = torch.randint(0, 10, (args.batch,))

    def step():
        opt.zero_grad(set_to_none=True)
        loss = loss_fn(model(x), y)
        loss.backward()
        opt.step()
        return loss

    for _ in range(args.warmup):
        step()
    times = []
    for _ in range(args.steps):
        t0 = time.perf_counter()
        step()
        times.append((time.perf_counter() - t0) * 1e3)
    med = statistics.median(times)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0
    print(json.dumps({"model": args.model or "seed net", "framework": "pytorch " + torch.__version__, "device": "cpu", "batch": args.batch,
                      "steps": args.steps, "threads": args.threads, "images_per_s": round(args.batch * 1e3 / med, 1),
                      "step_ms_median": round(med, 4), "step_ms_min": round(min(times), 4),
                      "peak_rss_mib": round(rss, 1)}))


if __name__ == "__main__":
    main()
