#!/usr/bin/python3
"""ckpt_roundtrip.py — checkpoints between cnnc and PyTorch, both ways.

  ckpt_roundtrip.py load MODEL.cnn CNNC_OUT.safetensors BATCH.safetensors CK.safetensors PRED.safetensors
      CNNC_OUT was written by cnnc (`cnnc step --out`, or a `cnnc train --save` checkpoint).
      Every tensor in it must be a state_dict entry of MODEL's PyTorch module or one of
      `cnnc step`'s extras (logits, loss, losses, lrs, <param>.grad). The state_dict part is
      loaded with model.load_state_dict(..., strict=True) — missing keys, wrong shapes or
      dtypes fail here with PyTorch's own message. Writes CK (exactly those tensors, as
      a plain state_dict checkpoint for cnnc to load back) and PRED (`logits` of a
      train-mode forward on BATCH's `input` with the loaded weights).

  ckpt_roundtrip.py strict MODEL.cnn CK.safetensors BATCH.safetensors PRED.safetensors
      model.load_state_dict(load_file(CK)) with nothing filtered out (a `cnnc train --save`
      checkpoint must load like a PyTorch state_dict); on refusal prints PyTorch's
      exception line(s) and exits 1. Writes PRED as `load` does.

  ckpt_roundtrip.py tinydata DIR NTRAIN NTEST
      Writes the first NTRAIN / NTEST Fashion-MNIST images as an uncompressed IDX folder
      (train-images-idx3-ubyte ...), for short `cnnc train` / `cnnc eval` runs.

  ckpt_roundtrip.py evalref MODEL.cnn CK.safetensors DIR
      Loads CK strictly and prints `loss L accuracy A` of the module in eval mode on DIR's
      test split, pixels / 255, CrossEntropyLoss mean — what `cnnc eval` reports.

  ckpt_roundtrip.py bad MODEL.cnn shape|keys CK.safetensors
      Writes a checkpoint that does not fit MODEL: `shape` swaps the last Linear for one
      with in_features 1050 (the seed net's classic bug), `keys` also drops the first
      bias and adds an `extra` tensor. Prints, on stdout, exactly what Python prints when
      MODEL's module load_state_dict()s it: `RuntimeError: Error(s) in loading ...`.
"""
import os
import sys
from collections import OrderedDict

import torch
import torch.nn as nn

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from parity_common import build_module, exception_line, st_load, st_save  # noqa: E402

STEP_EXTRAS = ("logits", "loss", "losses", "lrs")


def cmd_load(model_path, out_path, batch_path, ck_path, pred_path):
    model, _ = build_module(model_path)
    tensors, _ = st_load(out_path)
    keys = list(model.state_dict().keys())
    allowed = set(keys) | set(STEP_EXTRAS) | {n + ".grad" for n, _ in model.named_parameters()}
    stray = [k for k in tensors if k not in allowed]
    if stray:
        print("ckpt_roundtrip: tensors that are neither state_dict entries nor step extras: %s" % stray)
        return 1
    sd = OrderedDict((k, tensors[k]) for k in keys if k in tensors)
    want = model.state_dict()
    # load_state_dict would silently convert dtypes (copy_), so check them first.
    wrong = ["%s is %s, PyTorch has %s" % (k, t.dtype, want[k].dtype) for k, t in sd.items() if t.dtype != want[k].dtype]
    if wrong:
        print("ckpt_roundtrip: dtype mismatch: %s" % "; ".join(wrong))
        return 1
    try:
        model.load_state_dict(sd, strict=True)
    except Exception as exc:  # report PyTorch's refusal verbatim
        print(exception_line(exc))
        return 1
    st_save(ck_path, sd)
    batch, _ = st_load(batch_path)
    model.train()
    with torch.no_grad():
        logits = model(batch["input"])
    st_save(pred_path, OrderedDict([("logits", logits)]))
    print("ckpt_roundtrip: loaded %d tensors strictly into %s" % (len(sd), type(model).__name__))
    return 0


def cmd_strict(model_path, ck_path, batch_path, pred_path):
    model, _ = build_module(model_path)
    tensors, _ = st_load(ck_path)
    try:
        model.load_state_dict(tensors, strict=True)
    except Exception as exc:  # report PyTorch's refusal verbatim
        print(exception_line(exc))
        return 1
    want = model.state_dict()
    wrong = ["%s is %s, PyTorch has %s" % (k, t.dtype, want[k].dtype) for k, t in tensors.items() if t.dtype != want[k].dtype]
    if wrong:
        print("ckpt_roundtrip: dtype mismatch: %s" % "; ".join(wrong))
        return 1
    batch, _ = st_load(batch_path)
    model.train()
    with torch.no_grad():
        logits = model(batch["input"])
    st_save(pred_path, OrderedDict([("logits", logits)]))
    print("ckpt_roundtrip: %s loads strictly (%d tensors)" % (ck_path, len(tensors)))
    return 0


def _idx_images(split, n):
    import gzip
    import struct
    src = "/usr/share/datasets/fashion-mnist/%s-%s-idx%d-ubyte.gz"
    try:
        with gzip.open(src % (split, "images", 3), "rb") as f:
            f.read(16)
            img = f.read(n * 784)
        with gzip.open(src % (split, "labels", 1), "rb") as f:
            f.read(8)
            lab = f.read(n)
    except OSError:  # no data set: seeded noise with the same layout
        g = torch.Generator().manual_seed(7)
        img = torch.randint(0, 256, (n * 784,), generator=g, dtype=torch.uint8).numpy().tobytes()
        lab = torch.randint(0, 10, (n,), generator=g, dtype=torch.uint8).numpy().tobytes()
    return (struct.pack(">IIII", 2051, n, 28, 28) + img, struct.pack(">II", 2049, n) + lab)


def cmd_tinydata(out_dir, n_train, n_test):
    os.makedirs(out_dir, exist_ok=True)
    for split, n in (("train", int(n_train)), ("t10k", int(n_test))):
        img, lab = _idx_images(split, n)
        with open(os.path.join(out_dir, split + "-images-idx3-ubyte"), "wb") as f:
            f.write(img)
        with open(os.path.join(out_dir, split + "-labels-idx1-ubyte"), "wb") as f:
            f.write(lab)
    return 0


def cmd_evalref(model_path, ck_path, data_dir):
    import numpy as np
    import torch.nn.functional as F
    model, _ = build_module(model_path)
    tensors, _ = st_load(ck_path)
    model.load_state_dict(tensors, strict=True)
    with open(os.path.join(data_dir, "t10k-images-idx3-ubyte"), "rb") as f:
        n = int.from_bytes(f.read(16)[4:8], "big")
        x = np.frombuffer(f.read(n * 784), dtype=np.uint8).astype(np.float32) / np.float32(255.0)
    with open(os.path.join(data_dir, "t10k-labels-idx1-ubyte"), "rb") as f:
        f.read(8)
        y = np.frombuffer(f.read(n), dtype=np.uint8).astype(np.int64)
    model.eval()
    with torch.no_grad():
        logits = model(torch.from_numpy(x.reshape(n, 1, 28, 28).copy()))
        loss = F.cross_entropy(logits, torch.from_numpy(y.copy())).item()
        acc = (logits.argmax(1).numpy() == y).mean()
    print("loss %.6f accuracy %.6f" % (loss, acc))
    return 0


def cmd_bad(model_path, kind, ck_path):
    model, _ = build_module(model_path)
    wrong, _ = build_module(model_path)
    last = [name for name, m in wrong.named_children() if isinstance(m, nn.Linear)][-1]
    setattr(wrong, last, nn.Linear(1050, getattr(wrong, last).out_features))
    sd = wrong.state_dict()
    if kind == "keys":
        first_bias = [k for k in sd if k.endswith(".bias")][0]
        del sd[first_bias]
        sd["extra"] = torch.zeros(3)
    st_save(ck_path, sd)
    try:
        model.load_state_dict(sd, strict=True)
    except Exception as exc:
        print(exception_line(exc))
        return 0
    print("ckpt_roundtrip: PyTorch accepted the bad checkpoint", file=sys.stderr)
    return 1


def main(argv):
    if len(argv) == 6 and argv[0] == "load":
        return cmd_load(*argv[1:])
    if len(argv) == 5 and argv[0] == "strict":
        return cmd_strict(*argv[1:])
    if len(argv) == 4 and argv[0] == "tinydata":
        return cmd_tinydata(*argv[1:])
    if len(argv) == 4 and argv[0] == "evalref":
        return cmd_evalref(*argv[1:])
    if len(argv) == 4 and argv[0] == "bad" and argv[2] in ("shape", "keys"):
        return cmd_bad(*argv[1:])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
