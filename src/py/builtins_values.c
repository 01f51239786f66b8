/* builtins_values.c — the builtins that make, convert and fold values: len,
 * range, int, float, str, repr, bool, list, tuple, set, dict, enumerate, zip,
 * min, max, sum, abs, round, sorted, reversed, map, filter, any, all, divmod,
 * pow, iter, next, with Python's messages. */
#include "py/builtins_internal.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* --------------------------------------------------------------- builtins */

int builtin_print(ARGS) { (void)I; (void)a; (void)n; UNUSED_ARGS; *out = pv_none(); return 0; }

int builtin_len(ARGS) {
    UNUSED_ARGS;
    if (builtin_nargs(I, "len", n, 1, 1)) return -1;
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
    case PV_CLASS: {   /* len(Color) */
        py_val *items;
        int32_t cnt;
        const int r = py_enum_members(I, pv_as_class(v), &items, &cnt);
        if (r < 0) return -1;
        if (r == 0) { *out = pv_int(cnt); return 0; }
        return py_raise(I, "TypeError", "object of type 'type' has no len()");
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

int builtin_range(ARGS) {
    UNUSED_ARGS;
    if (builtin_no_kwargs(I, "range", n_kw) || builtin_nargs(I, "range", n, 1, 3)) return -1;
    int64_t v[3] = {0, 0, 1}, given[3] = {0, 0, 0};
    for (int32_t k = 0; k < n; k++) {
        if (a[k].t == PV_TENSOR) {   /* Tensor.__index__ */
            if (py_tensor_index(I, a[k], &given[k])) return -1;
            continue;
        }
        if (!pv_is_int(a[k])) return py_raise(I, "TypeError", "'%s' object cannot be interpreted as an integer", py_type_name(&a[k]));
        if (a[k].big) return py_unsupported(I, "cnnc cannot follow a range beyond 64-bit integers");
        given[k] = a[k].u.i;
    }
    if (n == 1) v[1] = given[0];
    else { v[0] = given[0]; v[1] = given[1]; if (n == 3) v[2] = given[2]; }
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

int builtin_int(ARGS) {
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
    if (v.t == PV_TENSOR) {
        if (py_tensor_scalar(I, v, "int()", out)) return -1;
        if (out->t == PV_FLOAT) *out = pv_int((int64_t)out->u.f);   /* the float's truncation, as int(x.item()) */
        else if (out->t == PV_BOOL) *out = pv_int(out->u.i);
        return 0;
    }
    return py_raise(I, "TypeError", "int() argument must be a string, a bytes-like object or a real number, not '%s'", py_type_name(&v));
}

int builtin_float(ARGS) {
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
    if (v.t == PV_TENSOR) {
        if (py_tensor_scalar(I, v, "float()", out)) return -1;
        if (out->t != PV_FLOAT) *out = pv_float((double)out->u.i);
        return 0;
    }
    return py_raise(I, "TypeError", "float() argument must be a string or a real number, not '%s'", py_type_name(&v));
}

int builtin_str(ARGS) {
    UNUSED_ARGS;
    if (n == 0) { *out = pv_cstr(I, ""); return 0; }
    if (a[0].t == PV_OPAQUE) return py_opaque_use(I, a[0]);
    cnnc_strbuf sb = {0};
    py_str_of(I, a[0], &sb);
    *out = pv_str(I, sb.p ? sb.p : "", sb.len);
    cnnc_sb_free(&sb);
    return 0;
}

int builtin_repr(ARGS) {
    UNUSED_ARGS;
    if (builtin_nargs(I, "repr", n, 1, 1)) return -1;
    if (a[0].t == PV_OPAQUE) return py_opaque_use(I, a[0]);
    cnnc_strbuf sb = {0};
    py_repr(I, a[0], &sb);
    *out = pv_str(I, sb.p ? sb.p : "", sb.len);
    cnnc_sb_free(&sb);
    return 0;
}

int builtin_bool(ARGS) {
    UNUSED_ARGS;
    int t = 0;
    if (n && py_truthy(I, a[0], &t)) return -1;
    *out = pv_bool(t);
    return 0;
}

int builtin_to_seq(interp *I, py_type t, int32_t n, const py_val *a, py_val *out) {
    py_val r = pv_seq(I, t, 0);
    if (r.t == PV_UNBOUND) return py_nomem(I);
    if (n) {
        py_val *items;
        int32_t cnt;
        if (py_iterate(I, a[0], &items, &cnt)) return -1;
        for (int32_t k = 0; k < cnt; k++)
            if (t == PV_SET ? py_set_add(I, r, items[k]) : py_seq_push(I, r, items[k])) return -1;
    }
    *out = r;
    return 0;
}

int builtin_list(ARGS) { UNUSED_ARGS; if (builtin_nargs(I, "list", n, 0, 1)) return -1; return builtin_to_seq(I, PV_LIST, n, a, out); }
int builtin_tuple(ARGS) { UNUSED_ARGS; if (builtin_nargs(I, "tuple", n, 0, 1)) return -1; return builtin_to_seq(I, PV_TUPLE, n, a, out); }
int builtin_set(ARGS) { UNUSED_ARGS; if (builtin_nargs(I, "set", n, 0, 1)) return -1; return builtin_to_seq(I, PV_SET, n, a, out); }

/* collections.defaultdict(default_factory=None, ...): a dict whose missing keys get
 * default_factory() (its other arguments are dict()'s) */
int builtin_defaultdict(ARGS) {
    py_val factory = n ? a[0] : pv_none();
    if (factory.t != PV_NONE && !(factory.t == PV_FUNC || factory.t == PV_BUILTIN || factory.t == PV_CLASS ||
                                  factory.t == PV_BOUND || factory.t == PV_PARTIAL))
        return py_raise(I, "TypeError", "first argument must be callable or None");
    if (builtin_dict(I, self, n ? a + 1 : a, n ? n - 1 : 0, kw, kwv, n_kw, out)) return -1;
    pv_as_dict(*out)->default_factory = factory;
    return 0;
}

int builtin_dict(ARGS) {
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

int builtin_enumerate(ARGS) {
    (void)self;
    if (builtin_nargs(I, "enumerate", n, 1, 2)) return -1;
    int64_t start = n > 1 ? a[1].u.i : 0;
    py_val *sv = builtin_kwarg(kw, kwv, n_kw, py_s(I, "start"));
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

int builtin_zip(ARGS) {
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

static int minmax(interp *I, const py_val *a, int32_t n, const py_sym *kw, const py_val *kwv, int32_t n_kw, int want_max,
                  py_val *out) {
    const char *fn = want_max ? "max" : "min";
    py_val *items = (py_val *)a;
    int32_t cnt = n;
    if (n == 1 && (pv_is_seq(a[0]) || a[0].t == PV_RANGE || a[0].t == PV_SET || a[0].t == PV_DICT)) {
        if (py_iterate(I, a[0], &items, &cnt)) return -1;
    }
    py_val *dflt = builtin_kwarg(kw, kwv, n_kw, py_s(I, "default"));
    py_val *key = builtin_kwarg(kw, kwv, n_kw, py_s(I, "key"));
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

int builtin_max(ARGS) { (void)self; return minmax(I, a, n, kw, kwv, n_kw, 1, out); }
int builtin_min(ARGS) { (void)self; return minmax(I, a, n, kw, kwv, n_kw, 0, out); }

int builtin_sum(ARGS) {
    UNUSED_ARGS;
    if (builtin_nargs(I, "sum", n, 1, 2)) return -1;
    py_val *items;
    int32_t cnt;
    if (py_iterate(I, a[0], &items, &cnt)) return -1;
    py_val acc = n > 1 ? a[1] : pv_int(0);
    for (int32_t k = 0; k < cnt; k++)
        if (py_binop(I, PY_OP_PLUS, acc, items[k], &acc)) return -1;
    *out = acc;
    return 0;
}

int builtin_abs(ARGS) {
    UNUSED_ARGS;
    if (builtin_nargs(I, "abs", n, 1, 1)) return -1;
    if (a[0].t == PV_FLOAT) { *out = pv_float(fabs(a[0].u.f)); return 0; }
    if (pv_is_int(a[0])) { *out = pv_int(a[0].u.i < 0 ? -a[0].u.i : a[0].u.i); return 0; }
    if (a[0].t == PV_TENSOR) {   /* Tensor.__abs__ (an array's too) */
        py_val fn;
        if (py_getattr(I, a[0], py_s(I, "abs"), &fn) || py_call(I, fn, NULL, 0, NULL, NULL, 0, out)) return -1;
        if (out->t == PV_TENSOR) pv_as_tensor(*out)->is_numpy = pv_as_tensor(a[0])->is_numpy;
        return 0;
    }
    return py_raise(I, "TypeError", "bad operand type for abs(): '%s'", py_type_name(&a[0]));
}

/* slice(stop) / slice(start, stop[, step]): a slice object, as the subscript a:b:c makes
 * (Swin's window masks index with tuples of them) */
int builtin_slice(ARGS) {
    UNUSED_ARGS;
    if (n_kw) return py_raise(I, "TypeError", "slice() takes no keyword arguments");
    if (n < 1) return py_raise(I, "TypeError", "slice expected at least 1 argument, got 0");
    if (n > 3) return py_raise(I, "TypeError", "slice expected at most 3 arguments, got %d", (int)n);
    py_slice *sl = (py_slice *)py_alloc(I->arena, sizeof *sl);
    if (!sl) return py_nomem(I);
    sl->lo = n == 1 ? pv_none() : a[0];
    sl->hi = n == 1 ? a[0] : a[1];
    sl->step = n == 3 ? a[2] : pv_none();
    *out = pv_ptr(PV_SLICE, sl);
    return 0;
}

/* chr(i): the code point's UTF-8 text */
int builtin_chr(ARGS) {
    UNUSED_ARGS;
    if (builtin_nargs(I, "chr", n, 1, 1)) return -1;
    if (!pv_is_int(a[0])) return py_raise(I, "TypeError", "'%s' object cannot be interpreted as an integer", py_type_name(&a[0]));
    const int64_t c = a[0].u.i;
    if (a[0].big || c < 0 || c >= 0x110000) return py_raise(I, "ValueError", "chr() arg not in range(0x110000)");
    char b[4];
    size_t len;
    if (c < 0x80) { b[0] = (char)c; len = 1; }
    else if (c < 0x800) { b[0] = (char)(0xC0 | (c >> 6)); b[1] = (char)(0x80 | (c & 0x3F)); len = 2; }
    else if (c < 0x10000) { b[0] = (char)(0xE0 | (c >> 12)); b[1] = (char)(0x80 | ((c >> 6) & 0x3F)); b[2] = (char)(0x80 | (c & 0x3F)); len = 3; }
    else { b[0] = (char)(0xF0 | (c >> 18)); b[1] = (char)(0x80 | ((c >> 12) & 0x3F)); b[2] = (char)(0x80 | ((c >> 6) & 0x3F)); b[3] = (char)(0x80 | (c & 0x3F)); len = 4; }
    *out = pv_str(I, b, len);
    return out->t == PV_UNBOUND ? py_nomem(I) : 0;
}

/* ord(c): an ASCII character's code; other characters are refused (cnnc's strings are bytes) */
int builtin_ord(ARGS) {
    UNUSED_ARGS;
    if (builtin_nargs(I, "ord", n, 1, 1)) return -1;
    if (a[0].t != PV_STR) return py_raise(I, "TypeError", "ord() expected string of length 1, but %s found", py_type_name(&a[0]));
    const py_str *s = pv_as_str(a[0]);
    for (int32_t k = 0; k < s->len; k++)
        if ((unsigned char)s->s[k] >= 0x80) return py_unsupported(I, "cnnc follows ord() of an ASCII character");
    if (s->len != 1)
        return py_raise(I, "TypeError", "ord() expected a character, but string of length %d found", (int)s->len);
    *out = pv_int((unsigned char)s->s[0]);
    return 0;
}

int builtin_round(ARGS) {
    UNUSED_ARGS;
    if (builtin_nargs(I, "round", n, 1, 2)) return -1;
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

int builtin_sorted(ARGS) {
    (void)self;
    if (builtin_nargs(I, "sorted", n, 1, 1)) return -1;
    py_val *items;
    int32_t cnt;
    if (py_iterate(I, a[0], &items, &cnt)) return -1;
    py_val r = pv_seq(I, PV_LIST, cnt);
    py_val keys = pv_seq(I, PV_LIST, cnt);
    if (r.t == PV_UNBOUND || keys.t == PV_UNBOUND) return py_nomem(I);
    py_val *key = builtin_kwarg(kw, kwv, n_kw, py_s(I, "key")), *rev = builtin_kwarg(kw, kwv, n_kw, py_s(I, "reverse"));
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

int builtin_reversed(ARGS) {
    UNUSED_ARGS;
    if (builtin_nargs(I, "reversed", n, 1, 1)) return -1;
    py_val *items;
    int32_t cnt;
    if (py_iterate(I, a[0], &items, &cnt)) return -1;
    py_val r = pv_seq(I, PV_LIST, cnt);
    if (r.t == PV_UNBOUND) return py_nomem(I);
    for (int32_t k = 0; k < cnt; k++) pv_as_seq(r)->v[k] = items[cnt - 1 - k];
    *out = r;
    return 0;
}

int builtin_map(ARGS) {
    UNUSED_ARGS;
    if (n < 2) return py_raise(I, "TypeError", "map() must have at least two arguments.");
    py_val z;
    if (builtin_zip(I, self, a + 1, n - 1, NULL, NULL, 0, &z)) return -1;
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

int builtin_filter(ARGS) {
    UNUSED_ARGS;
    if (builtin_nargs(I, "filter", n, 2, 2)) return -1;
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
    if (builtin_nargs(I, want_all ? "all" : "any", n, 1, 1)) return -1;
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
int builtin_any(ARGS) { UNUSED_ARGS; return any_all(I, a, n, 0, out); }
int builtin_all(ARGS) { UNUSED_ARGS; return any_all(I, a, n, 1, out); }

int builtin_divmod(ARGS) {
    UNUSED_ARGS;
    if (builtin_nargs(I, "divmod", n, 2, 2)) return -1;
    py_val q, r;
    if (py_binop(I, PY_OP_DSLASH, a[0], a[1], &q) || py_binop(I, PY_OP_PERCENT, a[0], a[1], &r)) return -1;
    *out = pv_seq(I, PV_TUPLE, 2);
    if (out->t == PV_UNBOUND) return py_nomem(I);
    pv_as_seq(*out)->v[0] = q;
    pv_as_seq(*out)->v[1] = r;
    return 0;
}

int builtin_pow(ARGS) {
    UNUSED_ARGS;
    if (builtin_nargs(I, "pow", n, 2, 2)) return -1;
    return py_binop(I, PY_OP_DSTAR, a[0], a[1], out);
}

int builtin_iter(ARGS) {
    UNUSED_ARGS;
    if (builtin_nargs(I, "iter", n, 1, 1)) return -1;
    py_iter *it = (py_iter *)py_alloc(I->arena, sizeof *it);
    if (!it) return py_nomem(I);
    it->seq = a[0];
    *out = pv_ptr(PV_ITER, it);
    return 0;
}

int builtin_next(ARGS) {
    UNUSED_ARGS;
    if (builtin_nargs(I, "next", n, 1, 2)) return -1;
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
