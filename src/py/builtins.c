/* builtins.c — Python's builtins and the methods of its built-in types, and
 * the small standard-library modules model code imports (math, typing,
 * collections, functools, a few numpy functions), with Python's messages. */
#include "py/interp.h"

#ifndef M_PI
#define M_PI 3.14159265358979323846
#endif
#ifndef M_E
#define M_E 2.7182818284590452354
#endif

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define ARGS interp *I, py_val self, const py_val *a, int32_t n, const py_sym *kw, const py_val *kwv, int32_t n_kw, py_val *out
#define UNUSED_ARGS (void)I; (void)self; (void)kw; (void)kwv; (void)n_kw

/* Reject keyword arguments a builtin does not take. */
static int no_kwargs(interp *I, const char *fn, int32_t n_kw) {
    if (n_kw) return py_raise(I, "TypeError", "%s() takes no keyword arguments", fn);
    return 0;
}

static int nargs(interp *I, const char *fn, int32_t n, int32_t lo, int32_t hi) {
    if (n >= lo && n <= hi) return 0;
    if (lo == hi) return py_raise(I, "TypeError", "%s() takes exactly %s (%d given)", fn, lo == 1 ? "one argument" : "2 arguments", (int)n);
    if (n < lo) return py_raise(I, "TypeError", "%s expected at least %d argument%s, got %d", fn, (int)lo, lo == 1 ? "" : "s", (int)n);
    return py_raise(I, "TypeError", "%s expected at most %d argument%s, got %d", fn, (int)hi, hi == 1 ? "" : "s", (int)n);
}

static py_val *kwarg(const py_sym *kw, const py_val *kwv, int32_t n_kw, py_sym want) {
    for (int32_t k = 0; k < n_kw; k++)
        if (kw[k] == want) return (py_val *)&kwv[k];
    return NULL;
}

/* --------------------------------------------------------------- builtins */

static int b_print(ARGS) { (void)I; (void)a; (void)n; UNUSED_ARGS; *out = pv_none(); return 0; }

static int b_len(ARGS) {
    UNUSED_ARGS;
    if (nargs(I, "len", n, 1, 1)) return -1;
    py_val v = a[0];
    switch ((py_type)v.t) {
    case PV_STR: *out = pv_int(pv_as_str(v)->len); return 0;
    case PV_TUPLE: case PV_LIST: case PV_SET: case PV_SIZE: *out = pv_int(pv_as_seq(v)->n); return 0;
    case PV_DICT: *out = pv_int(pv_as_dict(v)->n); return 0;
    case PV_RANGE: {
        py_val *items;
        int32_t cnt;
        if (py_iterate(I, v, &items, &cnt)) return -1;
        *out = pv_int(cnt);
        return 0;
    }
    case PV_TENSOR: {
        const py_tensor *t = pv_as_tensor(v);
        if (t->shape.ndim == 0) return py_raise(I, "TypeError", "len() of a 0-d tensor");
        *out = pv_int(t->shape.d[0]);
        out->prov = PROV_OF(t->id, 0);
        return 0;
    }
    case PV_OBJ: {
        py_obj *o = pv_as_obj(v);
        py_val fn;
        if (py_getattr(I, v, py_s(I, "__len__"), &fn) == 0) return py_call(I, fn, NULL, 0, NULL, NULL, 0, out);
        I->ex.raised = 0;
        if (o->nn) { *out = pv_int(o->nn->children.n); return 0; }
        return py_raise(I, "TypeError", "object of type '%s' has no len()", o->cls->name);
    }
    default: return py_raise(I, "TypeError", "object of type '%s' has no len()", py_type_name(&v));
    }
}

static int b_range(ARGS) {
    UNUSED_ARGS;
    if (no_kwargs(I, "range", n_kw) || nargs(I, "range", n, 1, 3)) return -1;
    int64_t v[3] = {0, 0, 1};
    for (int32_t k = 0; k < n; k++) {
        if (!pv_is_int(a[k])) return py_raise(I, "TypeError", "'%s' object cannot be interpreted as an integer", py_type_name(&a[k]));
        if (a[k].big) return py_unsupported(I, "cnnc cannot follow a range beyond 64-bit integers");
    }
    if (n == 1) v[1] = a[0].u.i;
    else { v[0] = a[0].u.i; v[1] = a[1].u.i; if (n == 3) v[2] = a[2].u.i; }
    if (v[2] == 0) return py_raise(I, "ValueError", "range() arg 3 must not be zero");
    py_range *r = (py_range *)py_alloc(I->arena, sizeof *r);
    if (!r) return py_nomem(I);
    r->start = v[0];
    r->stop = v[1];
    r->step = v[2];
    *out = pv_ptr(PV_RANGE, r);
    return 0;
}

static int parse_int_text(interp *I, const py_str *s, int64_t *out) {
    const char *p = s->s;
    while (*p == ' ' || *p == '\t' || *p == '\n') p++;
    char *end;
    long long v = strtoll(p, &end, 10);
    while (*end == ' ' || *end == '\t' || *end == '\n') end++;
    if (end == p || *end) {
        cnnc_strbuf sb = {0};
        py_val sv = pv_ptr(PV_STR, (void *)s);
        py_repr(I, sv, &sb);
        py_raise(I, "ValueError", "invalid literal for int() with base 10: %s", sb.p ? sb.p : "''");
        cnnc_sb_free(&sb);
        return -1;
    }
    *out = v;
    return 0;
}

static int b_int(ARGS) {
    UNUSED_ARGS;
    if (n == 0) { *out = pv_int(0); return 0; }
    py_val v = a[0];
    if (pv_is_int(v)) { *out = pv_int(v.u.i); out->big = v.big; out->prov = v.prov; return 0; }
    if (v.t == PV_FLOAT) {
        if (isnan(v.u.f)) return py_raise(I, "ValueError", "cannot convert float NaN to integer");
        if (isinf(v.u.f)) return py_raise(I, "OverflowError", "cannot convert float infinity to integer");
        if (fabs(v.u.f) >= 9.2e18) { *out = pv_int(0); out->big = 1; return 0; }
        *out = pv_int((int64_t)v.u.f);
        return 0;
    }
    if (v.t == PV_STR) {
        int64_t i;
        if (parse_int_text(I, pv_as_str(v), &i)) return -1;
        *out = pv_int(i);
        return 0;
    }
    if (v.t == PV_TENSOR) return py_unsupported(I, "cnnc cannot follow int() of a tensor's value");
    return py_raise(I, "TypeError", "int() argument must be a string, a bytes-like object or a real number, not '%s'", py_type_name(&v));
}

static int b_float(ARGS) {
    UNUSED_ARGS;
    if (n == 0) { *out = pv_float(0.0); return 0; }
    py_val v = a[0];
    if (pv_is_num(v)) { *out = pv_float(v.t == PV_FLOAT ? v.u.f : (double)v.u.i); return 0; }
    if (v.t == PV_STR) {
        const char *s = pv_as_str(v)->s;
        char *end;
        double d = strtod(s, &end);
        while (*end == ' ') end++;
        if (end == s || *end) {
            cnnc_strbuf sb = {0};
            py_repr(I, v, &sb);
            py_raise(I, "ValueError", "could not convert string to float: %s", sb.p ? sb.p : "''");
            cnnc_sb_free(&sb);
            return -1;
        }
        *out = pv_float(d);
        return 0;
    }
    if (v.t == PV_TENSOR) return py_unsupported(I, "cnnc cannot follow float() of a tensor's value");
    return py_raise(I, "TypeError", "float() argument must be a string or a real number, not '%s'", py_type_name(&v));
}

static int b_str(ARGS) {
    UNUSED_ARGS;
    if (n == 0) { *out = pv_cstr(I, ""); return 0; }
    cnnc_strbuf sb = {0};
    py_str_of(I, a[0], &sb);
    *out = pv_str(I, sb.p ? sb.p : "", sb.len);
    cnnc_sb_free(&sb);
    return 0;
}

static int b_repr(ARGS) {
    UNUSED_ARGS;
    if (nargs(I, "repr", n, 1, 1)) return -1;
    cnnc_strbuf sb = {0};
    py_repr(I, a[0], &sb);
    *out = pv_str(I, sb.p ? sb.p : "", sb.len);
    cnnc_sb_free(&sb);
    return 0;
}

static int b_bool(ARGS) {
    UNUSED_ARGS;
    int t = 0;
    if (n && py_truthy(I, a[0], &t)) return -1;
    *out = pv_bool(t);
    return 0;
}

static int to_seq(interp *I, py_type t, int32_t n, const py_val *a, py_val *out) {
    py_val r = pv_seq(I, t, 0);
    if (r.t == PV_UNBOUND) return py_nomem(I);
    if (n) {
        py_val *items;
        int32_t cnt;
        if (py_iterate(I, a[0], &items, &cnt)) return -1;
        for (int32_t k = 0; k < cnt; k++) {
            if (t == PV_SET) {
                int dup = 0;
                for (int32_t j = 0; j < pv_as_seq(r)->n && !dup; j++) dup = py_equal(I, pv_as_seq(r)->v[j], items[k]);
                if (dup) continue;
            }
            if (py_seq_push(I, r, items[k])) return -1;
        }
    }
    *out = r;
    return 0;
}

static int b_list(ARGS) { UNUSED_ARGS; if (nargs(I, "list", n, 0, 1)) return -1; return to_seq(I, PV_LIST, n, a, out); }
static int b_tuple(ARGS) { UNUSED_ARGS; if (nargs(I, "tuple", n, 0, 1)) return -1; return to_seq(I, PV_TUPLE, n, a, out); }
static int b_set(ARGS) { UNUSED_ARGS; if (nargs(I, "set", n, 0, 1)) return -1; return to_seq(I, PV_SET, n, a, out); }

static int b_dict(ARGS) {
    (void)self;
    py_val d = pv_dict(I);
    if (d.t == PV_UNBOUND) return py_nomem(I);
    if (n) {
        py_val src = a[0];
        if (src.t == PV_DICT) {
            for (int32_t k = 0; k < pv_as_dict(src)->n; k++)
                if (py_dict_set(I, d, pv_as_dict(src)->k[k], pv_as_dict(src)->v[k])) return -1;
        } else {
            py_val *items;
            int32_t cnt;
            if (py_iterate(I, src, &items, &cnt)) return -1;
            for (int32_t k = 0; k < cnt; k++) {
                py_val *pair;
                int32_t pn;
                if (py_iterate(I, items[k], &pair, &pn)) return -1;
                if (pn != 2)
                    return py_raise(I, "ValueError", "dictionary update sequence element #%d has length %d; 2 is required", (int)k, (int)pn);
                if (py_dict_set(I, d, pair[0], pair[1])) return -1;
            }
        }
    }
    for (int32_t k = 0; k < n_kw; k++)
        if (py_dict_set(I, d, pv_cstr(I, py_sym_name(I->syms, kw[k])), kwv[k])) return -1;
    *out = d;
    return 0;
}

static int b_enumerate(ARGS) {
    (void)self;
    if (nargs(I, "enumerate", n, 1, 2)) return -1;
    int64_t start = n > 1 ? a[1].u.i : 0;
    py_val *sv = kwarg(kw, kwv, n_kw, py_s(I, "start"));
    if (sv) start = sv->u.i;
    py_val *items;
    int32_t cnt;
    if (py_iterate(I, a[0], &items, &cnt)) return -1;
    py_val r = pv_seq(I, PV_LIST, cnt);
    if (r.t == PV_UNBOUND) return py_nomem(I);
    for (int32_t k = 0; k < cnt; k++) {
        py_val pair = pv_seq(I, PV_TUPLE, 2);
        if (pair.t == PV_UNBOUND) return py_nomem(I);
        pv_as_seq(pair)->v[0] = pv_int(start + k);
        pv_as_seq(pair)->v[1] = items[k];
        pv_as_seq(r)->v[k] = pair;
    }
    *out = r;
    return 0;
}

static int b_zip(ARGS) {
    UNUSED_ARGS;
    int32_t m = INT32_MAX;
    py_val **lists = (py_val **)py_alloc(I->arena, (size_t)(n + 1) * sizeof *lists);
    if (!lists) return py_nomem(I);
    for (int32_t k = 0; k < n; k++) {
        int32_t cnt;
        if (py_iterate(I, a[k], &lists[k], &cnt)) return -1;
        if (cnt < m) m = cnt;
    }
    if (n == 0) m = 0;
    py_val r = pv_seq(I, PV_LIST, m);
    if (r.t == PV_UNBOUND) return py_nomem(I);
    for (int32_t i = 0; i < m; i++) {
        py_val t = pv_seq(I, PV_TUPLE, n);
        if (t.t == PV_UNBOUND) return py_nomem(I);
        for (int32_t k = 0; k < n; k++) pv_as_seq(t)->v[k] = lists[k][i];
        pv_as_seq(r)->v[i] = t;
    }
    *out = r;
    return 0;
}

static int b_isinstance(ARGS) {
    UNUSED_ARGS;
    if (nargs(I, "isinstance", n, 2, 2)) return -1;
    int r;
    if (py_isinstance(I, a[0], a[1], &r)) return -1;
    *out = pv_bool(r);
    return 0;
}

static int b_issubclass(ARGS) {
    UNUSED_ARGS;
    if (nargs(I, "issubclass", n, 2, 2)) return -1;
    if (a[0].t != PV_CLASS) {
        if (a[0].t == PV_BUILTIN) { *out = pv_bool(a[1].t == PV_BUILTIN && a[0].u.p == a[1].u.p); return 0; }
        return py_raise(I, "TypeError", "issubclass() arg 1 must be a class");
    }
    int r = 0;
    py_val cls = a[1];
    py_val *items = &cls;
    int32_t cnt = 1;
    if (cls.t == PV_TUPLE) { items = pv_as_seq(cls)->v; cnt = pv_as_seq(cls)->n; }
    for (int32_t k = 0; k < cnt && !r; k++)
        if (items[k].t == PV_CLASS) r = py_class_is(pv_as_class(a[0]), pv_as_class(items[k]));
    *out = pv_bool(r);
    return 0;
}

static int name_of(interp *I, py_val v, const char *fn, py_sym *out) {
    if (v.t != PV_STR) return py_raise(I, "TypeError", "%s(): attribute name must be string, not '%s'", fn, py_type_name(&v));
    *out = py_intern(I->syms, pv_as_str(v)->s, (size_t)pv_as_str(v)->len);
    return 0;
}

static int b_getattr(ARGS) {
    UNUSED_ARGS;
    if (nargs(I, "getattr", n, 2, 3)) return -1;
    py_sym s = 0;
    if (name_of(I, a[1], "getattr", &s)) return -1;
    if (py_getattr(I, a[0], s, out) == 0) return 0;
    if (n == 3 && !strcmp(I->ex.type, "AttributeError") && I->ex.status != CNNC_ERR_UNSUPPORTED) {
        I->ex.raised = 0;
        *out = a[2];
        return 0;
    }
    return -1;
}

static int b_hasattr(ARGS) {
    UNUSED_ARGS;
    if (nargs(I, "hasattr", n, 2, 2)) return -1;
    py_sym s = 0;
    if (name_of(I, a[1], "hasattr", &s)) return -1;
    py_val tmp;
    if (py_getattr(I, a[0], s, &tmp) == 0) { *out = pv_bool(1); return 0; }
    if (!strcmp(I->ex.type, "AttributeError") && I->ex.status != CNNC_ERR_UNSUPPORTED) {
        I->ex.raised = 0;
        *out = pv_bool(0);
        return 0;
    }
    return -1;
}

static int b_setattr(ARGS) {
    UNUSED_ARGS;
    if (nargs(I, "setattr", n, 3, 3)) return -1;
    py_sym s = 0;
    if (name_of(I, a[1], "setattr", &s)) return -1;
    *out = pv_none();
    return py_setattr(I, a[0], s, a[2]);
}

static int b_super(ARGS) {
    UNUSED_ARGS;
    py_super *s = (py_super *)py_alloc(I->arena, sizeof *s);
    if (!s) return py_nomem(I);
    if (n == 2) {
        if (a[0].t != PV_CLASS) return py_raise(I, "TypeError", "super() argument 1 must be a type, not %s", py_type_name(&a[0]));
        int ok = 0;
        if (a[1].t == PV_OBJ) ok = py_class_is(pv_as_obj(a[1])->cls, pv_as_class(a[0]));
        else if (a[1].t == PV_CLASS) ok = py_class_is(pv_as_class(a[1]), pv_as_class(a[0]));
        if (!ok) return py_raise(I, "TypeError", "super(type, obj): obj must be an instance or subtype of type");
        s->start = pv_as_class(a[0]);
        s->self = a[1];
    } else if (n == 0) {
        py_frame *f = I->frame;
        while (f && !f->cls && f->closure) f = f->closure;
        if (!f || !f->cls || f->first_arg.t == PV_UNBOUND) return py_raise(I, "RuntimeError", "super(): no arguments");
        s->start = f->cls;
        s->self = f->first_arg;
    } else if (n == 1) {
        /* super(T): an unbound super object (its __init__ takes (type, obj) again) */
        if (a[0].t != PV_CLASS) return py_raise(I, "TypeError", "super() argument 1 must be a type, not %s", py_type_name(&a[0]));
        s->start = pv_as_class(a[0]);
        s->self = pv_unbound();
    } else {
        return py_raise(I, "TypeError", "super() takes at most 2 arguments (%d given)", (int)n);
    }
    *out = pv_ptr(PV_SUPER, s);
    return 0;
}

/* unbound_super.__init__(type, obj): super's own __init__, with its checks */
static int b_super_init(ARGS) {
    py_val tmp;
    if (n != 2) return py_raise(I, "TypeError", "super() argument 1 must be a type, not %s", n ? py_type_name(&a[0]) : "NoneType");
    if (b_super(I, self, a, n, kw, kwv, n_kw, &tmp)) return -1;
    *out = pv_none();
    return 0;
}

int py_super_unbound_attr(interp *I, py_sym name, py_val *out) {
    if (strcmp(py_sym_name(I->syms, name), "__init__"))
        return py_unsupported(I, "cnnc cannot follow an unbound super object's %s", py_sym_name(I->syms, name));
    *out = pv_builtin(I, "__init__", b_super_init, pv_unbound(), NULL, 0);
    return out->t == PV_UNBOUND ? py_nomem(I) : 0;
}

static int minmax(interp *I, const py_val *a, int32_t n, const py_sym *kw, const py_val *kwv, int32_t n_kw, int want_max,
                  py_val *out) {
    const char *fn = want_max ? "max" : "min";
    py_val *items = (py_val *)a;
    int32_t cnt = n;
    if (n == 1 && (pv_is_seq(a[0]) || a[0].t == PV_RANGE || a[0].t == PV_SET || a[0].t == PV_DICT)) {
        if (py_iterate(I, a[0], &items, &cnt)) return -1;
    }
    py_val *dflt = kwarg(kw, kwv, n_kw, py_s(I, "default"));
    py_val *key = kwarg(kw, kwv, n_kw, py_s(I, "key"));
    if (cnt == 0) {
        if (dflt) { *out = *dflt; return 0; }
        return py_raise(I, "ValueError", "%s() arg is an empty sequence", fn);
    }
    py_val best = items[0], bestk = items[0];
    if (key && py_call(I, *key, &best, 1, NULL, NULL, 0, &bestk)) return -1;
    for (int32_t k = 1; k < cnt; k++) {
        py_val kk = items[k];
        if (key && py_call(I, *key, &items[k], 1, NULL, NULL, 0, &kk)) return -1;
        int better;
        if (py_compare(I, want_max ? PY_CMP_GT : PY_CMP_LT, kk, bestk, &better)) return -1;
        if (better) { best = items[k]; bestk = kk; }
    }
    *out = best;
    return 0;
}

static int b_max(ARGS) { (void)self; return minmax(I, a, n, kw, kwv, n_kw, 1, out); }
static int b_min(ARGS) { (void)self; return minmax(I, a, n, kw, kwv, n_kw, 0, out); }

static int b_sum(ARGS) {
    UNUSED_ARGS;
    if (nargs(I, "sum", n, 1, 2)) return -1;
    py_val *items;
    int32_t cnt;
    if (py_iterate(I, a[0], &items, &cnt)) return -1;
    py_val acc = n > 1 ? a[1] : pv_int(0);
    for (int32_t k = 0; k < cnt; k++)
        if (py_binop(I, PY_OP_PLUS, acc, items[k], &acc)) return -1;
    *out = acc;
    return 0;
}

static int b_abs(ARGS) {
    UNUSED_ARGS;
    if (nargs(I, "abs", n, 1, 1)) return -1;
    if (a[0].t == PV_FLOAT) { *out = pv_float(fabs(a[0].u.f)); return 0; }
    if (pv_is_int(a[0])) { *out = pv_int(a[0].u.i < 0 ? -a[0].u.i : a[0].u.i); return 0; }
    if (a[0].t == PV_TENSOR) return py_unsupported(I, "cnnc cannot follow abs() of a tensor");
    return py_raise(I, "TypeError", "bad operand type for abs(): '%s'", py_type_name(&a[0]));
}

static int b_round(ARGS) {
    UNUSED_ARGS;
    if (nargs(I, "round", n, 1, 2)) return -1;
    if (!pv_is_num(a[0])) return py_raise(I, "TypeError", "type %s doesn't define __round__ method", py_type_name(&a[0]));
    if (n == 2 && a[1].t != PV_NONE) {
        double m = pow(10.0, (double)a[1].u.i), x = a[0].t == PV_FLOAT ? a[0].u.f : (double)a[0].u.i;
        *out = pv_float(nearbyint(x * m) / m);
        if (a[0].t != PV_FLOAT) *out = a[0];
        return 0;
    }
    if (a[0].t != PV_FLOAT) { *out = pv_int(a[0].u.i); return 0; }
    *out = pv_int((int64_t)nearbyint(a[0].u.f));   /* banker's rounding, as Python */
    return 0;
}

static int cmp_vals(interp *I, py_val x, py_val y, int *lt) { return py_compare(I, PY_CMP_LT, x, y, lt); }

static int b_sorted(ARGS) {
    (void)self;
    if (nargs(I, "sorted", n, 1, 1)) return -1;
    py_val *items;
    int32_t cnt;
    if (py_iterate(I, a[0], &items, &cnt)) return -1;
    py_val r = pv_seq(I, PV_LIST, cnt);
    py_val keys = pv_seq(I, PV_LIST, cnt);
    if (r.t == PV_UNBOUND || keys.t == PV_UNBOUND) return py_nomem(I);
    py_val *key = kwarg(kw, kwv, n_kw, py_s(I, "key")), *rev = kwarg(kw, kwv, n_kw, py_s(I, "reverse"));
    for (int32_t k = 0; k < cnt; k++) {
        pv_as_seq(r)->v[k] = items[k];
        pv_as_seq(keys)->v[k] = items[k];
        if (key && key->t != PV_NONE && py_call(I, *key, &items[k], 1, NULL, NULL, 0, &pv_as_seq(keys)->v[k])) return -1;
    }
    int reverse = rev && rev->u.i;
    /* a stable insertion sort: model code sorts a handful of items */
    py_val *v = pv_as_seq(r)->v, *kk = pv_as_seq(keys)->v;
    for (int32_t i = 1; i < cnt; i++)
        for (int32_t j = i; j > 0; j--) {
            int lt;
            if (cmp_vals(I, reverse ? kk[j - 1] : kk[j], reverse ? kk[j] : kk[j - 1], &lt)) return -1;
            if (!lt) break;
            py_val t = v[j]; v[j] = v[j - 1]; v[j - 1] = t;
            t = kk[j]; kk[j] = kk[j - 1]; kk[j - 1] = t;
        }
    *out = r;
    return 0;
}

static int b_reversed(ARGS) {
    UNUSED_ARGS;
    if (nargs(I, "reversed", n, 1, 1)) return -1;
    py_val *items;
    int32_t cnt;
    if (py_iterate(I, a[0], &items, &cnt)) return -1;
    py_val r = pv_seq(I, PV_LIST, cnt);
    if (r.t == PV_UNBOUND) return py_nomem(I);
    for (int32_t k = 0; k < cnt; k++) pv_as_seq(r)->v[k] = items[cnt - 1 - k];
    *out = r;
    return 0;
}

static int b_map(ARGS) {
    UNUSED_ARGS;
    if (n < 2) return py_raise(I, "TypeError", "map() must have at least two arguments.");
    py_val z;
    if (b_zip(I, self, a + 1, n - 1, NULL, NULL, 0, &z)) return -1;
    py_seq *q = pv_as_seq(z);
    py_val r = pv_seq(I, PV_LIST, q->n);
    if (r.t == PV_UNBOUND) return py_nomem(I);
    for (int32_t k = 0; k < q->n; k++) {
        py_seq *t = pv_as_seq(q->v[k]);
        if (py_call(I, a[0], t->v, t->n, NULL, NULL, 0, &pv_as_seq(r)->v[k])) return -1;
    }
    *out = r;
    return 0;
}

static int b_filter(ARGS) {
    UNUSED_ARGS;
    if (nargs(I, "filter", n, 2, 2)) return -1;
    py_val *items;
    int32_t cnt;
    if (py_iterate(I, a[1], &items, &cnt)) return -1;
    py_val r = pv_seq(I, PV_LIST, 0);
    if (r.t == PV_UNBOUND) return py_nomem(I);
    for (int32_t k = 0; k < cnt; k++) {
        py_val t = items[k];
        if (a[0].t != PV_NONE && py_call(I, a[0], &items[k], 1, NULL, NULL, 0, &t)) return -1;
        int keep;
        if (py_truthy(I, t, &keep)) return -1;
        if (keep && py_seq_push(I, r, items[k])) return -1;
    }
    *out = r;
    return 0;
}

static int any_all(interp *I, const py_val *a, int32_t n, int want_all, py_val *out) {
    if (nargs(I, want_all ? "all" : "any", n, 1, 1)) return -1;
    py_val *items;
    int32_t cnt;
    if (py_iterate(I, a[0], &items, &cnt)) return -1;
    for (int32_t k = 0; k < cnt; k++) {
        int t;
        if (py_truthy(I, items[k], &t)) return -1;
        if (want_all && !t) { *out = pv_bool(0); return 0; }
        if (!want_all && t) { *out = pv_bool(1); return 0; }
    }
    *out = pv_bool(want_all);
    return 0;
}
static int b_any(ARGS) { UNUSED_ARGS; return any_all(I, a, n, 0, out); }
static int b_all(ARGS) { UNUSED_ARGS; return any_all(I, a, n, 1, out); }

static int b_type(ARGS) {
    UNUSED_ARGS;
    if (n != 1) return py_unsupported(I, "cnnc cannot follow type() with %d arguments", (int)n);
    if (a[0].t == PV_OBJ) { *out = pv_ptr(PV_CLASS, pv_as_obj(a[0])->cls); return 0; }
    py_val *b = py_attrs_find(&I->builtins, py_s(I, py_type_name(&a[0])));
    if (b) { *out = *b; return 0; }
    return py_unsupported(I, "cnnc cannot follow type() of a %s", py_type_name(&a[0]));
}

static int b_callable(ARGS) {
    UNUSED_ARGS;
    if (nargs(I, "callable", n, 1, 1)) return -1;
    int t = a[0].t;
    *out = pv_bool(t == PV_FUNC || t == PV_BOUND || t == PV_BUILTIN || t == PV_CLASS || t == PV_PARTIAL ||
                   (t == PV_OBJ && pv_as_obj(a[0])->nn));
    return 0;
}

static int b_divmod(ARGS) {
    UNUSED_ARGS;
    if (nargs(I, "divmod", n, 2, 2)) return -1;
    py_val q, r;
    if (py_binop(I, PY_OP_DSLASH, a[0], a[1], &q) || py_binop(I, PY_OP_PERCENT, a[0], a[1], &r)) return -1;
    *out = pv_seq(I, PV_TUPLE, 2);
    if (out->t == PV_UNBOUND) return py_nomem(I);
    pv_as_seq(*out)->v[0] = q;
    pv_as_seq(*out)->v[1] = r;
    return 0;
}

static int b_pow(ARGS) {
    UNUSED_ARGS;
    if (nargs(I, "pow", n, 2, 2)) return -1;
    return py_binop(I, PY_OP_DSTAR, a[0], a[1], out);
}

static int b_iter(ARGS) {
    UNUSED_ARGS;
    if (nargs(I, "iter", n, 1, 1)) return -1;
    py_iter *it = (py_iter *)py_alloc(I->arena, sizeof *it);
    if (!it) return py_nomem(I);
    it->seq = a[0];
    *out = pv_ptr(PV_ITER, it);
    return 0;
}

static int b_next(ARGS) {
    UNUSED_ARGS;
    if (nargs(I, "next", n, 1, 2)) return -1;
    if (a[0].t != PV_ITER) return py_raise(I, "TypeError", "'%s' object is not an iterator", py_type_name(&a[0]));
    py_iter *it = (py_iter *)a[0].u.p;
    py_val *items;
    int32_t cnt;
    py_val seq = it->seq;
    if (py_iterate(I, seq, &items, &cnt)) return -1;
    if (it->i >= cnt) {
        if (n == 2) { *out = a[1]; return 0; }
        return py_raise(I, "StopIteration", "%s", "");
    }
    *out = items[it->i++];
    return 0;
}

/* globals() and locals(): a snapshot dict of the calling frame's names (reads are what models do) */
static int names_dict(interp *I, const py_attrs *a, py_val *out) {
    *out = pv_dict(I);
    if (out->t == PV_UNBOUND) return py_nomem(I);
    for (int32_t k = 0; a && k < a->n; k++) {
        py_val key = pv_cstr(I, py_sym_name(I->syms, a->k[k]));
        if (key.t == PV_UNBOUND || py_dict_set(I, *out, key, a->v[k])) return py_nomem(I);
    }
    return 0;
}
static int b_globals(ARGS) { UNUSED_ARGS; (void)a; (void)n; return names_dict(I, I->frame ? I->frame->globals : NULL, out); }
static int b_locals(ARGS) {
    UNUSED_ARGS; (void)a; (void)n;
    return names_dict(I, I->frame ? (I->frame->module_level ? I->frame->globals : &I->frame->locals) : NULL, out);
}

/* collections.namedtuple(typename, field_names): its instances are tuples here
 * (cnnc keeps the values, not the field names: attribute reads are refused) */
static int b_namedtuple_new(ARGS) {
    (void)self;
    const py_seq *fields = (const py_seq *)I->callee->data;
    int32_t nf = fields ? fields->n : 0;
    if (n > nf) return py_raise(I, "TypeError", "__new__() takes %d positional arguments but %d were given", (int)nf + 1, (int)n + 1);
    py_val t = pv_seq(I, PV_TUPLE, nf);
    if (t.t == PV_UNBOUND) return py_nomem(I);
    py_seq *q = pv_as_seq(t);
    for (int32_t k = 0; k < nf; k++) q->v[k] = pv_unbound();
    for (int32_t k = 0; k < n; k++) q->v[k] = a[k];
    for (int32_t j = 0; j < n_kw; j++) {
        int32_t k;
        for (k = 0; k < nf; k++)
            if (fields->v[k].t == PV_STR && !strcmp(pv_as_str(fields->v[k])->s, py_sym_name(I->syms, kw[j]))) break;
        if (k == nf) return py_raise(I, "TypeError", "__new__() got an unexpected keyword argument '%s'", py_sym_name(I->syms, kw[j]));
        q->v[k] = kwv[j];
    }
    for (int32_t k = 0; k < nf; k++)
        if (q->v[k].t == PV_UNBOUND) return py_unsupported(I, "cnnc cannot follow a namedtuple built with missing fields");
    *out = t;
    return 0;
}

static int b_namedtuple(ARGS) {
    UNUSED_ARGS;
    if (n < 2) return py_unsupported(I, "cnnc cannot follow this namedtuple() call");
    py_val names = a[1];
    py_val list = pv_seq(I, PV_LIST, 0);
    if (list.t == PV_UNBOUND) return py_nomem(I);
    if (names.t == PV_STR) {
        /* "a b c" or "a, b, c" */
        const char *p = pv_as_str(names)->s;
        while (*p) {
            while (*p == ' ' || *p == ',') p++;
            size_t len = strcspn(p, " ,");
            if (!len) break;
            if (py_seq_push(I, list, pv_str(I, p, len))) return -1;
            p += len;
        }
    } else {
        py_val *items;
        int32_t cnt;
        if (py_iterate(I, names, &items, &cnt)) return -1;
        for (int32_t k = 0; k < cnt; k++)
            if (py_seq_push(I, list, items[k])) return -1;
    }
    *out = pv_builtin(I, a[0].t == PV_STR ? pv_as_str(a[0])->s : "namedtuple", b_namedtuple_new, pv_unbound(),
                      pv_as_seq(list), 0);
    return out->t == PV_UNBOUND ? py_nomem(I) : 0;
}

/* typing.cast(typ, val) is val */
static int b_cast(ARGS) {
    UNUSED_ARGS;
    if (n != 2) return py_raise(I, "TypeError", "cast() missing %d required positional argument%s", 2 - (int)n, n == 1 ? ": 'val'" : "s: 'typ' and 'val'");
    *out = a[1];
    return 0;
}

static int b_id(ARGS) { UNUSED_ARGS; *out = pv_int(n ? (int64_t)(intptr_t)a[0].u.p : 0); return 0; }
static int b_hash(ARGS) { UNUSED_ARGS; *out = pv_int(n ? a[0].u.i : 0); return 0; }

static int wrap(interp *I, py_type t, const py_val *a, int32_t n, py_val *out) {
    if (n != 1) return py_raise(I, "TypeError", "expected 1 argument, got %d", (int)n);
    py_val *p = (py_val *)py_alloc(I->arena, 2 * sizeof *p);
    if (!p) return py_nomem(I);
    p[0] = a[0];
    p[1] = pv_unbound();
    *out = pv_ptr(t, p);
    return 0;
}
static int b_staticmethod(ARGS) { UNUSED_ARGS; return wrap(I, PV_STATICMETHOD, a, n, out); }
static int b_classmethod(ARGS) { UNUSED_ARGS; return wrap(I, PV_CLASSMETHOD, a, n, out); }
static int b_property(ARGS) { UNUSED_ARGS; return wrap(I, PV_PROPERTY, a, n ? 1 : 0, out); }

static int b_object(ARGS) {
    UNUSED_ARGS;
    (void)a;
    if (n) return py_raise(I, "TypeError", "object() takes no arguments");
    py_obj *o = (py_obj *)py_alloc(I->arena, sizeof *o);
    if (!o) return py_nomem(I);
    o->cls = I->c_object;
    *out = pv_ptr(PV_OBJ, o);
    return 0;
}

/* An exception class's native __init__: the message is str(args). */
static int b_exc_init(ARGS) {
    UNUSED_ARGS;
    if (n < 1 || a[0].t != PV_OBJ) return 0;
    py_obj *o = pv_as_obj(a[0]);
    cnnc_strbuf sb = {0};
    if (n == 2) py_str_of(I, a[1], &sb);
    else if (n > 2) {
        py_val t = pv_seq(I, PV_TUPLE, n - 1);
        if (t.t == PV_UNBOUND) return py_nomem(I);
        memcpy(pv_as_seq(t)->v, a + 1, (size_t)(n - 1) * sizeof(py_val));
        py_repr(I, t, &sb);
    }
    o->exc_msg = py_strndup(I->arena, sb.p ? sb.p : "", sb.len);
    cnnc_sb_free(&sb);
    *out = pv_none();
    return 0;
}

/* ----------------------------------------------------- built-in type methods */

static int list_method(interp *I, const char *name, py_val self, const py_val *a, int32_t n, py_val *out) {
    py_seq *q = pv_as_seq(self);
    *out = pv_none();
    if (!strcmp(name, "append")) {
        if (nargs(I, "list.append", n, 1, 1)) return -1;
        return py_seq_push(I, self, a[0]);
    }
    if (!strcmp(name, "extend")) {
        if (nargs(I, "list.extend", n, 1, 1)) return -1;
        py_val *items;
        int32_t cnt;
        if (py_iterate(I, a[0], &items, &cnt)) return -1;
        py_val *copy = (py_val *)py_alloc(I->arena, (size_t)(cnt + 1) * sizeof *copy);
        if (!copy) return py_nomem(I);
        memcpy(copy, items, (size_t)cnt * sizeof *copy);
        for (int32_t k = 0; k < cnt; k++)
            if (py_seq_push(I, self, copy[k])) return -1;
        return 0;
    }
    if (!strcmp(name, "insert")) {
        if (nargs(I, "insert", n, 2, 2)) return -1;
        int64_t i;
        if (py_int_of(I, a[0], &i)) return -1;
        if (py_seq_push(I, self, pv_none())) return -1;
        if (i < 0) i += q->n - 1;
        if (i < 0) i = 0;
        if (i > q->n - 1) i = q->n - 1;
        memmove(q->v + i + 1, q->v + i, (size_t)(q->n - 1 - i) * sizeof *q->v);
        q->v[i] = a[1];
        return 0;
    }
    if (!strcmp(name, "pop")) {
        int64_t i = q->n - 1;
        if (n && py_int_of(I, a[0], &i)) return -1;
        if (q->n == 0) return py_raise(I, "IndexError", "pop from empty list");
        if (i < 0) i += q->n;
        if (i < 0 || i >= q->n) return py_raise(I, "IndexError", "pop index out of range");
        *out = q->v[i];
        memmove(q->v + i, q->v + i + 1, (size_t)(q->n - i - 1) * sizeof *q->v);
        q->n--;
        return 0;
    }
    if (!strcmp(name, "index") || !strcmp(name, "count")) {
        int64_t c = 0;
        for (int32_t k = 0; k < q->n; k++)
            if (n && py_equal(I, q->v[k], a[0])) {
                if (name[0] == 'i') { *out = pv_int(k); return 0; }
                c++;
            }
        if (name[0] == 'i') {
            cnnc_strbuf sb = {0};
            py_repr(I, n ? a[0] : pv_none(), &sb);
            py_raise(I, "ValueError", "%s is not in list", sb.p ? sb.p : "");
            cnnc_sb_free(&sb);
            return -1;
        }
        *out = pv_int(c);
        return 0;
    }
    if (!strcmp(name, "reverse")) {
        for (int32_t k = 0; k < q->n / 2; k++) { py_val t = q->v[k]; q->v[k] = q->v[q->n - 1 - k]; q->v[q->n - 1 - k] = t; }
        return 0;
    }
    if (!strcmp(name, "copy")) return to_seq(I, PV_LIST, 1, &self, out);
    if (!strcmp(name, "clear")) { q->n = 0; return 0; }
    if (!strcmp(name, "remove")) {
        for (int32_t k = 0; k < q->n; k++)
            if (n && py_equal(I, q->v[k], a[0])) {
                memmove(q->v + k, q->v + k + 1, (size_t)(q->n - k - 1) * sizeof *q->v);
                q->n--;
                return 0;
            }
        return py_raise(I, "ValueError", "list.remove(x): x not in list");
    }
    return 1;
}

static int dict_method(interp *I, const char *name, py_val self, const py_val *a, int32_t n, py_val *out) {
    py_dict *d = pv_as_dict(self);
    if (!strcmp(name, "keys") || !strcmp(name, "values") || !strcmp(name, "items")) {
        py_val r = pv_seq(I, PV_LIST, d->n);
        if (r.t == PV_UNBOUND) return py_nomem(I);
        for (int32_t k = 0; k < d->n; k++) {
            if (name[0] == 'k') pv_as_seq(r)->v[k] = d->k[k];
            else if (name[0] == 'v') pv_as_seq(r)->v[k] = d->v[k];
            else {
                py_val t = pv_seq(I, PV_TUPLE, 2);
                if (t.t == PV_UNBOUND) return py_nomem(I);
                pv_as_seq(t)->v[0] = d->k[k];
                pv_as_seq(t)->v[1] = d->v[k];
                pv_as_seq(r)->v[k] = t;
            }
        }
        *out = r;
        return 0;
    }
    if (!strcmp(name, "get")) {
        if (nargs(I, "get", n, 1, 2)) return -1;
        int r = py_dict_get(I, self, a[0], out);
        if (r < 0) return -1;
        if (!r) *out = n > 1 ? a[1] : pv_none();
        return 0;
    }
    if (!strcmp(name, "pop")) {
        if (nargs(I, "pop", n, 1, 2)) return -1;
        for (int32_t k = 0; k < d->n; k++)
            if (py_equal(I, d->k[k], a[0])) {
                *out = d->v[k];
                memmove(d->k + k, d->k + k + 1, (size_t)(d->n - k - 1) * sizeof *d->k);
                memmove(d->v + k, d->v + k + 1, (size_t)(d->n - k - 1) * sizeof *d->v);
                d->n--;
                return 0;
            }
        if (n > 1) { *out = a[1]; return 0; }
        cnnc_strbuf sb = {0};
        py_repr(I, a[0], &sb);
        py_raise(I, "KeyError", "%s", sb.p ? sb.p : "");
        cnnc_sb_free(&sb);
        return -1;
    }
    if (!strcmp(name, "update")) {
        if (n && a[0].t == PV_DICT)
            for (int32_t k = 0; k < pv_as_dict(a[0])->n; k++)
                if (py_dict_set(I, self, pv_as_dict(a[0])->k[k], pv_as_dict(a[0])->v[k])) return -1;
        *out = pv_none();
        return 0;
    }
    if (!strcmp(name, "setdefault")) {
        int r = py_dict_get(I, self, a[0], out);
        if (r < 0) return -1;
        if (!r) { *out = n > 1 ? a[1] : pv_none(); return py_dict_set(I, self, a[0], *out); }
        return 0;
    }
    if (!strcmp(name, "copy")) {
        py_val r = pv_dict(I);
        if (r.t == PV_UNBOUND) return py_nomem(I);
        for (int32_t k = 0; k < d->n; k++)
            if (py_dict_set(I, r, d->k[k], d->v[k])) return -1;
        *out = r;
        return 0;
    }
    return 1;
}

static int str_method(interp *I, const char *name, py_val self, const py_val *a, int32_t n, py_val *out) {
    const py_str *s = pv_as_str(self);
    if (!strcmp(name, "format")) {
        cnnc_strbuf sb = {0};
        int32_t auto_i = 0;
        for (int32_t k = 0; k < s->len; k++) {
            char c = s->s[k];
            if (c == '{' && k + 1 < s->len && s->s[k + 1] == '{') { cnnc_sb_putn(&sb, "{", 1); k++; continue; }
            if (c == '}' && k + 1 < s->len && s->s[k + 1] == '}') { cnnc_sb_putn(&sb, "}", 1); k++; continue; }
            if (c != '{') { cnnc_sb_putn(&sb, &c, 1); continue; }
            int32_t j = k + 1;
            while (j < s->len && s->s[j] != '}') j++;
            int32_t idx = auto_i++;
            if (j > k + 1 && s->s[k + 1] >= '0' && s->s[k + 1] <= '9') idx = atoi(s->s + k + 1);
            if (idx < n) py_str_of(I, a[idx], &sb);
            k = j;
        }
        *out = pv_str(I, sb.p ? sb.p : "", sb.len);
        cnnc_sb_free(&sb);
        return 0;
    }
    if (!strcmp(name, "join")) {
        if (nargs(I, "join", n, 1, 1)) return -1;
        py_val *items;
        int32_t cnt;
        if (py_iterate(I, a[0], &items, &cnt)) return -1;
        cnnc_strbuf sb = {0};
        for (int32_t k = 0; k < cnt; k++) {
            if (items[k].t != PV_STR) {
                cnnc_sb_free(&sb);
                return py_raise(I, "TypeError", "sequence item %d: expected str instance, %s found", (int)k, py_type_name(&items[k]));
            }
            if (k) cnnc_sb_putn(&sb, s->s, (size_t)s->len);
            cnnc_sb_putn(&sb, pv_as_str(items[k])->s, (size_t)pv_as_str(items[k])->len);
        }
        *out = pv_str(I, sb.p ? sb.p : "", sb.len);
        cnnc_sb_free(&sb);
        return 0;
    }
    if (!strcmp(name, "lower") || !strcmp(name, "upper")) {
        py_val r = pv_str(I, s->s, (size_t)s->len);
        if (r.t == PV_UNBOUND) return py_nomem(I);
        for (int32_t k = 0; k < s->len; k++) {
            char c = pv_as_str(r)->s[k];
            if (name[0] == 'l' && c >= 'A' && c <= 'Z') pv_as_str(r)->s[k] = (char)(c + 32);
            if (name[0] == 'u' && c >= 'a' && c <= 'z') pv_as_str(r)->s[k] = (char)(c - 32);
        }
        *out = r;
        return 0;
    }
    if (!strcmp(name, "startswith") || !strcmp(name, "endswith")) {
        if (nargs(I, name, n, 1, 1)) return -1;
        if (a[0].t != PV_STR) return py_unsupported(I, "cnnc cannot follow str.%s with a %s", name, py_type_name(&a[0]));
        const py_str *p = pv_as_str(a[0]);
        int ok = p->len <= s->len && !memcmp(name[0] == 's' ? s->s : s->s + s->len - p->len, p->s, (size_t)p->len);
        *out = pv_bool(ok);
        return 0;
    }
    if (!strcmp(name, "strip") || !strcmp(name, "lstrip") || !strcmp(name, "rstrip")) {
        int32_t lo = 0, hi = s->len;
        if (name[0] != 'r') while (lo < hi && strchr(" \t\n\r", s->s[lo])) lo++;
        if (name[0] != 'l') while (hi > lo && strchr(" \t\n\r", s->s[hi - 1])) hi--;
        *out = pv_str(I, s->s + lo, (size_t)(hi - lo));
        return 0;
    }
    if (!strcmp(name, "split")) {
        py_val r = pv_seq(I, PV_LIST, 0);
        if (r.t == PV_UNBOUND) return py_nomem(I);
        const char *sep = n && a[0].t == PV_STR ? pv_as_str(a[0])->s : NULL;
        size_t sl = sep ? strlen(sep) : 0;
        int32_t k = 0;
        while (k <= s->len) {
            if (!sep) {
                while (k < s->len && strchr(" \t\n", s->s[k])) k++;
                if (k >= s->len) break;
                int32_t e = k;
                while (e < s->len && !strchr(" \t\n", s->s[e])) e++;
                if (py_seq_push(I, r, pv_str(I, s->s + k, (size_t)(e - k)))) return -1;
                k = e;
                continue;
            }
            const char *hit = sl ? strstr(s->s + k, sep) : NULL;
            int32_t e = hit ? (int32_t)(hit - s->s) : s->len;
            if (py_seq_push(I, r, pv_str(I, s->s + k, (size_t)(e - k)))) return -1;
            if (!hit) break;
            k = e + (int32_t)sl;
        }
        *out = r;
        return 0;
    }
    if (!strcmp(name, "replace")) {
        if (nargs(I, "replace", n, 2, 3) || a[0].t != PV_STR || a[1].t != PV_STR) return -1;
        const py_str *from = pv_as_str(a[0]), *to = pv_as_str(a[1]);
        cnnc_strbuf sb = {0};
        for (int32_t k = 0; k < s->len;) {
            if (from->len && k + from->len <= s->len && !memcmp(s->s + k, from->s, (size_t)from->len)) {
                cnnc_sb_putn(&sb, to->s, (size_t)to->len);
                k += from->len;
            } else {
                cnnc_sb_putn(&sb, s->s + k, 1);
                k++;
            }
        }
        *out = pv_str(I, sb.p ? sb.p : "", sb.len);
        cnnc_sb_free(&sb);
        return 0;
    }
    if (!strcmp(name, "isdigit")) {
        int ok = s->len > 0;
        for (int32_t k = 0; k < s->len; k++) ok &= s->s[k] >= '0' && s->s[k] <= '9';
        *out = pv_bool(ok);
        return 0;
    }
    return 1;
}

static int m_call(interp *I, py_val self, const py_val *a, int32_t n, const py_sym *kw, const py_val *kwv, int32_t n_kw,
                  py_val *out);

int py_builtin_method(interp *I, py_val obj, py_sym name, py_val *out) {
    const char *nm = py_sym_name(I->syms, name);
    int known = 0;
    switch ((py_type)obj.t) {
    case PV_LIST: {
        static const char *const m[] = {"append", "extend", "insert", "pop", "index", "count", "reverse", "copy", "clear", "remove", NULL};
        for (int k = 0; m[k]; k++) known |= !strcmp(m[k], nm);
        break;
    }
    case PV_TUPLE: case PV_SIZE: {
        if (!strcmp(nm, "index") || !strcmp(nm, "count")) known = 1;
        if (obj.t == PV_SIZE && !strcmp(nm, "numel")) known = 1;
        break;
    }
    case PV_DICT: {
        static const char *const m[] = {"keys", "values", "items", "get", "pop", "update", "setdefault", "copy", NULL};
        for (int k = 0; m[k]; k++) known |= !strcmp(m[k], nm);
        break;
    }
    case PV_STR: {
        static const char *const m[] = {"format", "join", "lower", "upper", "startswith", "endswith", "strip", "lstrip",
                                        "rstrip", "split", "replace", "isdigit", NULL};
        for (int k = 0; m[k]; k++) known |= !strcmp(m[k], nm);
        break;
    }
    case PV_FLOAT: case PV_INT:
        if (!strcmp(nm, "is_integer") && obj.t == PV_FLOAT) { known = 1; break; }
        return 0;
    default: return 0;
    }
    if (!known) return 0;
    *out = pv_builtin(I, py_sym_name(I->syms, name), m_call, obj, NULL, 0);
    return out->t == PV_UNBOUND ? (py_nomem(I), -1) : 1;
}

static int m_call(interp *I, py_val self, const py_val *a, int32_t n, const py_sym *kw, const py_val *kwv, int32_t n_kw,
                  py_val *out) {
    (void)kw; (void)kwv; (void)n_kw;
    const char *name = I->callee->name;  /* the method's name is the builtin's */
    int r = 1;
    switch ((py_type)self.t) {
    case PV_LIST: r = list_method(I, name, self, a, n, out); break;
    case PV_DICT: r = dict_method(I, name, self, a, n, out); break;
    case PV_STR: r = str_method(I, name, self, a, n, out); break;
    case PV_TUPLE: case PV_SIZE: {
        py_seq *q = pv_as_seq(self);
        if (!strcmp(name, "numel")) {
            int64_t p = 1;
            for (int32_t k = 0; k < q->n; k++) p *= q->v[k].u.i;
            *out = pv_int(p);
            return 0;
        }
        int64_t c = 0;
        for (int32_t k = 0; k < q->n; k++)
            if (n && py_equal(I, q->v[k], a[0])) {
                if (name[0] == 'i') { *out = pv_int(k); return 0; }
                c++;
            }
        if (name[0] == 'i') return py_raise(I, "ValueError", "tuple.index(x): x not in tuple");
        *out = pv_int(c);
        return 0;
    }
    case PV_FLOAT: *out = pv_bool(self.u.f == floor(self.u.f)); return 0;
    default: break;
    }
    if (r > 0) return py_unsupported(I, "cnnc cannot follow %s.%s()", py_type_name(&self), name);
    return r;
}

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
    if (!strcmp(fn, "gcd") && n == 2) {
        int64_t p = a[0].u.i < 0 ? -a[0].u.i : a[0].u.i, q = a[1].u.i < 0 ? -a[1].u.i : a[1].u.i;
        while (q) { int64_t t = p % q; p = q; q = t; }
        *out = pv_int(p);
        return 0;
    }
    if (!strcmp(fn, "isclose") && n >= 2) { *out = pv_bool(fabs(x - num(a[1])) <= 1e-9 * fmax(fabs(x), fabs(num(a[1])))); return 0; }
    return py_unsupported(I, "cnnc cannot follow math.%s", fn);
}

static int b_prod(ARGS) {
    UNUSED_ARGS;
    if (n < 1) return py_raise(I, "TypeError", "prod() missing required argument 'iterable' (pos 1)");
    py_val *items;
    int32_t cnt;
    if (a[0].t == PV_TENSOR) return py_unsupported(I, "cnnc cannot follow prod() of a tensor's values");
    if (py_iterate(I, a[0], &items, &cnt)) return -1;
    py_val acc = pv_int(1);
    for (int32_t k = 0; k < cnt; k++)
        if (py_binop(I, PY_OP_STAR, acc, items[k], &acc)) return -1;
    *out = acc;
    return 0;
}

/* ----------------------------------------------------- collections, functools */

static int b_partial(ARGS) {
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

static int b_reduce(ARGS) {
    UNUSED_ARGS;
    if (nargs(I, "reduce", n, 2, 3)) return -1;
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

static int b_identity(ARGS) { UNUSED_ARGS; *out = n ? a[0] : pv_none(); (void)I; return 0; }
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

static int b_deepcopy(ARGS) {
    UNUSED_ARGS;
    if (!n) return py_raise(I, "TypeError", "deepcopy() missing 1 required positional argument: 'x'");
    copy_memo m = {0};
    return deep_copy(I, a[0], &m, 0, out);
}

static int b_warn(ARGS) { UNUSED_ARGS; (void)a; (void)n; (void)I; *out = pv_none(); return 0; }

/* ------------------------------------------------------------------ setup */

static int def(interp *I, py_attrs *where, const char *name, py_native fn, int data2) {
    py_val v = pv_builtin(I, name, fn, pv_unbound(), NULL, data2);
    if (v.t == PV_UNBOUND) return py_nomem(I);
    return py_attrs_set(I, where, py_s(I, name), v);
}

py_module_ns *py_module_new(interp *I, const char *name) {
    py_module_ns *m = (py_module_ns *)py_alloc(I->arena, sizeof *m);
    if (!m) return NULL;
    m->name = name;
    m->attrs = (py_attrs *)py_alloc(I->arena, sizeof *m->attrs);
    return m->attrs ? m : NULL;
}

int py_module_set(interp *I, py_module_ns *m, const char *name, py_val v) {
    return py_attrs_set(I, m->attrs, py_s(I, name), v);
}

static int math_dispatch(interp *I, py_val self, const py_val *a, int32_t n, const py_sym *kw, const py_val *kwv,
                         int32_t n_kw, py_val *out) {
    UNUSED_ARGS;
    return math_fn(I, I->callee->name, a, n, out);
}

static const char *const EXCEPTIONS[] = {
    "Exception", "BaseException", "ValueError", "TypeError", "RuntimeError", "NotImplementedError", "AssertionError",
    "KeyError", "IndexError", "AttributeError", "ImportError", "ModuleNotFoundError", "NameError", "ZeroDivisionError",
    "StopIteration", "ArithmeticError", "LookupError", "Warning", "UserWarning", "DeprecationWarning", "OSError",
    "OverflowError", "RecursionError", "KeyboardInterrupt", "SystemExit",
};

int py_builtins_init(interp *I) {
    py_attrs *b = &I->builtins;
    static const struct { const char *name; py_native fn; } table[] = {
        {"print", b_print}, {"len", b_len}, {"range", b_range}, {"int", b_int}, {"float", b_float}, {"str", b_str},
        {"repr", b_repr}, {"bool", b_bool}, {"list", b_list}, {"tuple", b_tuple}, {"set", b_set}, {"dict", b_dict},
        {"enumerate", b_enumerate}, {"zip", b_zip}, {"isinstance", b_isinstance}, {"issubclass", b_issubclass},
        {"getattr", b_getattr}, {"hasattr", b_hasattr}, {"setattr", b_setattr}, {"super", b_super}, {"max", b_max},
        {"min", b_min}, {"sum", b_sum}, {"abs", b_abs}, {"round", b_round}, {"sorted", b_sorted},
        {"reversed", b_reversed}, {"map", b_map}, {"filter", b_filter}, {"any", b_any}, {"all", b_all},
        {"type", b_type}, {"callable", b_callable}, {"divmod", b_divmod}, {"pow", b_pow}, {"iter", b_iter},
        {"next", b_next}, {"id", b_id}, {"hash", b_hash}, {"staticmethod", b_staticmethod}, {"globals", b_globals}, {"locals", b_locals},
        {"classmethod", b_classmethod}, {"property", b_property}, {"object", b_object},
    };
    for (size_t k = 0; k < sizeof table / sizeof table[0]; k++)
        if (def(I, b, table[k].name, table[k].fn, 0)) return -1;
    /* exception classes */
    I->c_object = py_class_new(I, "object", PB_OBJECT, NULL);
    I->c_exception = py_class_new(I, "Exception", PB_EXCEPTION, NULL);
    if (!I->c_object || !I->c_exception) return py_nomem(I);
    I->c_exception->exc_name = "Exception";
    py_val init = pv_builtin(I, "__init__", b_exc_init, pv_unbound(), NULL, 1);
    if (init.t == PV_UNBOUND || py_attrs_set(I, &I->c_exception->dict, I->s_init, init)) return py_nomem(I);
    for (size_t k = 0; k < sizeof EXCEPTIONS / sizeof EXCEPTIONS[0]; k++) {
        py_class *c = k == 0 ? I->c_exception : py_class_new(I, EXCEPTIONS[k], PB_EXCEPTION, I->c_exception);
        if (!c) return py_nomem(I);
        c->exc_name = EXCEPTIONS[k];
        c->module = "builtins";
        if (py_attrs_set(I, b, py_s(I, EXCEPTIONS[k]), pv_ptr(PV_CLASS, c))) return -1;
    }
    if (py_attrs_set(I, b, py_s(I, "NotImplemented"), pv_none()) ||
        py_attrs_set(I, b, py_s(I, "Ellipsis"), pv_ptr(PV_ELLIPSIS, NULL)) ||
        py_attrs_set(I, b, py_s(I, "__name__"), pv_cstr(I, "__main__")))
        return -1;

    /* math */
    if (!(I->m_math = py_module_new(I, "math"))) return py_nomem(I);
    static const char *const math_fns[] = {"ceil", "floor", "trunc", "sqrt", "log", "log2", "log10", "exp", "pow",
                                           "cos", "sin", "fabs", "gcd", "isclose"};
    for (size_t k = 0; k < sizeof math_fns / sizeof math_fns[0]; k++)
        if (def(I, I->m_math->attrs, math_fns[k], math_dispatch, 0)) return -1;
    if (def(I, I->m_math->attrs, "prod", b_prod, 0) || py_module_set(I, I->m_math, "pi", pv_float(M_PI)) ||
        py_module_set(I, I->m_math, "e", pv_float(M_E)) || py_module_set(I, I->m_math, "inf", pv_float(INFINITY)))
        return -1;
    /* numpy's few functions model code uses for sizes */
    if (!(I->m_numpy = py_module_new(I, "numpy"))) return py_nomem(I);
    if (def(I, I->m_numpy->attrs, "prod", b_prod, 0) || def(I, I->m_numpy->attrs, "sqrt", math_dispatch, 0) ||
        def(I, I->m_numpy->attrs, "ceil", math_dispatch, 0) || def(I, I->m_numpy->attrs, "floor", math_dispatch, 0) ||
        def(I, I->m_numpy->attrs, "log2", math_dispatch, 0) || py_module_set(I, I->m_numpy, "pi", pv_float(M_PI)))
        return -1;
    /* typing (and the other modules whose members only annotate or warn) */
    if (!(I->m_typing = py_module_new(I, "typing"))) return py_nomem(I);
    static const char *const typing_names[] = {"Any", "Callable", "Dict", "List", "Optional", "Sequence", "Tuple",
                                               "Type", "Union", "Iterable", "Mapping", "TypeVar", "Generic",
                                               "annotations", "Iterator", "overload", "Final", "ClassVar", "Literal"};
    for (size_t k = 0; k < sizeof typing_names / sizeof typing_names[0]; k++)
        if (py_module_set(I, I->m_typing, typing_names[k], pv_ptr(PV_TYPING, NULL))) return -1;
    if (def(I, I->m_typing->attrs, "cast", b_cast, 0) || def(I, I->m_typing->attrs, "warn", b_warn, 0) || def(I, I->m_typing->attrs, "filterwarnings", b_warn, 0))
        return -1;
    /* sys: sys.modules[__name__] is the running source (py_exec_source adds it) */
    if (!(I->m_sys = py_module_new(I, "sys"))) return py_nomem(I);
    py_val mods = pv_dict(I);
    if (mods.t == PV_UNBOUND || py_module_set(I, I->m_sys, "modules", mods)) return py_nomem(I);
    /* collections */
    if (!(I->m_collections = py_module_new(I, "collections"))) return py_nomem(I);
    if (def(I, I->m_collections->attrs, "OrderedDict", b_dict, 0) ||
        def(I, I->m_collections->attrs, "namedtuple", b_namedtuple, 0))
        return -1;
    /* functools (and copy) */
    if (!(I->m_functools = py_module_new(I, "functools"))) return py_nomem(I);
    if (def(I, I->m_functools->attrs, "partial", b_partial, 0) || def(I, I->m_functools->attrs, "reduce", b_reduce, 0) ||
        def(I, I->m_functools->attrs, "wraps", b_identity, 0) || def(I, I->m_functools->attrs, "copy", b_identity, 0) ||
        def(I, I->m_functools->attrs, "deepcopy", b_deepcopy, 0))
        return -1;
    return 0;
}
