"""parity_common.py — shared pieces of the PyTorch oracles (run with /usr/bin/python3).

* build_module(path): the PyTorch module a .cnn model file describes. The file is
  exec'd after `import torch; import torch.nn as nn; from torch.nn import *`, and the
  modules it assigns, in the order their names were first bound, become the children
  of an nn.Sequential named after the statements (the chain form), or, when the file
  defines `forward(x)` (the graph form), of a module whose forward calls it; either
  way state_dict names match cnnc's ("conv1.0.weight").
* st_save / st_load: a minimal safetensors reader/writer (8-byte little-endian header
  length, JSON header, raw little-endian data), F32/I64/I32/U8 only.
* training_loss(model): NLLLoss for a model ending in LogSoftmax, else CrossEntropyLoss,
  as cnnc's engine chooses.
* fashion_batch: a few real Fashion-MNIST images (gzip IDX from Debian's
  /usr/share/datasets/fashion-mnist), or seeded random data when absent.
"""
import gzip
import json
import os
import struct
from collections import OrderedDict

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

DATA_DIR = "/usr/share/datasets/fashion-mnist"

_NP_OF = {"F32": np.float32, "I64": np.int64, "I32": np.int32, "U8": np.uint8, "F64": np.float64}
_ST_OF = {np.dtype(np.float32): "F32", np.dtype(np.int64): "I64", np.dtype(np.int32): "I32",
          np.dtype(np.uint8): "U8", np.dtype(np.float64): "F64"}


def model_input_hint(text):
    """`# input: 2x1x28x28` on any leading comment line -> [2, 1, 28, 28], else None."""
    for line in text.splitlines():
        s = line.strip()
        if not s:
            continue
        if not s.startswith("#"):
            break
        body = s[1:].strip()
        if body.startswith("input:"):
            return [int(v) for v in body[len("input:"):].strip().split("x")]
    return None


class GraphModel(nn.Module):
    """A graph model file's module: its top-level modules as children, and its
    `forward(x)` (which reaches them by their global names) as the forward. A
    forward that returns a tuple trains its first tensor, as cnnc does."""

    def __init__(self, children, forward_fn):
        super().__init__()
        for name, module in children.items():
            self.add_module(name, module)
        self.forward_fn = forward_fn

    def forward(self, x):
        out = self.forward_fn(x)
        return out[0] if isinstance(out, tuple) else out


def build_module(path):
    """Returns (module, per_sample_input or None) for a .cnn model file."""
    with open(path) as f:
        text = f.read()
    ns = {}
    exec("import torch\nimport torch.nn as nn\nfrom torch.nn import *\n", ns)
    before = dict(ns)
    exec(compile(text, path, "exec"), ns)
    children = OrderedDict()
    for name, value in ns.items():  # a dict keeps the order names were first bound in
        if isinstance(value, nn.Module) and before.get(name) is not value:
            children[name] = value
    per_sample = ns.get("input") if isinstance(ns.get("input"), tuple) else None
    per_sample = list(per_sample) if per_sample else None
    forward_fn = ns.get("forward")
    if callable(forward_fn) and before.get("forward") is not forward_fn and not isinstance(forward_fn, nn.Module):
        # as cnnc's reader: a name with a leading underscore is not a child
        children = OrderedDict((k, v) for k, v in children.items() if not k.startswith("_"))
        return GraphModel(children, forward_fn), per_sample
    return nn.Sequential(children), per_sample


def training_loss(model):
    """The loss `cnnc step` trains `model` with: F.nll_loss when its last layer
    (the output node) is a LogSoftmax, whose output is log-probabilities (as
    pytorch/examples' MNIST net), else F.cross_entropy on logits."""
    leaves = [m for m in model.modules() if not list(m.children())]
    return F.nll_loss if leaves and isinstance(leaves[-1], nn.LogSoftmax) else F.cross_entropy


def bf16_round(t):
    """float32 -> bfloat16 (round to nearest even) -> float32."""
    return t.to(torch.bfloat16).to(torch.float32)


class _Bf16Operands(torch.autograd.Function):
    """`op(x, w)` (+ bias) with x, w and the output gradient rounded to bf16
    before every product: forward op(x~, w~); backward the gradients of op at
    (x~, w~) against the rounded gradient. The bias gradient sums the fp32
    gradient. That is cuBLAS's COMPUTE_32F_FAST_16BF and cnnc's
    `--precision bf16`: fp32 storage and accumulation, bf16 GEMM operands."""

    @staticmethod
    def forward(ctx, x, w, b, op):
        xr, wr = bf16_round(x), bf16_round(w)
        ctx.save_for_backward(xr, wr)
        ctx.op, ctx.has_bias = op, b is not None
        y = op(xr, wr)
        return y if b is None else y + (b.view(1, -1, 1, 1) if y.dim() == 4 else b)

    @staticmethod
    def backward(ctx, grad):
        xr, wr = ctx.saved_tensors
        with torch.enable_grad():
            x_, w_ = xr.detach().requires_grad_(), wr.detach().requires_grad_()
            gx, gw = torch.autograd.grad(ctx.op(x_, w_), (x_, w_), bf16_round(grad))
        gb = None
        if ctx.has_bias:
            gb = grad.sum((0, 2, 3)) if grad.dim() == 4 else grad.sum(0)
        return gx, gw, gb, None


def use_bf16_gemm_operands(model):
    """Makes every Conv2d and Linear in `model` compute as `--precision bf16` does."""
    for m in model.modules():
        if isinstance(m, nn.Conv2d):
            assert m.padding_mode == "zeros"
            op = (lambda mod: lambda x, w: F.conv2d(x, w, None, mod.stride, mod.padding, mod.dilation, mod.groups))(m)
            m.forward = (lambda mod, op: lambda x: _Bf16Operands.apply(x, mod.weight, mod.bias, op))(m, op)
        elif isinstance(m, nn.Linear):
            m.forward = (lambda mod: lambda x: _Bf16Operands.apply(x, mod.weight, mod.bias, F.linear))(m)
    return model


def st_save(path, tensors, metadata=None):
    """tensors: ordered mapping name -> torch.Tensor or numpy array."""
    header = {}
    blobs = []
    offset = 0
    for name, t in tensors.items():
        a = t.detach().cpu().contiguous().numpy() if isinstance(t, torch.Tensor) else np.asarray(t)
        a = np.require(a, requirements="C")  # (ascontiguousarray would turn a 0-d scalar into [1])
        raw = a.astype(a.dtype.newbyteorder("<"), copy=False).tobytes()
        header[name] = {"dtype": _ST_OF[a.dtype], "shape": list(a.shape),
                        "data_offsets": [offset, offset + len(raw)]}
        blobs.append(raw)
        offset += len(raw)
    if metadata:
        header["__metadata__"] = {str(k): str(v) for k, v in metadata.items()}
    hj = json.dumps(header, separators=(",", ":")).encode()
    hj += b" " * ((8 - len(hj) % 8) % 8)  # keep the data 8-byte aligned, as the reference writer does
    tmp = path + ".tmp"
    with open(tmp, "wb") as f:
        f.write(struct.pack("<Q", len(hj)))
        f.write(hj)
        for b in blobs:
            f.write(b)
    os.replace(tmp, path)


def st_load(path):
    """Returns (OrderedDict name -> torch.Tensor in file order, metadata dict)."""
    with open(path, "rb") as f:
        buf = f.read()
    (n,) = struct.unpack("<Q", buf[:8])
    header = json.loads(buf[8:8 + n].decode())
    meta = header.pop("__metadata__", {}) or {}
    data = buf[8 + n:]
    items = sorted(header.items(), key=lambda kv: kv[1]["data_offsets"][0])
    out = OrderedDict()
    for name, h in items:
        b, e = h["data_offsets"]
        a = np.frombuffer(data[b:e], dtype=np.dtype(_NP_OF[h["dtype"]]).newbyteorder("<"))
        out[name] = torch.from_numpy(a.astype(_NP_OF[h["dtype"]]).reshape(h["shape"]).copy())
    return out, meta


def _read_idx_gz(path, count):
    with gzip.open(path, "rb") as f:
        magic, n = struct.unpack(">II", f.read(8))
        if magic == 2051:
            rows, cols = struct.unpack(">II", f.read(8))
            a = np.frombuffer(f.read(count * rows * cols), dtype=np.uint8)
            return a.reshape(count, rows, cols)
        return np.frombuffer(f.read(count), dtype=np.uint8)


def fashion_batch(n, shape_chw, seed):
    """(input F32 [n, C, H, W], target I64 [n]). Real images when the data set is
    present and the shape is 1x28x28; seeded uniform noise and labels otherwise."""
    imgs = os.path.join(DATA_DIR, "train-images-idx3-ubyte.gz")
    labs = os.path.join(DATA_DIR, "train-labels-idx1-ubyte.gz")
    if list(shape_chw) == [1, 28, 28] and os.path.exists(imgs) and os.path.exists(labs):
        x = _read_idx_gz(imgs, n).astype(np.float32) / np.float32(255.0)
        y = _read_idx_gz(labs, n).astype(np.int64)
        return torch.from_numpy(x.reshape(n, 1, 28, 28).copy()), torch.from_numpy(y.copy())
    g = torch.Generator().manual_seed(seed)
    return (torch.rand(n, *shape_chw, generator=g, dtype=torch.float32),
            torch.randint(0, 10, (n,), generator=g, dtype=torch.int64))


def exception_line(exc):
    """The last line(s) Python prints for an uncaught exception: `Type: message`."""
    return "%s: %s" % (type(exc).__name__, exc)
