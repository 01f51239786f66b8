/* stdlib_argparse.c — argparse.Namespace, which configurations reach model constructors as
 * (`Net(argparse.Namespace(num_levels=6, ...))`, `args.lv_chs`), written (below) in the Python
 * that cnnc reads; building an ArgumentParser (a command line, not a model) is refused, as is
 * any other name of argparse. Loaded on first `import argparse`. */
#include "py/interp.h"

#include <stdlib.h>
#include <string.h>

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

static int b_refuse(interp *I, py_val self, const py_val *a, int32_t n, const py_sym *kw, const py_val *kwv, int32_t n_kw,
                    py_val *out) {
    (void)self; (void)kw; (void)kwv; (void)n_kw; (void)out;
    return py_unsupported(I, "%s", n == 1 && a[0].t == PV_STR ? pv_as_str(a[0])->s : "cnnc cannot follow this use of argparse");
}

static int add_refuse(interp *I, py_source *src) {
    py_val f = pv_builtin(I, "_cnnc_refuse", b_refuse, pv_unbound(), NULL, 0);
    if (f.t == PV_UNBOUND) return py_nomem(I);
    return py_attrs_set(I, &src->globals, py_s(I, "_cnnc_refuse"), f);
}

static int argparse_getattr(interp *I, py_module_ns *m, py_sym name, py_val *out) {
    (void)out;
    const char *nm = py_sym_name(I->syms, name);
    if (nm[0] == '_' && nm[1] == '_') return 1;
    return py_unsupported(I, "cnnc cannot follow %s.%s", m->name, nm);
}

py_module_ns *py_stdlib_argparse(interp *I) {
    if (I->m_argparse) return I->m_argparse;
    const size_t len = sizeof argparse_py - 1;
    char *text = (char *)malloc(len + 1);
    if (!text) { py_nomem(I); return NULL; }
    memcpy(text, argparse_py, len + 1);
    const int32_t line = I->line, col = I->col;
    py_source *saved = I->cur_src;
    py_source *src = py_load_text(I, "<cnnc>/argparse.py", text, len, add_refuse);
    I->cur_src = saved;
    I->line = line;
    I->col = col;
    if (!src) return NULL;
    py_module_ns *m = py_module_new(I, "argparse");
    if (!m) { py_nomem(I); return NULL; }
    m->attrs = &src->globals;
    m->getattr = argparse_getattr;
    m->is_source = 1;
    I->m_argparse = m;
    return m;
}
