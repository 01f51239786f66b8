/* operators.c — binary operators on Python values and comparisons
 * (membership, ordering, equality), with CPython's TypeErrors. */
#include "py/call_internal.h"

#include <errno.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ------------------------------------------------------------------ binops */

/* The operator as a TypeError names it: `+`, or `+=` in an augmented assignment. */
static const char *op_symbol_in(const interp *I, int op) {
    static const char *const augmented[][2] = {{"+", "+="}, {"-", "-="}, {"*", "*="}, {"/", "/="}, {"//", "//="},
                                               {"%", "%="}, {"**", "**="}, {"@", "@="}, {"&", "&="}, {"|", "|="},
                                               {"^", "^="}, {"<<", "<<="}, {">>", ">>="}};
    const char *t = py_op_text((py_op)op);
    if (I->augmented)
        for (size_t k = 0; k < sizeof augmented / sizeof augmented[0]; k++)
            if (!strcmp(t, augmented[k][0])) return augmented[k][1];
    return t;
}

static int num_binop(interp *I, int op, py_val a, py_val b, py_val *out) {
    int fl = a.t == PV_FLOAT || b.t == PV_FLOAT;
    if (!fl) {
        int64_t x = a.u.i, y = b.u.i, r;
        if (a.big || b.big) {
            if (op == PY_OP_STAR && (x == 0 || y == 0) && !(a.big && b.big)) { *out = pv_int(0); return 0; }
            out->t = PV_INT;
            *out = pv_int(0);
            out->big = 1;
            return 0;
        }
        switch (op) {
        case PY_OP_PLUS: if (__builtin_add_overflow(x, y, &r)) goto big; *out = pv_int(r); return 0;
        case PY_OP_MINUS: if (__builtin_sub_overflow(x, y, &r)) goto big; *out = pv_int(r); return 0;
        case PY_OP_STAR: if (__builtin_mul_overflow(x, y, &r)) goto big; *out = pv_int(r); return 0;
        case PY_OP_DSLASH: case PY_OP_PERCENT: {
            if (y == 0) return py_raise(I, "ZeroDivisionError", "integer division or modulo by zero");
            if (x == INT64_MIN && y == -1) goto big;
            int64_t q = x / y, m = x % y;
            if (m != 0 && ((m < 0) != (y < 0))) { q--; m += y; }
            *out = pv_int(op == PY_OP_DSLASH ? q : m);
            return 0;
        }
        case PY_OP_SLASH:
            if (y == 0) return py_raise(I, "ZeroDivisionError", "division by zero");
            *out = pv_float((double)x / (double)y);
            return 0;
        case PY_OP_DSTAR: {
            if (y < 0) {
                if (x == 0) return py_raise(I, "ZeroDivisionError", "0.0 cannot be raised to a negative power");
                *out = pv_float(pow((double)x, (double)y));
                return 0;
            }
            /* 0, 1 and -1 directly (-1 alternates: (-1) ** 3 is -1); any other base passes int64
             * within 63 steps */
            int64_t acc = 1;
            if (x == 0 || x == 1) acc = y == 0 ? 1 : x;
            else if (x == -1) acc = y % 2 ? -1 : 1;
            else
                for (int64_t k = 0; k < y; k++)
                    if (__builtin_mul_overflow(acc, x, &acc)) goto big;
            *out = pv_int(acc);
            return 0;
        }
        case PY_OP_LSHIFT:
            if (y < 0) return py_raise(I, "ValueError", "negative shift count");
            if (y >= 63 || (x != 0 && (x > (INT64_MAX >> y) || x < (INT64_MIN >> y)))) goto big;
            *out = pv_int(x * ((int64_t)1 << y));
            return 0;
        case PY_OP_RSHIFT:
            if (y < 0) return py_raise(I, "ValueError", "negative shift count");
            *out = pv_int(y >= 63 ? (x < 0 ? -1 : 0) : x >> y);
            return 0;
        case PY_OP_AMP: *out = pv_int(x & y); if (a.t == PV_BOOL && b.t == PV_BOOL) *out = pv_bool(x & y); return 0;
        case PY_OP_PIPE: *out = pv_int(x | y); if (a.t == PV_BOOL && b.t == PV_BOOL) *out = pv_bool(x | y); return 0;
        case PY_OP_CARET: *out = pv_int(x ^ y); if (a.t == PV_BOOL && b.t == PV_BOOL) *out = pv_bool(x ^ y); return 0;
        default: break;
        }
        return py_raise(I, "TypeError", "unsupported operand type(s) for %s: '%s' and '%s'", op_symbol_in(I, op), py_type_name(&a),
                        py_type_name(&b));
    big:
        *out = pv_int(0);
        out->big = 1;
        return 0;
    }
    double x = a.t == PV_FLOAT ? a.u.f : (double)a.u.i, y = b.t == PV_FLOAT ? b.u.f : (double)b.u.i;
    switch (op) {
    case PY_OP_PLUS: *out = pv_float(x + y); return 0;
    case PY_OP_MINUS: *out = pv_float(x - y); return 0;
    case PY_OP_STAR: *out = pv_float(x * y); return 0;
    case PY_OP_SLASH:
        if (y == 0) return py_raise(I, "ZeroDivisionError", "float division by zero");
        *out = pv_float(x / y);
        return 0;
    case PY_OP_DSLASH:
        if (y == 0) return py_raise(I, "ZeroDivisionError", "float floor division by zero");
        *out = pv_float(floor(x / y));
        return 0;
    case PY_OP_PERCENT: {
        if (y == 0) return py_raise(I, "ZeroDivisionError", "float modulo");
        double m = fmod(x, y);
        if (m != 0 && ((m < 0) != (y < 0))) m += y;
        *out = pv_float(m);
        return 0;
    }
    case PY_OP_DSTAR:
        if (x == 0 && y < 0) return py_raise(I, "ZeroDivisionError", "0.0 cannot be raised to a negative power");
        *out = pv_float(pow(x, y));
        return 0;
    default:
        return py_raise(I, "TypeError", "unsupported operand type(s) for %s: '%s' and '%s'", op_symbol_in(I, op), py_type_name(&a),
                        py_type_name(&b));
    }
}

/* What `|` may join into a union: a class, a builtin type (torch.Tensor, int), a
 * typing form or union, or None. */
static int is_type_like(py_val v) {
    return v.t == PV_CLASS || v.t == PV_BUILTIN || v.t == PV_TYPING || v.t == PV_NONE;
}

/* One %-conversion of v by spec (flags, width, precision and the conversion d), as Python's
 * str % args writes it; -1 raised. */
static int format_one(interp *I, const char *flags, int64_t width, int64_t prec, char d, py_val v, cnnc_strbuf *sb) {
    if (v.t == PV_OPAQUE) return py_opaque_use(I, v);   /* its text is not cnnc's to give */
    /* printf's own spec: flags, then width and precision written in (both are at most 2^20) */
    char spec[64];
    int at = snprintf(spec, sizeof spec, "%%%s", flags);
    if (width >= 0) at += snprintf(spec + at, sizeof spec - (size_t)at, "%lld", (long long)width);
    if (prec >= 0) at += snprintf(spec + at, sizeof spec - (size_t)at, ".%lld", (long long)prec);
    if (strchr("diuoxX", d)) {
        if (!pv_is_num(v) || (v.t == PV_FLOAT && strchr("oxX", d)))
            return py_raise(I, "TypeError", "%%%c format: %s is required, not %s", d, strchr("oxX", d) ? "an integer" : "a real number",
                            py_type_name(&v));
        if (v.big || (v.t == PV_FLOAT && !(v.u.f > -9.2e18 && v.u.f < 9.2e18)))
            return py_unsupported(I, "cnnc cannot follow %%%c of a number that large", d);
        snprintf(spec + at, sizeof spec - (size_t)at, "ll%c", d == 'i' || d == 'u' ? 'd' : d);
        cnnc_sb_printf(sb, spec, v.t == PV_FLOAT ? (long long)v.u.f : (long long)v.u.i);
        return 0;
    }
    if (strchr("eEfFgG", d)) {
        if (!pv_is_num(v)) return py_raise(I, "TypeError", "must be real number, not %s", py_type_name(&v));
        if (v.big) return py_unsupported(I, "cnnc cannot follow %%%c of an int that large", d);
        snprintf(spec + at, sizeof spec - (size_t)at, "%c", d);
        cnnc_sb_printf(sb, spec, v.t == PV_FLOAT ? v.u.f : (double)v.u.i);
        return 0;
    }
    cnnc_strbuf t = {0};   /* s, r, a and c: the text, cut to the precision, then padded */
    if (d == 'c') {
        if (v.t == PV_STR && pv_as_str(v)->len == 1) cnnc_sb_putn(&t, pv_as_str(v)->s, 1);
        else if (pv_is_int(v) && !v.big && v.u.i >= 0 && v.u.i < 128) { const char ch = (char)v.u.i; cnnc_sb_putn(&t, &ch, 1); }
        else { cnnc_sb_free(&t); return py_unsupported(I, "cnnc cannot follow %%c of a %s", py_type_name(&v)); }
    } else if (d == 's') {
        py_str_of(I, v, &t);
    } else {
        py_repr(I, v, &t);
    }
    size_t len = t.len;
    if (prec >= 0 && (size_t)prec < len) len = (size_t)prec;
    const int left = strchr(flags, '-') != NULL;
    const int64_t pad = width > (int64_t)len ? width - (int64_t)len : 0;
    if (pad > (1 << 20)) { cnnc_sb_free(&t); return py_unsupported(I, "cnnc cannot follow a field %lld wide", (long long)width); }
    for (int64_t k = 0; !left && k < pad; k++) cnnc_sb_putn(sb, " ", 1);
    if (len) cnnc_sb_putn(sb, t.p, len);
    for (int64_t k = 0; left && k < pad; k++) cnnc_sb_putn(sb, " ", 1);
    cnnc_sb_free(&t);
    return 0;
}

/* fmt % args (printf-style): flags, width and precision (digits or *), then the conversion;
 * Python's errors in its order (an unknown conversion where it stands, arguments missing or
 * left over). A mapping key (%(name)s) is refused. */
static int str_format(interp *I, const py_str *fmt, py_val b, py_val *out) {
    cnnc_strbuf sb = {0};
    const py_val *vals = &b;
    int32_t nv = 1, vi = 0;
    if (b.t == PV_TUPLE) { vals = pv_as_seq(b)->v; nv = pv_as_seq(b)->n; }
    int rc = 0;
    for (int32_t k = 0; k < fmt->len && !rc; k++) {
        char c = fmt->s[k];
        if (c != '%') { cnnc_sb_putn(&sb, &c, 1); continue; }
        if (++k >= fmt->len) { rc = py_raise(I, "ValueError", "incomplete format"); break; }
        char flags[8] = "";
        int nf = 0;
        int64_t width = -1, prec = -1;
        if (fmt->s[k] == '(') { rc = py_unsupported(I, "cnnc cannot follow %%-formatting by mapping keys"); break; }
        while (k < fmt->len && strchr("-+ #0", fmt->s[k])) {
            if (nf < 7 && !strchr(flags, fmt->s[k])) { flags[nf++] = fmt->s[k]; flags[nf] = '\0'; }
            k++;
        }
        for (int part = 0; part < 2 && k < fmt->len && !rc; part++) {   /* width, then .precision */
            int64_t *slot = part ? &prec : &width;
            if (part) { if (fmt->s[k] != '.') break; k++; *slot = 0; }
            if (k < fmt->len && fmt->s[k] == '*') {
                if (vi >= nv) { rc = py_raise(I, "TypeError", "not enough arguments for format string"); break; }
                const py_val w = vals[vi++];
                if (!pv_is_int(w) || w.big) { rc = py_raise(I, "TypeError", "* wants int"); break; }
                *slot = w.u.i;
                if (!part && *slot < 0) { *slot = -*slot; if (nf < 7 && !strchr(flags, '-')) { flags[nf++] = '-'; flags[nf] = '\0'; } }
                k++;
                continue;
            }
            while (k < fmt->len && fmt->s[k] >= '0' && fmt->s[k] <= '9') {
                *slot = (*slot < 0 ? 0 : *slot) * 10 + (fmt->s[k++] - '0');
                if (*slot > (1 << 20)) { rc = py_unsupported(I, "cnnc cannot follow a %%-format field that wide"); break; }
            }
        }
        if (rc) break;
        while (k < fmt->len && strchr("hlL", fmt->s[k])) k++;
        if (k >= fmt->len) { rc = py_raise(I, "ValueError", "incomplete format"); break; }
        const char d = fmt->s[k];
        if (d == '%') { cnnc_sb_putn(&sb, "%", 1); continue; }
        if (!strchr("diouxXeEfFgGcrsa", d)) {
            rc = py_raise(I, "ValueError", "unsupported format character '%c' (0x%x) at index %d", (d >= 32 && d < 127) ? d : '?',
                          (unsigned)(unsigned char)d, (int)k);
            break;
        }
        if (vi >= nv) { rc = py_raise(I, "TypeError", "not enough arguments for format string"); break; }
        rc = format_one(I, flags, width, prec, d, vals[vi++], &sb);
    }
    if (!rc && vi < nv) rc = py_raise(I, "TypeError", "not all arguments converted during string formatting");
    if (!rc) *out = pv_str(I, sb.p ? sb.p : "", sb.len);
    cnnc_sb_free(&sb);
    return rc ? -1 : (out->t == PV_UNBOUND ? py_nomem(I) : 0);
}

int py_binop(interp *I, int op, py_val a, py_val b, py_val *out) {
    if (a.t == PV_OPAQUE) return py_opaque_use(I, a);
    if (b.t == PV_OPAQUE) return py_opaque_use(I, b);
    if (a.t == PV_TENSOR) return py_tensor_binop(I, op, a, b, 0, out);
    if (b.t == PV_TENSOR) return py_tensor_binop(I, op, b, a, 1, out);
    if (pv_is_num(a) && pv_is_num(b)) {
        if (num_binop(I, op, a, b, out)) return -1;
        if ((pv_is_np(&a) || pv_is_np(&b)) && out->t != PV_BOOL)   /* numpy's scalar stays numpy's */
            out->pad = out->t == PV_FLOAT ? PV_NP_FLOAT64 : PV_NP_INT64;
        /* a size times 1 or plus 0 keeps where it came from */
        if (out->t == PV_INT && a.prov != PROV_NONE && ((op == PY_OP_STAR && b.t == PV_INT && b.u.i == 1) ||
                                                         ((op == PY_OP_PLUS || op == PY_OP_MINUS) && b.t == PV_INT && b.u.i == 0)))
            out->prov = a.prov;
        return 0;
    }
    if (a.t == PV_STR && b.t == PV_STR && op == PY_OP_PLUS) {
        const py_str *x = pv_as_str(a), *y = pv_as_str(b);
        py_str *r = (py_str *)py_alloc(I->arena, sizeof(py_str) + (size_t)x->len + (size_t)y->len + 1);
        if (!r) return py_nomem(I);
        r->len = x->len + y->len;
        memcpy(r->s, x->s, (size_t)x->len);
        memcpy(r->s + x->len, y->s, (size_t)y->len);
        *out = pv_ptr(PV_STR, r);
        return 0;
    }
    if (a.t == PV_STR && op == PY_OP_PERCENT) return str_format(I, pv_as_str(a), b, out);
    if ((pv_is_seq(a) || a.t == PV_STR) && pv_is_int(b) && op == PY_OP_STAR) { py_val t = a; a = b; b = t; }
    if (pv_is_int(a) && (pv_is_seq(b) || b.t == PV_STR) && op == PY_OP_STAR) {
        int64_t times = a.u.i < 0 ? 0 : a.u.i;
        if (a.big || times > (1 << 22)) return py_unsupported(I, "cnnc cannot follow a sequence repeated %lld times", (long long)a.u.i);
        if (b.t == PV_STR) {
            const py_str *s = pv_as_str(b);
            cnnc_strbuf sb = {0};
            for (int64_t k = 0; k < times; k++) cnnc_sb_putn(&sb, s->s, (size_t)s->len);
            *out = pv_str(I, sb.p ? sb.p : "", sb.len);
            cnnc_sb_free(&sb);
            return 0;
        }
        py_val r = pv_seq(I, b.t == PV_SIZE ? PV_TUPLE : (py_type)b.t, 0);
        if (r.t == PV_UNBOUND) return py_nomem(I);
        for (int64_t k = 0; k < times; k++)
            for (int32_t j = 0; j < pv_as_seq(b)->n; j++)
                if (py_seq_push(I, r, pv_as_seq(b)->v[j])) return -1;
        *out = r;
        return 0;
    }
    if (pv_is_seq(a) && pv_is_seq(b) && op == PY_OP_PLUS && ((a.t == PV_LIST) == (b.t == PV_LIST))) {
        py_val r = pv_seq(I, a.t == PV_SIZE ? (b.t == PV_SIZE ? PV_SIZE : PV_TUPLE) : (py_type)a.t, 0);
        if (a.t == PV_SIZE && b.t == PV_TUPLE) r.t = PV_SIZE;
        if (r.t == PV_UNBOUND) return py_nomem(I);
        for (int32_t j = 0; j < pv_as_seq(a)->n; j++)
            if (py_seq_push(I, r, pv_as_seq(a)->v[j])) return -1;
        for (int32_t j = 0; j < pv_as_seq(b)->n; j++)
            if (py_seq_push(I, r, pv_as_seq(b)->v[j])) return -1;
        *out = r;
        return 0;
    }
    if (pv_is_seq(a) && op == PY_OP_PLUS && b.t != PV_OBJ && b.t != PV_TENSOR)
        return py_raise(I, "TypeError", "can only concatenate %s (not \"%s\") to %s", a.t == PV_LIST ? "list" : "tuple",
                        py_type_name(&b), a.t == PV_LIST ? "list" : "tuple");
    if (a.t == PV_STR && op == PY_OP_PLUS)
        return py_raise(I, "TypeError", "can only concatenate str (not \"%s\") to str", py_type_name(&b));
    if (a.t == PV_OBJ) {
        static const char *const dunder[] = {[PY_OP_PLUS] = "__add__", [PY_OP_MINUS] = "__sub__", [PY_OP_STAR] = "__mul__",
                                             [PY_OP_SLASH] = "__truediv__", [PY_OP_AT] = "__matmul__"};
        if (op < (int)(sizeof dunder / sizeof dunder[0]) && dunder[op]) {
            py_val *fn = py_class_lookup(pv_as_obj(a)->cls, py_s(I, dunder[op]), NULL);
            if (fn && fn->t == PV_FUNC) return py_call_function(I, (py_func *)fn->u.p, a, 1, &b, 1, NULL, NULL, 0, out);
            if (fn && fn->t == PV_BUILTIN) {   /* a container's own (ModuleList + list) */
                const py_val both[2] = {a, b};
                return py_call(I, *fn, both, 2, NULL, NULL, 0, out);
            }
        }
    }
    if (a.t == PV_SET && b.t == PV_SET && (op == PY_OP_PIPE || op == PY_OP_AMP || op == PY_OP_MINUS || op == PY_OP_CARET))
        return py_set_binop(I, op == PY_OP_PIPE ? "union" : op == PY_OP_AMP ? "intersection" : op == PY_OP_MINUS ? "difference"
                                                                                            : "symmetric_difference", a, b, out);
    /* X | Y of types (PEP 604, Python 3.10+): a union, as annotations write
     * `torch.Tensor | None` and `type[nn.MaxPool2d] | type[nn.AvgPool2d]` */
    if (op == PY_OP_PIPE && is_type_like(a) && is_type_like(b) && !(a.t == PV_NONE && b.t == PV_NONE)) {
        *out = pv_ptr(PV_TYPING, NULL);
        return 0;
    }
    /* a sequence times what is no int: CPython's sequence_repeat, after both __mul__s declined */
    if (op == PY_OP_STAR && a.t != PV_OBJ && b.t != PV_OBJ) {
        if (pv_is_seq(a) || a.t == PV_STR) return py_raise(I, "TypeError", "can't multiply sequence by non-int of type '%s'", py_type_name(&b));
        if (pv_is_seq(b) || b.t == PV_STR) return py_raise(I, "TypeError", "can't multiply sequence by non-int of type '%s'", py_type_name(&a));
    }
    return py_raise(I, "TypeError", "unsupported operand type(s) for %s: '%s' and '%s'", op_symbol_in(I, op), py_type_name(&a),
                    py_type_name(&b));
}

/* -------------------------------------------------------------- comparisons */

static int contains(interp *I, py_val container, py_val item, int *out) {
    switch ((py_type)container.t) {
    case PV_TUPLE: case PV_LIST: case PV_SET: case PV_SIZE: {
        const int32_t at = py_items_find(I, pv_as_seq(container)->v, pv_as_seq(container)->n, item);
        *out = at >= 0;
        return at < -1 ? -1 : 0;
    }
    case PV_DICT: {
        py_val tmp;
        int r = py_dict_get(I, container, item, &tmp);
        if (r < 0) return -1;
        *out = r;
        return 0;
    }
    case PV_STR:
        if (item.t != PV_STR) return py_raise(I, "TypeError", "'in <string>' requires string as left operand, not %s", py_type_name(&item));
        if (py_charge(I, pv_as_str(container)->len >> 6)) return -1;
        *out = pv_as_str(item)->len == 0 || strstr(pv_as_str(container)->s, pv_as_str(item)->s) != NULL;
        return 0;
    case PV_RANGE: {
        const py_range *r = (const py_range *)container.u.p;
        if (!pv_is_int(item)) { *out = 0; return 0; }
        int64_t x = item.u.i;
        *out = r->step > 0 ? (x >= r->start && x < r->stop && (x - r->start) % r->step == 0)
                           : (x <= r->start && x > r->stop && (r->start - x) % (-r->step) == 0);
        return 0;
    }
    case PV_CLASS: {   /* member in Color */
        const int r = py_enum_contains(I, pv_as_class(container), item, out);
        if (r <= 0) return r;
        return py_raise(I, "TypeError", "argument of type 'type' is not iterable");
    }
    case PV_OBJ: {
        py_obj *o = pv_as_obj(container);
        const py_val *has = py_class_lookup(o->cls, py_s(I, "__contains__"), NULL);
        if (has && has->t == PV_FUNC) {   /* the class's own */
            py_val r;
            if (py_call_function(I, (py_func *)has->u.p, container, 1, &item, 1, NULL, NULL, 0, &r)) return -1;
            return py_truthy(I, r, out);
        }
        if (o->nn && item.t == PV_STR) {
            *out = py_attrs_find(&o->nn->children, py_intern(I->syms, pv_as_str(item)->s, (size_t)pv_as_str(item)->len)) != NULL;
            return 0;
        }
        py_val *items;
        int32_t n;
        if (py_iterate(I, container, &items, &n)) return -1;
        const int32_t at = py_items_find(I, items, n, item);
        *out = at >= 0;
        return at < -1 ? -1 : 0;
    }
    default:
        return py_raise(I, "TypeError", "argument of type '%s' is not iterable", py_type_name(&container));
    }
}

static int order(interp *I, int cmp, py_val a, py_val b, int *out) {
    if (pv_is_num(a) && pv_is_num(b)) {
        if (a.big || b.big) {
            /* a huge int: only its sign is known here */
            double x = a.big ? (a.u.i < 0 ? -1e300 : 1e300) : (a.t == PV_FLOAT ? a.u.f : (double)a.u.i);
            double y = b.big ? (b.u.i < 0 ? -1e300 : 1e300) : (b.t == PV_FLOAT ? b.u.f : (double)b.u.i);
            a = pv_float(x);
            b = pv_float(y);
        }
        double x = a.t == PV_FLOAT ? a.u.f : (double)a.u.i, y = b.t == PV_FLOAT ? b.u.f : (double)b.u.i;
        if (a.t != PV_FLOAT && b.t != PV_FLOAT) {
            int64_t p = a.u.i, q = b.u.i;
            *out = cmp == PY_CMP_LT ? p < q : cmp == PY_CMP_GT ? p > q : cmp == PY_CMP_LE ? p <= q : p >= q;
            return 0;
        }
        *out = cmp == PY_CMP_LT ? x < y : cmp == PY_CMP_GT ? x > y : cmp == PY_CMP_LE ? x <= y : x >= y;
        return 0;
    }
    if (a.t == PV_STR && b.t == PV_STR) {
        int c = strcmp(pv_as_str(a)->s, pv_as_str(b)->s);
        *out = cmp == PY_CMP_LT ? c < 0 : cmp == PY_CMP_GT ? c > 0 : cmp == PY_CMP_LE ? c <= 0 : c >= 0;
        return 0;
    }
    if (pv_is_seq(a) && pv_is_seq(b) && (a.t == PV_LIST) == (b.t == PV_LIST)) {
        const py_seq *x = pv_as_seq(a), *y = pv_as_seq(b);
        for (int32_t k = 0; k < x->n && k < y->n; k++) {
            if (py_equal(I, x->v[k], y->v[k])) continue;
            if (py_charge(I, 0)) return -1;
            return order(I, cmp, x->v[k], y->v[k], out);
        }
        if (py_charge(I, 0)) return -1;
        int c = x->n < y->n ? -1 : x->n > y->n;
        *out = cmp == PY_CMP_LT ? c < 0 : cmp == PY_CMP_GT ? c > 0 : cmp == PY_CMP_LE ? c <= 0 : c >= 0;
        return 0;
    }
    if (a.t == PV_TENSOR || b.t == PV_TENSOR) return py_unsupported(I, "cnnc cannot follow comparing tensor values");
    static const char *const sym[] = {"", "<", ">", "<=", ">="};
    return py_raise(I, "TypeError", "'%s' not supported between instances of '%s' and '%s'", sym[cmp], py_type_name(&a),
                    py_type_name(&b));
}

int py_compare(interp *I, int cmp, py_val a, py_val b, int *out) {
    if (a.t == PV_OPAQUE) return py_opaque_use(I, a);
    if (b.t == PV_OPAQUE) return py_opaque_use(I, b);
    switch (cmp) {
    case PY_CMP_EQ: case PY_CMP_NE: {
        if ((a.t == PV_TENSOR && b.t == PV_NONE) || (a.t == PV_NONE && b.t == PV_TENSOR)) {   /* Tensor.__eq__(None) is False */
            *out = cmp == PY_CMP_NE;
            return 0;
        }
        if (a.t == PV_TENSOR || b.t == PV_TENSOR) return py_unsupported(I, "cnnc cannot follow comparing tensor values");
        int e = py_equal(I, a, b);
        *out = cmp == PY_CMP_EQ ? e : !e;
        return py_charge(I, 0);
    }
    case PY_CMP_IS: case PY_CMP_IS_NOT: {
        int same = a.t == b.t && (a.t == PV_NONE || a.t == PV_UNBOUND || a.t == PV_ELLIPSIS ||
                                  (a.t == PV_BOOL ? a.u.i == b.u.i : a.t == PV_INT ? a.u.i == b.u.i : a.u.p == b.u.p));
        /* CPython interns identifier-like strings: `name is 'conv2d'` holds for equal ones */
        if (!same && a.t == PV_STR && b.t == PV_STR && py_str_name_chars(pv_as_str(a)) && py_equal(I, a, b)) same = 1;
        if (a.t == PV_UNBOUND && b.t == PV_NONE) same = 1;
        if (a.t == PV_DTYPE && b.t == PV_DTYPE) same = !strcmp((const char *)a.u.p, (const char *)b.u.p);   /* singletons */
        *out = cmp == PY_CMP_IS ? same : !same;
        return 0;
    }
    case PY_CMP_IN: case PY_CMP_NOT_IN: {
        int c = 0;
        if (contains(I, b, a, &c)) return -1;
        *out = cmp == PY_CMP_IN ? c : !c;
        return 0;
    }
    default: return order(I, cmp, a, b, out);
    }
}

