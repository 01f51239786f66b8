#!/usr/bin/python3
"""corpus_oracle.py CASES.tsv [--root DIR]

Runs PyTorch on the real-code corpus (tests/corpus/real/): each line of CASES.tsv is
`FILE<TAB>CLASS<TAB>ARGS<TAB>INPUTS` (FILE relative to --root, default the folder of
CASES.tsv; ARGS `-` for none, else the text between the parentheses of `CLASS(...)`,
evaluated in the file's module namespace; INPUTS one shape like 2x3x32x32, or several
separated by `;` for forward(self, a, b)). Prints one line per case:
`FILE<TAB>CLASS<TAB>ARGS<TAB>INPUTS<TAB>RESULT`, where RESULT is
  - the output shape as a list, `[2, 10]`; a returned tuple or list gives the shapes
    of all its elements in parentheses, `([2, 10], [2, 20], [2, 20])` (nested likewise;
    a non-tensor element is its repr);
  - or the exception line `Type: message` (first line of the message) when importing
    the file, constructing the class or running forward raises; 1.13 texts that differ
    from 2.x are rewritten with shape_oracle.py's REWRITES, as py_oracle.py does;
  - `SyntaxError: <msg>` when the file does not compile (`IndentationError` or `TabError`,
    the subclasses Python names, where it is one of those).
  A dict output prints `UNSUPPORTED: forward returned a dict` (the corpus has no such case).

Run as py_oracle.py runs a class: construct, train mode, torch.manual_seed(0), torch.rand
inputs, torch.no_grad(), stdout captured. In addition the seeds (torch, random, numpy) are
set to 0 before the import and before construction, so every run prints the same.
Each file is imported once, as a module of a synthetic package made from its folder
(no __init__.py is run), so `from .sibling import *` works for files kept side by side;
every file gets its own module name. A failure in one case never stops the run.
"""
import contextlib
import importlib.util
import io
import os
import random
import re
import sys
import types
import warnings

sys.dont_write_bytecode = True  # importing siblings must not write __pycache__ into the corpus

if __name__ == "__main__":
    import fast_malloc  # the script's folder is sys.path[0]
    fast_malloc.reexec()  # before torch is imported: half the CPU time, the same answers

import numpy as np
import torch
import torch.nn as nn

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from shape_oracle import rewritten  # noqa: E402


def first_line(text):
    return text.split("\n", 1)[0]


def exc_name(exc):
    """A library's exception module-qualified, as Python's traceback prints it (numpy.AxisError,
    torch.jit.Error); a builtin's or a corpus file's own by its name."""
    mod = type(exc).__module__
    if mod.split(".")[0] in ("torch", "numpy"):
        return "%s.%s" % (mod, type(exc).__qualname__)
    return type(exc).__name__


def exc_line(exc, module=None):
    new = rewritten(exc, module)
    return "%s: %s" % (exc_name(exc), first_line(str(exc) if new is None else new))


def seed_all():
    torch.manual_seed(0)
    random.seed(0)
    np.random.seed(0)


_packages = {}
_modules = {}


def package_for(folder):
    pkg = _packages.get(folder)
    if pkg is None:
        pkg = "_corpus_pkg%d" % len(_packages)
        mod = types.ModuleType(pkg)
        mod.__path__ = [folder]
        mod.__package__ = pkg
        sys.modules[pkg] = mod
        _packages[folder] = pkg
    return pkg


def load(path):
    """Returns (module, None) or (None, error line); imports each file once."""
    if path in _modules:
        return _modules[path]
    try:
        with open(path, "rb") as f:
            source = f.read()
        compile(source, path, "exec")
    except SyntaxError as exc:
        _modules[path] = (None, "%s: %s" % (type(exc).__name__, exc.msg))
        return _modules[path]
    except Exception as exc:  # noqa: BLE001 - unreadable file
        _modules[path] = (None, exc_line(exc))
        return _modules[path]
    folder = os.path.dirname(os.path.abspath(path))
    pkg = package_for(folder)
    stem = re.sub(r"\W", "_", os.path.splitext(os.path.basename(path))[0])
    name = "%s.%s" % (pkg, stem)
    if name in sys.modules:  # already imported as a sibling of another file: reuse it
        _modules[path] = (sys.modules[name], None)
        return _modules[path]
    spec = importlib.util.spec_from_file_location(name, os.path.abspath(path))
    mod = importlib.util.module_from_spec(spec)
    sys.modules[name] = mod
    seed_all()
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            spec.loader.exec_module(mod)
    except Exception as exc:  # noqa: BLE001 - the import error is every case's result
        del sys.modules[name]
        _modules[path] = (None, exc_line(exc))
        return _modules[path]
    _modules[path] = (mod, None)
    return _modules[path]


class DictOutput(Exception):
    pass


def fmt(out):
    if isinstance(out, torch.Tensor):
        return str(list(out.shape))
    if isinstance(out, (tuple, list)):
        return "(" + ", ".join(fmt(o) for o in out) + ")"
    if isinstance(out, dict):
        raise DictOutput()
    return repr(out)


def parse_shapes(text):
    return [[int(v) for v in part.split("x")] for part in text.split(";")]


def run_case(root, file, cls_name, args, inputs):
    mod, err = load(os.path.join(root, file))
    if err:
        return err
    cls = getattr(mod, cls_name, None)
    if not (isinstance(cls, type) and issubclass(cls, nn.Module)):
        return "UNSUPPORTED: no nn.Module class %s in %s" % (cls_name, file)
    ns = dict(vars(mod))
    ns["__corpus_cls__"] = cls
    seed_all()
    try:
        with contextlib.redirect_stdout(io.StringIO()):
            model = eval("__corpus_cls__(%s)" % ("" if args == "-" else args), ns)  # noqa: S307
    except Exception as exc:  # noqa: BLE001 - report what Python raised
        return exc_line(exc)
    model.train()
    seed_all()
    xs = [torch.rand(*shape) for shape in parse_shapes(inputs)]
    current = [None]

    def hook(module, inp):
        current[0] = module
    hs = []
    for m in model.modules():
        try:
            hs.append(m.register_forward_pre_hook(hook))
        except RuntimeError:  # a torch.jit.ScriptModule takes no hooks
            pass
    try:
        with torch.no_grad(), contextlib.redirect_stdout(io.StringIO()):
            out = model(*xs)
        return fmt(out)
    except DictOutput:
        return "UNSUPPORTED: forward returned a dict"
    except Exception as exc:  # noqa: BLE001
        return exc_line(exc, current[0])
    finally:
        for h in hs:
            h.remove()


def main(argv):
    root = None
    cases = None
    i = 0
    while i < len(argv):
        if argv[i] == "--root":
            root = argv[i + 1]
            i += 2
        else:
            cases = argv[i]
            i += 1
    if cases is None:
        print(__doc__, file=sys.stderr)
        return 2
    if root is None:
        root = os.path.dirname(os.path.abspath(cases))
    # One intra-op thread: no result depends on it, and on a shared 2-core machine the
    # whole corpus runs ~25% faster than with torch's default of one thread per core.
    torch.set_num_threads(1)
    with open(cases) as f:
        lines = [l.rstrip("\n") for l in f]
    for line in lines:
        if not line.strip() or line.startswith("#"):
            continue
        file, cls_name, args, inputs = line.split("\t")
        try:
            result = run_case(root, file, cls_name, args, inputs)
        except Exception as exc:  # noqa: BLE001 - never stop the run
            result = "ORACLE ERROR: " + exc_line(exc)
        print("%s\t%s\t%s\t%s\t%s" % (file, cls_name, args, inputs, result.replace("\t", " ")), flush=True)
    return 0


if __name__ == "__main__":
    warnings.filterwarnings("ignore")
    sys.exit(main(sys.argv[1:]))
