#!/usr/bin/python3
"""ckpt_roundtrip.py — checkpoints between cnnc and PyTorch, both ways.

  ckpt_roundtrip.py load MODEL.cnn CNNC_OUT.safetensors BATCH.safetensors CK.safetensors PRED.safetensors
      CNNC_OUT was written by cnnc (`cnnc step --out`, or a `cnnc train --save` checkpoint).
      Every tensor in it must be a state_dict entry of MODEL's PyTorch module or one of
      `cnnc step`'s extras (logits, loss, losses, <param>.grad). The state_dict part is
      loaded with model.load_state_dict(..., strict=True) — missing keys, wrong shapes or
      dtypes fail here with PyTorch's own message. Writes CK (exactly those tensors, as
      a plain state_dict checkpoint for cnnc to load back) and PRED (`logits` of a
      train-mode forward on BATCH's `input` with the loaded weights).

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

STEP_EXTRAS = ("logits", "loss", "losses")


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
    if len(argv) == 4 and argv[0] == "bad" and argv[2] in ("shape", "keys"):
        return cmd_bad(*argv[1:])
    print(__doc__, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
