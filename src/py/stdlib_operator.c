/* stdlib_operator.c — the operator module as model code folds sizes with it
 * (`reduce(operator.mul, x.shape[1:])`, `reduce(__add__, [(k // 2, k // 2) for k in ks])`):
 * the binary operators, neg and getitem, each the operator's own rules (a tensor's too).
 * operator.__add__ is operator.add, and their errors name it so ("add expected 2 arguments,
 * got 1"). Other names are refused. Loaded on first `import operator`. */
#include "py/interp.h"
#include "py/lex.h"

#include <string.h>

static const struct { const char *name; int op; } binary[] = {
    {"add", PY_OP_PLUS}, {"sub", PY_OP_MINUS}, {"mul", PY_OP_STAR}, {"truediv", PY_OP_SLASH},
    {"floordiv", PY_OP_DSLASH}, {"mod", PY_OP_PERCENT}, {"pow", PY_OP_DSTAR}, {"matmul", PY_OP_AT},
    {"and_", PY_OP_AMP}, {"or_", PY_OP_PIPE}, {"xor", PY_OP_CARET}, {"lshift", PY_OP_LSHIFT}, {"rshift", PY_OP_RSHIFT},
};

static int arity(interp *I, const char *fn, int32_t n, int32_t want, int32_t n_kw) {
    if (n_kw) return py_raise(I, "TypeError", "%s() takes no keyword arguments", fn);
    if (n != want) return py_raise(I, "TypeError", "%s expected %d argument%s, got %d", fn, (int)want, want == 1 ? "" : "s", (int)n);
    return 0;
}

static int op_binary(interp *I, py_val self, const py_val *a, int32_t n, const py_sym *kw, const py_val *kwv, int32_t n_kw,
                     py_val *out) {
    (void)self; (void)kw; (void)kwv;
    const char *fn = I->callee->name;
    if (arity(I, fn, n, 2, n_kw)) return -1;
    return py_binop(I, I->callee->data2, a[0], a[1], out);
}

static int op_neg(interp *I, py_val self, const py_val *a, int32_t n, const py_sym *kw, const py_val *kwv, int32_t n_kw,
                  py_val *out) {
    (void)self; (void)kw; (void)kwv;
    if (arity(I, "neg", n, 1, n_kw)) return -1;
    return py_binop(I, PY_OP_STAR, pv_int(-1), a[0], out);
}

static int op_getitem(interp *I, py_val self, const py_val *a, int32_t n, const py_sym *kw, const py_val *kwv, int32_t n_kw,
                      py_val *out) {
    (void)self; (void)kw; (void)kwv;
    if (arity(I, "getitem", n, 2, n_kw)) return -1;
    return py_getitem(I, a[0], a[1], out);
}

/* operator's other names, its dunders too (__iadd__, __name__ ...): refused, where
 * py_refuse_other_names would leave a dunder to the generic lookup */
static int refuse_other_names(interp *I, py_module_ns *m, py_sym name, py_val *out) {
    (void)out;
    const char *nm = py_sym_name(I->syms, name);
    if (nm[0] == '_' && nm[1] == '_' && !strchr(nm + 2, '_')) return 1;
    return py_unsupported(I, "cnnc cannot follow %s.%s", m->name, nm);
}

static int def(interp *I, py_module_ns *m, const char *name, const char *fn_name, py_native fn, int data2) {
    py_val f = pv_builtin(I, fn_name, fn, pv_unbound(), NULL, data2);
    if (f.t == PV_UNBOUND) return py_nomem(I);
    return py_attrs_set(I, m->attrs, py_s(I, name), f);
}

py_module_ns *py_stdlib_operator(interp *I) {
    if (I->m_operator) return I->m_operator;
    py_module_ns *m = py_module_new(I, "operator");
    if (!m) { py_nomem(I); return NULL; }
    for (size_t k = 0; k < sizeof binary / sizeof binary[0]; k++) {
        char dunder[32];
        const size_t len = strlen(binary[k].name);
        const size_t stem = binary[k].name[len - 1] == '_' ? len - 1 : len;   /* and_ is __and__ */
        memcpy(dunder, "__", 2);
        memcpy(dunder + 2, binary[k].name, stem);
        memcpy(dunder + 2 + stem, "__", 3);
        const char *dn = py_strndup(I->arena, dunder, strlen(dunder));
        if (!dn || def(I, m, binary[k].name, binary[k].name, op_binary, binary[k].op) ||
            def(I, m, dn, binary[k].name, op_binary, binary[k].op))
            return NULL;
    }
    if (def(I, m, "neg", "neg", op_neg, 0) || def(I, m, "__neg__", "neg", op_neg, 0) ||
        def(I, m, "getitem", "getitem", op_getitem, 0) || def(I, m, "__getitem__", "getitem", op_getitem, 0))
        return NULL;
    m->getattr = refuse_other_names;
    I->m_operator = m;
    return m;
}
