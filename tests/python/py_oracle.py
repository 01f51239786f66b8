#!/usr/bin/python3
"""py_oracle.py FILE.py... [--input 2x1x28x28] [--sweep H=a..b,W=c..d --step N]

Runs PyTorch on nn.Module classes from Python sources, as `cnnc check` reads
them: each nn.Module subclass defined in the file (file order) is
instantiated with no arguments, put in train mode and run on torch.rand of
the input shape (--input, else the file's `# input: 2x1x28x28` comment).
Prints one line per class: `FILE<TAB>CLASS<TAB>RESULT` where RESULT is the
output shape list ([2, 10]; a returned tuple or list in parentheses,
([2, 10], [2, 1568]); None for no value) or the exception line. 1.13 texts that differ from 2.x are rewritten with
shape_oracle.py's table. A file that does not compile prints one line with
class `-`.
With --sweep, prints `H<TAB>W<TAB>RESULT` for the sampled sizes instead.
"""
import contextlib
import inspect
import io
import os
import re
import sys
import types
import warnings

if __name__ == "__main__":
    import fast_malloc  # the script's folder is sys.path[0]
    fast_malloc.reexec()  # before torch is imported: less CPU time, the same answers

import torch
import torch.nn as nn

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from shape_oracle import rewritten  # noqa: E402
from corpus_oracle import fmt as value_text  # noqa: E402  (forward's value as the corpus prints it)


def exc_name(exc):
    """The exception's name as Python's traceback prints it: module-qualified unless builtin
    or the file's own (numpy.AxisError, RuntimeError)."""
    mod = type(exc).__module__
    name = type(exc).__qualname__
    return name if mod in ("builtins", "__main__", "pysrc_model") else "%s.%s" % (mod, name)


def exc_line(exc, module=None):
    new = rewritten(exc, module)
    return "%s: %s" % (exc_name(exc), exc if new is None else new)


def input_of(text):
    m = re.search(r"^# input: (\d+(?:x\d+)*)", text, re.M)
    return [int(v) for v in m.group(1).split("x")] if m else [2, 1, 28, 28]


def classes_of(path):
    text = open(path).read()
    # a module of its own, in sys.modules while it runs, as importing it makes it
    # (sys.modules[__name__].__dict__ picks classes by name)
    module = types.ModuleType("pysrc_model")
    module.__file__ = os.path.abspath(path)
    ns = module.__dict__
    try:
        code = compile(text, path, "exec")
    except SyntaxError as exc:
        return text, None, "%s: %s" % (type(exc).__name__, exc.msg)
    sys.modules["pysrc_model"] = module
    try:
        exec(code, ns)
    except Exception as exc:  # noqa: BLE001 - running the file raised: every class's answer
        return text, None, "%s: %s" % (exc_name(exc), str(exc).split("\n", 1)[0])
    found = [v for v in ns.values() if inspect.isclass(v) and issubclass(v, nn.Module)
             and v.__module__ == "pysrc_model"]
    found.sort(key=lambda c: text.find("class %s(" % c.__name__))
    return text, found, None


def run(cls, shape):
    try:
        model = cls()
    except Exception as exc:  # noqa: BLE001 - report what Python raised
        return exc_line(exc)
    model.train()
    torch.manual_seed(0)
    current = [None]

    def hook(mod, inp):
        current[0] = mod
    hs = []
    for m in model.modules():
        try:
            hs.append(m.register_forward_pre_hook(hook))
        except RuntimeError:  # a torch.jit.ScriptModule takes no hooks
            pass
    try:
        with torch.no_grad(), contextlib.redirect_stdout(io.StringIO()):
            out = model(torch.rand(*shape))
        return value_text(out)
    except Exception as exc:  # noqa: BLE001
        return exc_line(exc, current[0])
    finally:
        for h in hs:
            h.remove()


def main(argv):
    shape = None
    sweep = None
    step = 1
    files = []
    i = 0
    while i < len(argv):
        if argv[i] == "--input":
            shape = [int(v) for v in argv[i + 1].split("x")]
            i += 2
        elif argv[i] == "--sweep":
            sweep = argv[i + 1]
            i += 2
        elif argv[i] == "--step":
            step = int(argv[i + 1])
            i += 2
        else:
            files.append(argv[i])
            i += 1
    for path in files:
        text, found, err = classes_of(path)
        if err:
            print("%s\t-\t%s" % (path, err))
            continue
        base = shape or input_of(text)
        if sweep:
            rng = dict(part.split("=") for part in sweep.split(","))
            h0, h1 = map(int, rng["H"].split(".."))
            w0, w1 = map(int, rng.get("W", rng["H"]).split(".."))
            for h in range(h0, h1 + 1, step):
                for w in range(w0, w1 + 1, step):
                    print("%d\t%d\t%s" % (h, w, run(found[-1], base[:-2] + [h, w])))
            continue
        for cls in found:
            print("%s\t%s\t%s" % (path, cls.__name__, run(cls, base)))
    return 0


if __name__ == "__main__":
    warnings.filterwarnings("ignore")
    sys.exit(main(sys.argv[1:]))
