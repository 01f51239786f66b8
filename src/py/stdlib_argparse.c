/* stdlib_argparse.c — argparse.Namespace, which configurations reach model constructors as
 * (`Net(argparse.Namespace(num_levels=6, ...))`, `args.lv_chs`), written (below) in the Python
 * that cnnc reads; building an ArgumentParser (a command line, not a model) is refused, as is
 * any other name of argparse. Loaded on first `import argparse`. */
#include "py/interp.h"

static const char argparse_py[] =
    "class Namespace(object):\n"
    "    def __init__(self, **kwargs):\n"
    "        for name in kwargs:\n"
    "            setattr(self, name, kwargs[name])\n"
    "\n"
    "    def __contains__(self, key):\n"
    "        return key in self.__dict__\n"
    "\n"
    "\n"
    "def ArgumentParser(*args, **kwargs):\n"
    "    _cnnc_refuse('cnnc cannot follow argparse.ArgumentParser (a command line, not a model)')\n";

py_module_ns *py_stdlib_argparse(interp *I) {
    if (!I->m_argparse) I->m_argparse = py_prelude_module(I, "argparse", "<cnnc>/argparse.py", argparse_py, sizeof argparse_py - 1);
    return I->m_argparse;
}
