"""st.py - a tiny pure-Python safetensors reader/writer for torch tensors.

There is no `safetensors` package on the machines cnnc is tested on, so the
parity tests use this instead. Format: u64 little-endian header length N,
N bytes of JSON {"name": {"dtype", "shape", "data_offsets": [begin, end]},
"__metadata__": {str: str}}, then the raw little-endian tensor bytes.

    load_file(path) -> dict[str, torch.Tensor]
    save_file(tensors, path, metadata=None)
    load_metadata(path) -> dict[str, str]
"""
import json
import os
import struct

import torch

_DTYPES = {
    "F64": torch.float64, "F32": torch.float32, "F16": torch.float16, "BF16": torch.bfloat16,
    "I64": torch.int64, "I32": torch.int32, "I16": torch.int16, "I8": torch.int8,
    "U8": torch.uint8, "BOOL": torch.bool,
}
_NAMES = {v: k for k, v in _DTYPES.items()}


def _read_header(f, size):
    raw = f.read(8)
    if len(raw) != 8:
        raise ValueError("truncated safetensors file (no header length)")
    (n,) = struct.unpack("<Q", raw)
    if n > 100_000_000 or n > size - 8:
        raise ValueError("bad safetensors header length %d for a %d-byte file" % (n, size))
    header = json.loads(f.read(n).decode("utf-8"))
    return n, header


def load_metadata(path):
    with open(path, "rb") as f:
        _, header = _read_header(f, os.path.getsize(path))
    return dict(header.get("__metadata__", {}))


def load_file(path):
    size = os.path.getsize(path)
    with open(path, "rb") as f:
        n, header = _read_header(f, size)
        data = f.read()
    out = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        dtype = _DTYPES[info["dtype"]]
        begin, end = info["data_offsets"]
        if not 0 <= begin <= end <= len(data):
            raise ValueError("tensor %r: data_offsets %r outside the data" % (name, (begin, end)))
        shape = [int(d) for d in info["shape"]]
        t = torch.frombuffer(bytearray(data[begin:end]), dtype=dtype) if end > begin else torch.empty(0, dtype=dtype)
        out[name] = t.reshape(shape).clone()
    return out


def save_file(tensors, path, metadata=None):
    header = {}
    if metadata:
        header["__metadata__"] = {str(k): str(v) for k, v in metadata.items()}
    blobs, offset = [], 0
    for name, t in tensors.items():
        t = t.detach().cpu().contiguous()
        blob = t.numpy().tobytes() if t.dtype != torch.bfloat16 else t.view(torch.int16).numpy().tobytes()
        header[name] = {"dtype": _NAMES[t.dtype], "shape": list(t.shape),
                        "data_offsets": [offset, offset + len(blob)]}
        blobs.append(blob)
        offset += len(blob)
    text = json.dumps(header, separators=(",", ":")).encode("utf-8")
    text += b" " * ((8 - (8 + len(text)) % 8) % 8)
    tmp = "%s.tmp.%d" % (path, os.getpid())
    with open(tmp, "wb") as f:
        f.write(struct.pack("<Q", len(text)))
        f.write(text)
        for blob in blobs:
            f.write(blob)
        f.flush()
        os.fsync(f.fileno())
    os.replace(tmp, path)
