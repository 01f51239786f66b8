#!/usr/bin/python3
"""pytorch_cpu.py — time the seed net's full training step (forward, cross-entropy,
backward, Adam) in PyTorch on the CPU, the same way `cnnc bench` does: random
inputs, warm-up, median per-step time. Last line: JSON like cnnc bench's.

Usage: /usr/bin/python3 bench/pytorch_cpu.py --batch 64 --steps 50 --threads 2
"""
import argparse
import json
import resource
import statistics
import time

import torch
import torch.nn as nn


def seed_net():
    return nn.Sequential(
        nn.Sequential(nn.Conv2d(1, 16, 5, 1, 2), nn.ReLU(), nn.MaxPool2d(2)),
        nn.Sequential(nn.Conv2d(16, 32, 5, 1, 2), nn.ReLU(), nn.MaxPool2d(2)),
        nn.Flatten(),
        nn.Linear(32 * 7 * 7, 10),
    )


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--batch", type=int, default=64)
    ap.add_argument("--steps", type=int, default=50)
    ap.add_argument("--warmup", type=int, default=5)
    ap.add_argument("--threads", type=int, default=2)
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    torch.manual_seed(0)
    model = seed_net()
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = nn.CrossEntropyLoss()
    x = torch.rand(args.batch, 1, 28, 28)
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
    print(json.dumps({"framework": "pytorch " + torch.__version__, "device": "cpu", "batch": args.batch,
                      "steps": args.steps, "threads": args.threads, "images_per_s": round(args.batch * 1e3 / med, 1),
                      "step_ms_median": round(med, 4), "step_ms_min": round(min(times), 4),
                      "peak_rss_mib": round(rss, 1)}))


if __name__ == "__main__":
    main()
