#!/usr/bin/python3
"""graphops_ref.py shapes|values|graph IN OUT

The PyTorch side of the graph tensor-operation tests (tests/graphops_*_test.cpp,
tests/cuda_graphops_test.cpp): add/sub/mul/div, cat, exp, randn_like,
mean/sum, narrow, permute, transpose. Files are plain text, one record a line,
tensors as `NAME NDIM D0 .. Dn-1 V0 V1 ..` (floats as printf %.9g reads them).

shapes: each input line is `EXPR<TAB>SHAPES` (SHAPES: `2x3x4;5x1` for the
  tensors a, b, c, ...; `-` is a 0-d tensor; empty: none). Each output line is
  the result's shape as a list, `[2, 3, 4]`, or the exception line Python
  prints, `RuntimeError: ...` (newlines in a message written as \\n).
values: records `case NAME`, `expr EXPR`, `tensor a ...`, `dout ...`, `end`.
  Evaluates EXPR on the tensors (float32, requires_grad), back-propagates dout
  and writes `case NAME`, `out ...`, `grad a ...` (or `grad a none`), `end`.
graph: a graph by name (GRAPHS below, built as tests/graphops_util.h builds
  it), its parameters, a batch and SGD settings; runs `steps` SGD steps with
  CrossEntropyLoss and writes the first forward's logits, each step's loss, the
  first backward's gradients and the parameters after the last step.
"""
import sys

import torch
import torch.nn.functional as F


def fmt_exc(exc):
    return ("%s: %s" % (type(exc).__name__, exc)).replace("\n", "\\n")


def parse_shape(text):
    if text == "-":
        return []
    return [int(v) for v in text.split("x")]


def run_shapes(inp, out):
    lines = []
    for line in open(inp):
        line = line.rstrip("\n")
        if not line:
            continue
        expr, shapes = line.split("\t")
        env = {"torch": torch, "F": F}
        for k, s in enumerate([s for s in shapes.split(";") if s]):
            env["abcdefgh"[k]] = torch.rand(parse_shape(s))
        try:
            r = eval(expr, env)
            lines.append(str(list(r.shape)))
        except Exception as exc:  # noqa: BLE001 - report what Python raised
            lines.append(fmt_exc(exc))
    open(out, "w").write("\n".join(lines) + "\n")


def read_tensor(fields):
    nd = int(fields[0])
    dims = [int(v) for v in fields[1:1 + nd]]
    vals = [float(v) for v in fields[1 + nd:]]
    return torch.tensor(vals, dtype=torch.float32).reshape(dims)


def write_tensor(f, name, t):
    t = t.detach().float().contiguous()
    f.write("%s %d %s %s\n" % (name, t.dim(), " ".join(str(d) for d in t.shape),
                               " ".join(repr(v) for v in t.reshape(-1).tolist())))


def run_values(inp, out):
    with open(out, "w") as f:
        case = None
        for line in open(inp):
            fields = line.split()
            if not fields:
                continue
            if fields[0] == "case":
                case = {"name": fields[1], "tensors": {}, "order": []}
            elif fields[0] == "expr":
                case["expr"] = line.strip()[5:]
            elif fields[0] == "tensor":
                t = read_tensor(fields[2:]).requires_grad_(True)
                case["tensors"][fields[1]] = t
                case["order"].append(fields[1])
            elif fields[0] == "dout":
                case["dout"] = read_tensor(fields[1:])
            elif fields[0] == "end":
                env = {"torch": torch, "F": F}
                env.update(case["tensors"])
                r = eval(case["expr"], env)
                if r.requires_grad:
                    r.backward(case["dout"])
                f.write("case %s\n" % case["name"])
                write_tensor(f, "out", r)
                for name in case["order"]:
                    g = case["tensors"][name].grad
                    if g is None:
                        f.write("grad %s none\n" % name)
                    else:
                        write_tensor(f, "grad " + name, g)
                f.write("end\n")


# ---- graphs: the same nodes as tests/graphops_util.h's builders ----

def conv(p, name, x, stride=1, padding=0):
    return F.conv2d(x, p[name + ".weight"], p[name + ".bias"], stride=stride, padding=padding)


def linear(p, name, x):
    return F.linear(x, p[name + ".weight"], p[name + ".bias"])


def g_residual(p, x, eps):
    c1 = conv(p, "c1", x, 2, 1)
    c2 = conv(p, "c2", torch.relu(c1), 1, 1)
    return linear(p, "fc", torch.flatten(c2 + c1, 1))


def g_cat(p, x, eps):
    c1 = conv(p, "c1", x, 2, 1)
    b1 = conv(p, "b1", c1)
    b2 = conv(p, "b2", c1, 1, 1)
    return linear(p, "fc", torch.flatten(torch.relu(torch.cat([b1, c1, b2], 1)), 1))


def g_ops(p, x, eps):
    c = conv(p, "c1", x, 2, 1)                        # [N, 4, 14, 14]
    n = c.shape[0]
    sh = c.view(n, 2, 2, 14, 14).transpose(1, 2).contiguous().view(n, 4, 14, 14)  # channel shuffle
    u = sh + c.mean(0)                                # broadcast over the batch: [4, 14, 14]
    a, b = u.chunk(2, 1)                              # narrow, narrow
    m = a * b
    e1 = torch.exp(b * 0.5) + 1.0
    d = m / e1
    s = 1 - d
    g = c.mean([2, 3], keepdim=True)[:, 0:2]          # [N, 2, 1, 1]
    w = s * g
    t = w.permute(0, 1, 3, 2).transpose(2, 3)
    v = torch.sub(t, a, alpha=0.5)
    z = torch.add(v / 2.0, 2.0 / e1, alpha=-1.5)
    y = torch.sum(z, 3)                               # [N, 2, 14]
    return linear(p, "fc", torch.flatten(y, 1))


def g_vae(p, x, eps):
    c = conv(p, "c1", x, 2, 1)
    mu, logvar = c.narrow(1, 0, 2), c.narrow(1, 2, 2)
    std = torch.exp(logvar * 0.5)
    z = mu + eps * std                                # eps = torch.randn_like(std), drawn by cnnc
    return linear(p, "fc", torch.flatten(z, 1))


GRAPHS = {"residual": g_residual, "cat": g_cat, "ops": g_ops, "vae": g_vae}


def run_graph(inp, out):
    params, order, eps = {}, [], {}
    cfg = {}
    for line in open(inp):
        fields = line.split()
        if not fields:
            continue
        if fields[0] == "param":
            params[fields[1]] = read_tensor(fields[2:]).requires_grad_(True)
            order.append(fields[1])
        elif fields[0] == "eps":
            eps[int(fields[1])] = read_tensor(fields[2:])
        elif fields[0] == "x":
            x = read_tensor(fields[1:])
        elif fields[0] == "labels":
            y = torch.tensor([int(v) for v in fields[1:]], dtype=torch.int64)
        else:
            cfg[fields[0]] = fields[1]
    graph = GRAPHS[cfg["graph"]]
    opt = torch.optim.SGD([params[k] for k in order], lr=float(cfg["lr"]), momentum=float(cfg["momentum"]))
    with open(out, "w") as f:
        for step in range(int(cfg["steps"])):
            opt.zero_grad()
            logits = graph(params, x, eps.get(step))
            loss = F.cross_entropy(logits, y)
            loss.backward()
            if step == 0:
                write_tensor(f, "logits", logits)
                for k in order:
                    write_tensor(f, "grad " + k, params[k].grad)
            f.write("loss %d %r\n" % (step, loss.item()))
            opt.step()
        for k in order:
            write_tensor(f, "param " + k, params[k])


if __name__ == "__main__":
    mode, inp, out = sys.argv[1:4]
    {"shapes": run_shapes, "values": run_values, "graph": run_graph}[mode](inp, out)
