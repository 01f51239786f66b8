#!/usr/bin/env python3
"""pytorch_gpu.py — PyTorch 2.x on the GPU: the seed net's training step
(forward, cross entropy, backward, Adam) in three modes, data resident on the
device, for comparison with `cnnc bench --device cuda`.

  eager    plain PyTorch
  graph    the whole step captured once with torch.cuda.graph (static input,
           capturable Adam) and replayed
  compile  torch.compile(mode="max-autotune") of the model (slow to compile:
           capped by --compile-cap seconds per batch; skipped once over)

Prints a table and one JSON line per (mode, batch): images_per_s, step_ms_median.
--device cpu checks the harness without a GPU (eager only: graph mode needs
CUDA, compile needs PyTorch 2; those rows carry the reason).
--tta DIR: also time-to-accuracy on Fashion-MNIST (idx .gz files in DIR), eager,
Adam lr 1e-3, batch --tta-batch, stop at --target-acc (test accuracy after each
epoch; training time only), one JSON line.
"""
import argparse, gzip, json, os, statistics, sys, time

import torch
import torch.nn as nn
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pytorch_cpu import seed_net  # noqa: E402  the one definition of the seed net in bench/


DEVICE = torch.device("cuda")


def sync():
    if DEVICE.type == "cuda":
        torch.cuda.synchronize()


def time_steps(step, steps):
    ms = []
    for _ in range(steps):
        t0 = time.perf_counter()
        step()
        sync()
        ms.append((time.perf_counter() - t0) * 1e3)
    return statistics.median(ms), min(ms)


def bench_mode(mode, batch, steps, warmup, cap_s, tf32):
    torch.manual_seed(0)
    dev = DEVICE
    if mode == "graph" and dev.type != "cuda":
        raise RuntimeError("graph mode needs CUDA (torch.cuda.graph)")
    if mode == "compile" and not hasattr(torch, "compile"):
        raise RuntimeError(f"torch.compile needs PyTorch 2, this is {torch.__version__}")
    model = seed_net().to(dev)
    x = torch.rand(batch, 1, 28, 28, device=dev)
    y = torch.randint(0, 10, (batch,), device=dev)
    if mode == "graph":
        opt = torch.optim.Adam(model.parameters(), lr=1e-3, capturable=True)
        static_x, static_y = x.clone(), y.clone()
        s = torch.cuda.Stream()
        s.wait_stream(torch.cuda.current_stream())
        with torch.cuda.stream(s):  # warm-up on a side stream, as the docs require before capture
            for _ in range(3):
                opt.zero_grad(set_to_none=True)
                F.cross_entropy(model(static_x), static_y).backward()
                opt.step()
        torch.cuda.current_stream().wait_stream(s)
        g = torch.cuda.CUDAGraph()
        opt.zero_grad(set_to_none=True)
        with torch.cuda.graph(g):
            loss = F.cross_entropy(model(static_x), static_y)
            loss.backward()
            opt.step()
        step = g.replay
    else:
        opt = torch.optim.Adam(model.parameters(), lr=1e-3)
        fwd = model
        if mode == "compile":
            fwd = torch.compile(model, mode="max-autotune")

        def step():
            opt.zero_grad(set_to_none=True)
            F.cross_entropy(fwd(x), y).backward()
            opt.step()
    t0 = time.perf_counter()
    for _ in range(warmup):
        step()
        if mode == "compile" and time.perf_counter() - t0 > cap_s:
            raise TimeoutError(f"torch.compile warm-up passed {cap_s:.0f} s")
    sync()
    med, mn = time_steps(step, steps)
    return med, mn, time.perf_counter() - t0


def read_idx(path):
    with gzip.open(path, "rb") as f:
        data = f.read()
    ndim = data[3]
    dims = [int.from_bytes(data[4 + 4 * i: 8 + 4 * i], "big") for i in range(ndim)]
    return torch.frombuffer(bytearray(data[4 + 4 * ndim:]), dtype=torch.uint8).reshape(dims)


def time_to_accuracy(folder, batch, target, max_epochs, seed):
    dev = DEVICE
    def load(prefix):
        x = read_idx(os.path.join(folder, f"{prefix}-images-idx3-ubyte.gz"))
        y = read_idx(os.path.join(folder, f"{prefix}-labels-idx1-ubyte.gz"))
        return (x.float() / 255.0).unsqueeze(1).to(dev), y.long().to(dev)
    xtr, ytr = load("train")
    xte, yte = load("t10k")
    torch.manual_seed(seed)
    model = seed_net().to(dev)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    train_s, acc, epochs = 0.0, 0.0, 0
    for epoch in range(max_epochs):
        sync()
        t0 = time.perf_counter()
        perm = torch.randperm(xtr.shape[0], device=dev)
        for i in range(0, xtr.shape[0], batch):
            idx = perm[i:i + batch]
            opt.zero_grad(set_to_none=True)
            F.cross_entropy(model(xtr[idx]), ytr[idx]).backward()
            opt.step()
        sync()
        train_s += time.perf_counter() - t0
        epochs = epoch + 1
        with torch.no_grad():
            correct = sum(int((model(xte[i:i + 1000]).argmax(1) == yte[i:i + 1000]).sum())
                          for i in range(0, xte.shape[0], 1000))
        acc = correct / xte.shape[0]
        if acc >= target:
            break
    return {"mode": "eager", "tta_target": target, "reached": acc >= target, "epochs": epochs,
            "train_seconds": round(train_s, 3), "test_acc": acc, "batch": batch}


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--modes", default="eager,graph,compile")
    ap.add_argument("--batches", default="64,256,1024,4096")
    ap.add_argument("--steps", type=int, default=50)
    ap.add_argument("--warmup", type=int, default=10)
    ap.add_argument("--compile-cap", type=float, default=120.0, help="seconds per batch for torch.compile warm-up")
    ap.add_argument("--time-cap", type=float, default=300.0, help="stop starting new runs after this many seconds")
    ap.add_argument("--tf32", action="store_true", help="allow TF32 matmul/conv (default: strict FP32 like cnnc)")
    ap.add_argument("--tta", metavar="DIR", help="Fashion-MNIST idx .gz folder: time to --target-acc, eager")
    ap.add_argument("--target-acc", type=float, default=0.90)
    ap.add_argument("--tta-batch", type=int, default=100)
    ap.add_argument("--tta-epochs", type=int, default=10)
    ap.add_argument("--device", choices=["cuda", "cpu"], default="cuda")
    args = ap.parse_args()
    global DEVICE
    DEVICE = torch.device(args.device)
    if args.device == "cuda" and not torch.cuda.is_available():
        print("pytorch_gpu.py: no CUDA device visible to PyTorch", file=sys.stderr)
        return 1
    device_name = torch.cuda.get_device_name() if args.device == "cuda" else "cpu"
    torch.backends.cuda.matmul.allow_tf32 = args.tf32
    torch.backends.cudnn.allow_tf32 = args.tf32
    torch.backends.cudnn.benchmark = True
    t_start = time.perf_counter()
    rows = []
    compile_ok = True
    for mode in [m for m in args.modes.split(",") if m]:
        for b in [int(v) for v in args.batches.split(",") if v]:
            if time.perf_counter() - t_start > args.time_cap:
                rows.append({"mode": mode, "batch": b, "skipped": "time cap"})
                continue
            if mode == "compile" and not compile_ok:
                rows.append({"mode": mode, "batch": b, "skipped": "compile failed at a smaller batch"})
                continue
            try:
                med, mn, took = bench_mode(mode, b, args.steps, args.warmup, args.compile_cap, args.tf32)
                rows.append({"mode": mode, "batch": b, "step_ms_median": round(med, 4), "step_ms_min": round(mn, 4),
                             "images_per_s": round(b * 1e3 / med, 1), "seconds": round(took, 1)})
            except Exception as exc:  # one failing mode must not lose the others' figures
                compile_ok = compile_ok and mode != "compile"
                rows.append({"mode": mode, "batch": b, "error": f"{type(exc).__name__}: {exc}"[:200]})
    print(f"PyTorch {torch.__version__} on {device_name}, {'tf32' if args.tf32 else 'fp32'}")
    print(f"{'mode':8} {'batch':>6} {'ms/step':>9} {'images/s':>11}")
    for r in rows:
        if "step_ms_median" in r:
            print(f"{r['mode']:8} {r['batch']:6d} {r['step_ms_median']:9.3f} {r['images_per_s']:11.0f}")
        else:
            print(f"{r['mode']:8} {r['batch']:6d} {r.get('error', r.get('skipped')):>21}")
    if args.tta:
        r = time_to_accuracy(args.tta, args.tta_batch, args.target_acc, args.tta_epochs, 0)
        rows.append(r)
        print(f"time to {args.target_acc} test accuracy (eager, batch {args.tta_batch}): {r['train_seconds']} s "
              f"training in {r['epochs']} epoch(s), acc {r['test_acc']:.4f}{'' if r['reached'] else ' (NOT reached)'}")
    for r in rows:
        r.update({"framework": "pytorch", "torch": torch.__version__, "device": device_name})
        print(json.dumps(r))
    return 0


if __name__ == "__main__":
    sys.exit(main())
