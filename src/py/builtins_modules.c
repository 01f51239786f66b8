/* builtins_modules.c — the small standard-library modules model code imports:
 * math and a few numpy functions, collections and functools (partial, reduce),
 * copy.deepcopy and warnings, with Python's messages. */
#include "py/builtins_internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------ math, numpy */

static double num(py_val v) { return v.t == PV_FLOAT ? v.u.f : (double)v.u.i; }

static int math_fn(interp *I, const char *fn, const py_val *a, int32_t n, py_val *out) {
    if (n < 1 || !pv_is_num(a[0])) {
        if (n >= 1 && a[0].t == PV_TENSOR) return py_unsupported(I, "cnnc cannot follow math.%s of a tensor", fn);
        return py_raise(I, "TypeError", "must be real number, not %s", n ? py_type_name(&a[0]) : "nothing");
    }
    double x = num(a[0]);
    if (!strcmp(fn, "ceil")) { *out = pv_int((int64_t)ceil(x)); return 0; }
    if (!strcmp(fn, "floor")) { *out = pv_int((int64_t)floor(x)); return 0; }
    if (!strcmp(fn, "trunc")) { *out = pv_int((int64_t)x); return 0; }
    if (!strcmp(fn, "sqrt")) {
        if (x < 0) return py_raise(I, "ValueError", "math domain error");
        *out = pv_float(sqrt(x));
        return 0;
    }
    if (!strcmp(fn, "log")) {
        if (x <= 0) return py_raise(I, "ValueError", "math domain error");
        *out = pv_float(n > 1 ? log(x) / log(num(a[1])) : log(x));
        return 0;
    }
    if (!strcmp(fn, "log2")) { if (x <= 0) return py_raise(I, "ValueError", "math domain error"); *out = pv_float(log2(x)); return 0; }
    if (!strcmp(fn, "log10")) { if (x <= 0) return py_raise(I, "ValueError", "math domain error"); *out = pv_float(log10(x)); return 0; }
    if (!strcmp(fn, "exp")) { *out = pv_float(exp(x)); return 0; }
    if (!strcmp(fn, "pow")) { *out = pv_float(pow(x, n > 1 ? num(a[1]) : 1.0)); return 0; }
    if (!strcmp(fn, "cos")) { *out = pv_float(cos(x)); return 0; }
    if (!strcmp(fn, "sin")) { *out = pv_float(sin(x)); return 0; }
    if (!strcmp(fn, "fabs")) { *out = pv_float(fabs(x)); return 0; }
    if (!strcmp(fn, "erf")) { *out = pv_float(erf(x)); return 0; }
    if (!strcmp(fn, "erfc")) { *out = pv_float(erfc(x)); return 0; }
    if (!strcmp(fn, "tan")) { *out = pv_float(tan(x)); return 0; }
    if (!strcmp(fn, "tanh")) { *out = pv_float(tanh(x)); return 0; }
    if (!strcmp(fn, "atan")) { *out = pv_float(atan(x)); return 0; }
    if (!strcmp(fn, "degrees")) { *out = pv_float(x * (180.0 / 3.141592653589793)); return 0; }
    if (!strcmp(fn, "radians")) { *out = pv_float(x * (3.141592653589793 / 180.0)); return 0; }
    if (!strcmp(fn, "expm1")) { *out = pv_float(expm1(x)); return 0; }
    if (!strcmp(fn, "log1p")) {
        if (x <= -1) return py_raise(I, "ValueError", "math domain error");
        *out = pv_float(log1p(x));
        return 0;
    }
    if ((!strcmp(fn, "atan2") || !strcmp(fn, "hypot")) && (n != 2 || !pv_is_num(a[1])))
        return py_unsupported(I, "cnnc cannot follow this call of math.%s", fn);
    if (!strcmp(fn, "atan2") && n == 2) { *out = pv_float(atan2(x, num(a[1]))); return 0; }
    if (!strcmp(fn, "hypot") && n == 2) { *out = pv_float(hypot(x, num(a[1]))); return 0; }
    if (!strcmp(fn, "gcd") && n == 2) {
        int64_t p = a[0].u.i < 0 ? -a[0].u.i : a[0].u.i, q = a[1].u.i < 0 ? -a[1].u.i : a[1].u.i;
        while (q) { int64_t t = p % q; p = q; q = t; }
        *out = pv_int(p);
        return 0;
    }
    if (!strcmp(fn, "isclose") && n >= 2) { *out = pv_bool(fabs(x - num(a[1])) <= 1e-9 * fmax(fabs(x), fabs(num(a[1])))); return 0; }
    return py_unsupported(I, "cnnc cannot follow math.%s", fn);
}

int builtin_prod(ARGS) {
    UNUSED_ARGS;
    if (n < 1) return py_raise(I, "TypeError", "prod() missing required argument 'iterable' (pos 1)");
    py_val *items;
    int32_t cnt;
    if (a[0].t == PV_TENSOR) {   /* of an array whose int values are known (np.prod(np.array([4, 8, 4]))) */
        const py_tensor *t = pv_as_tensor(a[0]);
        const py_known *k = py_tensor_known(t);
        const double *v = k && k->is_int && t->node == TENSOR_CONST ? py_known_values(I, t) : NULL;
        if (!v) return py_unsupported(I, "cnnc cannot follow prod() of a tensor's values");
        double p = 1.0;
        for (int64_t i = 0; i < cnnc_shape_numel(&t->shape); i++) p *= v[i];
        if (!(p > -9007199254740992.0 && p < 9007199254740992.0)) return py_unsupported(I, "cnnc cannot follow a product this large");
        *out = pv_int((int64_t)p);
        return 0;
    }
    if (py_iterate(I, a[0], &items, &cnt)) return -1;
    py_val acc = pv_int(1);
    for (int32_t k = 0; k < cnt; k++)
        if (py_binop(I, PY_OP_STAR, acc, items[k], &acc)) return -1;
    *out = acc;
    return 0;
}

/* ------------------------------------------------------------ numpy scalars */

/* numpy's scalar type by name (np.int32, x.astype(int)); 0: not one cnnc models */
static uint16_t np_kind_named(const char *nm) {
    if (!strcmp(nm, "int64") || !strcmp(nm, "int_") || !strcmp(nm, "int") || !strcmp(nm, "longlong")) return PV_NP_INT64;
    if (!strcmp(nm, "int32") || !strcmp(nm, "intc")) return PV_NP_INT32;
    if (!strcmp(nm, "float64") || !strcmp(nm, "float_") || !strcmp(nm, "float") || !strcmp(nm, "double")) return PV_NP_FLOAT64;
    if (!strcmp(nm, "float32") || !strcmp(nm, "single")) return PV_NP_FLOAT32;
    return 0;
}

static int np_convert(interp *I, const char *fn, py_val v, uint16_t kind, py_val *out) {
    if (!pv_is_num(v) || v.big) return py_unsupported(I, "cnnc cannot follow numpy.%s of a %s", fn, py_type_name(&v));
    const double x = num(v);
    if (kind == PV_NP_INT64 || kind == PV_NP_INT32) {
        if (v.t == PV_FLOAT && !(fabs(x) < 9.2e18)) return py_unsupported(I, "cnnc cannot follow numpy.%s of %g", fn, x);
        int64_t i = v.t == PV_FLOAT ? (int64_t)x : v.u.i;
        if (kind == PV_NP_INT32) i = (int32_t)(uint32_t)(uint64_t)i;   /* numpy wraps */
        *out = pv_int(i);
    } else {
        *out = pv_float(kind == PV_NP_FLOAT32 ? (double)(float)x : x);
    }
    out->pad = kind;
    return 0;
}

/* np.int32(x), np.float64(x), ...: the scalar types, called */
int builtin_np_type(ARGS) {
    UNUSED_ARGS;
    const uint16_t kind = np_kind_named(I->callee->name);
    if (n == 0) return np_convert(I, I->callee->name, pv_int(0), kind, out);
    if (n > 1) return py_unsupported(I, "cnnc cannot follow numpy.%s with %d arguments", I->callee->name, (int)n);
    return np_convert(I, I->callee->name, a[0], kind, out);
}

/* np.floor, np.ceil, np.sqrt, np.log, np.log2, np.log10, np.exp, np.sin, np.cos of a
 * number: a numpy.float64 (numpy's nan and inf where math raises) */
int builtin_np_math(ARGS) {
    UNUSED_ARGS;
    const char *fn = I->callee->name;
    if (n != 1 || !pv_is_num(a[0]) || a[0].big)
        return py_unsupported(I, "cnnc cannot follow numpy.%s of %s", fn, n ? py_type_name(&a[0]) : "nothing");
    const double x = num(a[0]);
    const double r = !strcmp(fn, "floor") ? floor(x) : !strcmp(fn, "ceil") ? ceil(x) : !strcmp(fn, "sqrt") ? sqrt(x)
                   : !strcmp(fn, "log") ? log(x) : !strcmp(fn, "log10") ? log10(x) : !strcmp(fn, "exp") ? exp(x)
                   : !strcmp(fn, "sin") ? sin(x) : !strcmp(fn, "cos") ? cos(x)
                   : !strcmp(fn, "spacing") ? copysign(nextafter(fabs(x), INFINITY) - fabs(x), x) : log2(x);
    *out = pv_float(r);
    out->pad = PV_NP_FLOAT64;
    return 0;
}

/* np.prod: math.prod's value as a numpy scalar */
int builtin_np_prod(ARGS) {
    if (builtin_prod(I, self, a, n, kw, kwv, n_kw, out)) return -1;
    if (out->t == PV_INT || out->t == PV_FLOAT) out->pad = out->t == PV_INT ? PV_NP_INT64 : PV_NP_FLOAT64;
    return 0;
}

/* x.astype(np.int32), x.astype(int), x.astype('float32') */
static int np_astype(ARGS) {
    UNUSED_ARGS;
    if (n != 1) return py_unsupported(I, "cnnc cannot follow this call of astype()");
    const char *nm = a[0].t == PV_BUILTIN ? ((const py_builtin *)a[0].u.p)->name : a[0].t == PV_STR ? pv_as_str(a[0])->s : "";
    const uint16_t kind = np_kind_named(nm);
    if (!kind) return py_unsupported(I, "cnnc cannot follow astype() to a %s", py_type_name(&a[0]));
    return np_convert(I, "astype", self, kind, out);
}

static int np_item(ARGS) {
    UNUSED_ARGS;
    (void)a;
    if (n) return py_raise(I, "TypeError", "item() takes no arguments");
    *out = self;
    out->pad = PV_NP_NONE;
    return 0;
}

int py_numpy_scalar_attr(interp *I, py_val obj, py_sym name, py_val *out) {
    const char *nm = py_sym_name(I->syms, name);
    py_native fn = !strcmp(nm, "astype") ? np_astype : !strcmp(nm, "item") ? np_item : NULL;
    if (!fn) return py_unsupported(I, "cnnc cannot follow %s.%s", py_type_name(&obj), nm);   /* numpy's many attributes */
    *out = pv_builtin(I, nm, fn, obj, NULL, 0);
    return out->t == PV_UNBOUND ? py_nomem(I) : 0;
}

/* ----------------------------------------------------- collections, functools */

int builtin_partial(ARGS) {
    (void)self;
    if (n < 1) return py_raise(I, "TypeError", "type 'partial' takes at least one argument");
    py_partial *p = (py_partial *)py_alloc(I->arena, sizeof *p);
    if (!p) return py_nomem(I);
    p->fn = a[0];
    p->n = n - 1;
    p->args = (py_val *)py_alloc(I->arena, (size_t)(n + 1) * sizeof(py_val));
    p->kw = (py_sym *)py_alloc(I->arena, (size_t)(n_kw + 1) * sizeof(py_sym));
    p->kwv = (py_val *)py_alloc(I->arena, (size_t)(n_kw + 1) * sizeof(py_val));
    if (!p->args || !p->kw || !p->kwv) return py_nomem(I);
    memcpy(p->args, a + 1, (size_t)(n - 1) * sizeof(py_val));
    memcpy(p->kw, kw, (size_t)n_kw * sizeof(py_sym));
    memcpy(p->kwv, kwv, (size_t)n_kw * sizeof(py_val));
    p->n_kw = n_kw;
    *out = pv_ptr(PV_PARTIAL, p);
    return 0;
}

int builtin_reduce(ARGS) {
    UNUSED_ARGS;
    if (builtin_nargs(I, "reduce", n, 2, 3)) return -1;
    py_val *items;
    int32_t cnt;
    if (py_iterate(I, a[1], &items, &cnt)) return -1;
    int32_t k = 0;
    py_val acc;
    if (n == 3) acc = a[2];
    else {
        if (!cnt) return py_raise(I, "TypeError", "reduce() of empty iterable with no initial value");
        acc = items[k++];
    }
    for (; k < cnt; k++) {
        py_val args[2] = {acc, items[k]};
        if (py_call(I, a[0], args, 2, NULL, NULL, 0, &acc)) return -1;
    }
    *out = acc;
    return 0;
}

int builtin_identity(ARGS) { UNUSED_ARGS; *out = n ? a[0] : pv_none(); (void)I; return 0; }

/* functools.wraps(wrapped, ...): a decorator that gives back the function it decorates (the
 * metadata it would copy is not kept); it was the identity, which made @wraps(init) call init */
int builtin_wraps(ARGS) {
    UNUSED_ARGS;
    (void)a;
    if (n < 1) return py_raise(I, "TypeError", "wraps() missing 1 required positional argument: 'wrapped'");
    *out = pv_builtin(I, "decorating_function", builtin_identity, pv_unbound(), NULL, 0);
    return out->t == PV_UNBOUND ? py_nomem(I) : 0;
}
/* copy.deepcopy: modules get new parameters of the same shapes; a value met twice is copied once */
typedef struct copy_memo { const void **from; py_val *to; int32_t n, cap; } copy_memo;

static int deep_copy(interp *I, py_val v, copy_memo *m, int depth, py_val *out);

static int copy_attrs(interp *I, const py_attrs *src, py_attrs *dst, copy_memo *m, int depth) {
    memset(dst, 0, sizeof *dst);
    for (int32_t k = 0; k < src->n; k++) {
        py_val c;
        if (deep_copy(I, src->v[k], m, depth + 1, &c) || py_attrs_set(I, dst, src->k[k], c)) return -1;
    }
    return 0;
}

static int deep_copy(interp *I, py_val v, copy_memo *m, int depth, py_val *out) {
    if (depth > 200) return py_raise(I, "RecursionError", "maximum recursion depth exceeded while calling a Python object");
    int heap = v.t == PV_OBJ || v.t == PV_LIST || v.t == PV_DICT || v.t == PV_TUPLE || v.t == PV_TENSOR || v.t == PV_SET;
    if (!heap) { *out = v; return 0; }
    if (py_charge(I, (m->n >> 3) + 1)) return -1;   /* the memo is a list: copying n objects is quadratic */
    for (int32_t k = 0; k < m->n; k++)
        if (m->from[k] == v.u.p) { *out = m->to[k]; return 0; }
    if (m->n == m->cap) {
        int32_t cap = m->cap ? 2 * m->cap : 64;
        const void **f = (const void **)py_alloc(I->arena, (size_t)cap * sizeof *f);
        py_val *t = (py_val *)py_alloc(I->arena, (size_t)cap * sizeof *t);
        if (!f || !t) return py_nomem(I);
        if (m->n) { memcpy(f, m->from, (size_t)m->n * sizeof *f); memcpy(t, m->to, (size_t)m->n * sizeof *t); }
        m->from = f; m->to = t; m->cap = cap;
    }
    int32_t slot = m->n++;
    m->from[slot] = v.u.p;
    switch ((py_type)v.t) {
    case PV_TENSOR: {
        const py_tensor *t = pv_as_tensor(v);
        *out = pv_tensor(I, &t->shape, t->node);
        if (out->t == PV_UNBOUND) return py_nomem(I);
        pv_as_tensor(*out)->is_param = t->is_param;
        m->to[slot] = *out;
        return 0;
    }
    case PV_LIST: case PV_TUPLE: case PV_SET: {
        const py_seq *q = pv_as_seq(v);
        *out = pv_seq(I, (py_type)v.t, q->n);
        if (out->t == PV_UNBOUND) return py_nomem(I);
        m->to[slot] = *out;
        for (int32_t k = 0; k < q->n; k++)
            if (deep_copy(I, q->v[k], m, depth + 1, &pv_as_seq(*out)->v[k])) return -1;
        return 0;
    }
    case PV_DICT: {
        const py_dict *d = pv_as_dict(v);
        *out = pv_dict(I);
        if (out->t == PV_UNBOUND) return py_nomem(I);
        m->to[slot] = *out;
        for (int32_t k = 0; k < d->n; k++) {
            py_val c;
            if (deep_copy(I, d->v[k], m, depth + 1, &c) || py_dict_set(I, *out, d->k[k], c)) return -1;
        }
        return 0;
    }
    case PV_OBJ: {
        const py_obj *o = pv_as_obj(v);
        py_obj *no = (py_obj *)py_alloc(I->arena, sizeof *no);
        if (!no) return py_nomem(I);
        *no = *o;
        *out = pv_ptr(PV_OBJ, no);
        m->to[slot] = *out;
        if (copy_attrs(I, &o->attrs, &no->attrs, m, depth)) return -1;
        if (o->nn) {
            no->nn = (py_nn *)py_alloc(I->arena, sizeof *no->nn);
            if (!no->nn) return py_nomem(I);
            *no->nn = *o->nn;
            no->nn->path = NULL;
            no->nn->owner_node = -1;
            if (copy_attrs(I, &o->nn->children, &no->nn->children, m, depth) ||
                copy_attrs(I, &o->nn->params, &no->nn->params, m, depth) ||
                copy_attrs(I, &o->nn->buffers, &no->nn->buffers, m, depth))
                return -1;
        }
        return 0;
    }
    default: *out = v; return 0;
    }
}

int builtin_deepcopy(ARGS) {
    UNUSED_ARGS;
    if (!n) return py_raise(I, "TypeError", "deepcopy() missing 1 required positional argument: 'x'");
    copy_memo m = {0};
    return deep_copy(I, a[0], &m, 0, out);
}

int builtin_warn(ARGS) { UNUSED_ARGS; (void)a; (void)n; (void)I; *out = pv_none(); return 0; }
int builtin_get_logger(ARGS) { UNUSED_ARGS; (void)a; (void)n; *out = pv_ptr(PV_MODULE, I->m_logging); return 0; }

int builtin_math_dispatch(interp *I, py_val self, const py_val *a, int32_t n, const py_sym *kw, const py_val *kwv,
                          int32_t n_kw, py_val *out) {
    UNUSED_ARGS;
    return math_fn(I, I->callee->name, a, n, out);
}

