/* layer_util.c — shared pieces of the layer definitions (layer_util.h). */
#include "layers/layer_util.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

cnnc_status cnnc_shape_fail(cnnc_error *err, const char *type, const char *fmt, ...) {
    if (!err) return CNNC_ERR_SHAPE;
    cnnc_error_clear(err);   /* cleared here, not per pass: the record is ~2 KB */
    va_list ap;
    va_start(ap, fmt);
    cnnc_error_setv(err, CNNC_ERR_SHAPE, type, fmt, ap);
    va_end(ap);
    return CNNC_ERR_SHAPE;
}

cnnc_status cnnc_shape_unsupported(cnnc_error *err, const char *fmt, ...) {
    if (!err) return CNNC_ERR_UNSUPPORTED;
    cnnc_error_clear(err);
    va_list ap;
    va_start(ap, fmt);
    cnnc_error_setv(err, CNNC_ERR_UNSUPPORTED, "NotImplementedError", fmt, ap);
    va_end(ap);
    return CNNC_ERR_UNSUPPORTED;
}

cnnc_status cnnc_arg_fail(cnnc_error *err, cnnc_status status, const cnnc_arg *at, const char *type, const char *fmt, ...) {
    if (!err) return status;
    va_list ap;
    va_start(ap, fmt);
    cnnc_error_setv(err, status, type, fmt, ap);
    va_end(ap);
    if (at) { err->line = at->line; err->col = at->col; }
    return status;
}

int64_t cnnc_div_floor(int64_t a, int64_t b) {
    int64_t q = a / b, r = a % b;
    return (r != 0 && ((r < 0) != (b < 0))) ? q - 1 : q;
}

int cnnc_wrap_dim(int64_t dim, int32_t ndim, int64_t *out) {
    int64_t n = ndim > 0 ? ndim : 1;   /* PyTorch treats a 0-d tensor as having one dim here */
    if (dim < -n || dim >= n) return 0;
    *out = dim < 0 ? dim + n : dim;
    return 1;
}

cnnc_status cnnc_broadcast_shapes(const cnnc_shape *a, const cnnc_shape *b, cnnc_shape *out, cnnc_error *err) {
    cnnc_shape o;
    memset(&o, 0, sizeof o);
    o.ndim = a->ndim > b->ndim ? a->ndim : b->ndim;
    for (int32_t i = o.ndim - 1; i >= 0; i--) {
        const int32_t ia = a->ndim - o.ndim + i, ib = b->ndim - o.ndim + i;
        const int64_t sa = ia >= 0 ? a->d[ia] : 1, sb = ib >= 0 ? b->d[ib] : 1;
        if (sa != sb && sa != 1 && sb != 1)
            return cnnc_shape_fail(err, "RuntimeError",
                                   "The size of tensor a (%lld) must match the size of tensor b (%lld) at non-singleton dimension %d",
                                   (long long)sa, (long long)sb, (int)i);
        o.d[i] = sa == 1 ? sb : sa;
    }
    *out = o;
    return CNNC_OK;
}

cnnc_status cnnc_wrap_dim_or_fail(int64_t dim, int64_t n, int64_t *out, cnnc_error *err) {
    if (n <= 0) n = 1;
    if (dim < -n || dim >= n)
        return cnnc_shape_fail(err, "IndexError", "Dimension out of range (expected to be in range of [%lld, %lld], but got %lld)",
                               (long long)-n, (long long)(n - 1), (long long)dim);
    *out = dim < 0 ? dim + n : dim;
    return CNNC_OK;
}

int64_t cnnc_dims_product(const cnnc_shape *s, int32_t from, int32_t to) {
    int64_t p = 1;
    for (int32_t k = from; k < to; k++) p *= s->d[k];
    return p;
}

void cnnc_permute_geometry(const cnnc_shape *in, const int64_t *perm, cnnc_permute_geom *g) {
    int64_t stride[CNNC_MAX_DIMS], s = 1;
    for (int32_t k = in->ndim - 1; k >= 0; k--) { stride[k] = s; s *= in->d[k]; }
    g->ndim = 0;
    for (int32_t k = 0; k < in->ndim; k++) {
        const int64_t size = in->d[perm[k]], st = stride[perm[k]];
        if (size == 1) continue;   /* contributes nothing to any index */
        if (g->ndim > 0 && g->stride[g->ndim - 1] == st * size) {   /* contiguous with the previous: merge */
            g->size[g->ndim - 1] *= size;
            g->stride[g->ndim - 1] = st;
            continue;
        }
        g->size[g->ndim] = size;
        g->stride[g->ndim] = st;
        g->ndim++;
    }
}

int cnnc_hint_set_number(const cnnc_layer *edited, const char *prefix, const char *field, int64_t value,
                         cnnc_fix_field fix_field, const cnnc_hint_env *env, cnnc_error *err) {
    char edit[384];
    env->edit_text(env, edited, edit, sizeof edit);
    snprintf(err->hint, sizeof err->hint, "%sset %s=%lld: %s", prefix, field, (long long)value, edit);
    if (fix_field != CNNC_FIX_NONE) {
        err->fix.field = fix_field;
        err->fix.layer_index = env->index;
        err->fix.value = value;
    }
    return 1;
}

void cnnc_render_dims(cnnc_strbuf *sb, const int64_t *dims, int32_t n) {
    cnnc_sb_puts(sb, "[");
    for (int32_t k = 0; k < n; k++) cnnc_sb_printf(sb, k ? ", %lld" : "%lld", (long long)dims[k]);
    cnnc_sb_puts(sb, "]");
}

/* ------------------------------------------------------------ arguments -- */

const char *cnnc_arg_type_name(const cnnc_arg *a) {
    switch (a->kind) {
    case CNNC_ARG_NONE: return "NoneType";
    case CNNC_ARG_BOOL: return "bool";
    case CNNC_ARG_INT: return "int";
    case CNNC_ARG_FLOAT: return a->s ? a->s : "float";   /* s: a numpy scalar's type */
    case CNNC_ARG_STR: return "str";
    case CNNC_ARG_TUPLE: return "tuple";
    case CNNC_ARG_LIST: return "list";
    case CNNC_ARG_DTYPE: return "dtype";
    case CNNC_ARG_OTHER: return a->s ? a->s : "object";
    }
    return "object";
}

int cnnc_arg_is_int(const cnnc_arg *a) { return a->kind == CNNC_ARG_INT || a->kind == CNNC_ARG_BOOL; }
int cnnc_arg_is_num(const cnnc_arg *a) { return cnnc_arg_is_int(a) || a->kind == CNNC_ARG_FLOAT; }
double cnnc_arg_num(const cnnc_arg *a) { return a->kind == CNNC_ARG_FLOAT ? a->f : (double)a->i; }

int cnnc_arg_truthy(const cnnc_arg *a) {
    switch (a->kind) {
    case CNNC_ARG_INT: case CNNC_ARG_BOOL: return a->i != 0;
    case CNNC_ARG_FLOAT: return a->f != 0.0;
    case CNNC_ARG_NONE: return 0;
    case CNNC_ARG_STR: return a->slen > 0;
    case CNNC_ARG_TUPLE: case CNNC_ARG_LIST: return a->n > 0;
    default: return 1;
    }
}

int cnnc_arg_str_is(const cnnc_arg *a, const char *s) {
    size_t n = strlen(s);
    return a->kind == CNNC_ARG_STR && (size_t)a->slen == n && memcmp(a->s, s, n) == 0;
}

void cnnc_arg_repr(const cnnc_arg *a, cnnc_strbuf *sb) {
    char f[64];
    switch (a->kind) {
    case CNNC_ARG_INT: cnnc_sb_printf(sb, "%lld", (long long)a->i); break;
    case CNNC_ARG_BOOL: cnnc_sb_puts(sb, a->i ? "True" : "False"); break;
    case CNNC_ARG_FLOAT: cnnc_py_float_repr(a->f, f, sizeof f); cnnc_sb_puts(sb, f); break;
    case CNNC_ARG_NONE: cnnc_sb_puts(sb, "None"); break;
    case CNNC_ARG_STR: cnnc_sb_printf(sb, "'%.*s'", a->slen > 200 ? 200 : (int)a->slen, a->s); break;
    case CNNC_ARG_DTYPE: cnnc_sb_printf(sb, "torch.%.*s", (int)a->slen, a->s); break;
    case CNNC_ARG_TUPLE: case CNNC_ARG_LIST: {
        int tuple = a->kind == CNNC_ARG_TUPLE;
        if (tuple && a->s && !strcmp(a->s, "torch.Size")) {   /* torch.Size([2, 3]) */
            cnnc_sb_puts(sb, "torch.Size([");
            for (int32_t k = 0; k < a->n && k < 16; k++) {
                if (k) cnnc_sb_puts(sb, ", ");
                cnnc_arg_repr(&a->items[k], sb);
            }
            cnnc_sb_puts(sb, a->n > 16 ? ", ...])" : "])");
            break;
        }
        cnnc_sb_puts(sb, tuple ? "(" : "[");
        for (int32_t k = 0; k < a->n && k < 16; k++) {
            if (k) cnnc_sb_puts(sb, ", ");
            cnnc_arg_repr(&a->items[k], sb);
        }
        if (a->n > 16) cnnc_sb_puts(sb, ", ...");
        cnnc_sb_puts(sb, tuple ? (a->n == 1 ? ",)" : ")") : "]");
        break;
    }
    default: cnnc_sb_printf(sb, "%s()", cnnc_arg_type_name(a)); break;
    }
}

static void repr_into(const cnnc_arg *a, char *buf, size_t cap) {
    cnnc_strbuf sb;
    cnnc_sb_fixed(&sb, buf, cap);
    cnnc_arg_repr(a, &sb);
}

cnnc_status cnnc_size_arg(const cnnc_arg *v, int pos, int64_t *out, cnnc_error *err) {
    /* torch.empty(size, dtype=None, device=None): a first element that is not an int
     * matches no overload (the first line of that message), nor does a bool there (the parser's
     * first-element check takes ints only); a later one names its place */
    if (v->kind != CNNC_ARG_INT && pos <= 1)
        return cnnc_factory_overload_fail(v, "empty", pos == 0 ? cnnc_arg_type_name(v) : "tuple", NULL, NULL, err);
    if (!cnnc_arg_is_int(v))
        return cnnc_arg_fail(err, CNNC_ERR_PARSE, v, "TypeError",
                             "empty(): argument 'size' must be tuple of SymInts, but found element of type %s at pos %d",
                             cnnc_arg_type_name(v), pos);
    *out = v->i;
    return CNNC_OK;
}

cnnc_status cnnc_single_arg(const cnnc_arg *a, const char *kind, const char *name, int64_t *out, cnnc_error *err) {
    if (cnnc_arg_is_int(a)) {
        *out = a->i;
        return CNNC_OK;
    }
    if ((a->kind == CNNC_ARG_TUPLE || a->kind == CNNC_ARG_LIST) && a->n == 1 && cnnc_arg_is_int(&a->items[0])) {
        *out = a->items[0].i;
        return CNNC_OK;
    }
    return cnnc_arg_fail(err, CNNC_ERR_UNSUPPORTED, a, "NotImplementedError",
                         "cnnc follows %s's %s as an int or a tuple of one int, not a %s", kind, name, cnnc_arg_type_name(a));
}

cnnc_status cnnc_pair_arg(const cnnc_arg *v, const char *fn, const char *arg, int position, int64_t out[2], cnnc_error *err) {
    if (cnnc_arg_is_int(v)) { out[0] = out[1] = v->i; return CNNC_OK; }
    if (v->kind == CNNC_ARG_TUPLE || v->kind == CNNC_ARG_LIST) {
        for (int32_t k = 0; k < v->n; k++)
            if (!cnnc_arg_is_int(&v->items[k]))
                return cnnc_arg_fail(err, CNNC_ERR_PARSE, v, "TypeError",
                                     "%s(): argument '%s' must be tuple of ints, but found element of type %s at pos %d", fn,
                                     arg, cnnc_arg_type_name(&v->items[k]), (int)k + 1);
        if (v->n == 2) { out[0] = v->items[0].i; out[1] = v->items[1].i; return CNNC_OK; }
        if (v->n == 1) { out[0] = out[1] = v->items[0].i; return CNNC_OK; }
        return cnnc_arg_fail(err, CNNC_ERR_PARSE, v, "ValueError",
                             "%s(): argument '%s' must be an int or a tuple of 2 ints for a 2d layer, but got a tuple of %d", fn,
                             arg, (int)v->n);
    }
    return cnnc_arg_fail(err, CNNC_ERR_PARSE, v, "TypeError", "%s(): argument '%s' (position %d) must be tuple of ints, not %s",
                         fn, arg, position, cnnc_arg_type_name(v));
}

cnnc_status cnnc_int_arg(const cnnc_arg *v, const char *fn, const char *arg, int position, int64_t *out, cnnc_error *err) {
    if (!cnnc_arg_is_int(v))
        return cnnc_arg_fail(err, CNNC_ERR_PARSE, v, "TypeError", "%s(): argument '%s' (position %d) must be int, not %s", fn,
                             arg, position, cnnc_arg_type_name(v));
    *out = v->i;
    return CNNC_OK;
}

cnnc_status cnnc_float_arg(const cnnc_arg *v, const char *fn, const char *arg, double *out, cnnc_error *err) {
    if (!cnnc_arg_is_num(v))
        return cnnc_arg_fail(err, CNNC_ERR_PARSE, v, "TypeError", "%s(): argument '%s' must be float, not %s", fn, arg,
                             cnnc_arg_type_name(v));
    *out = cnnc_arg_num(v);
    return CNNC_OK;
}

cnnc_status cnnc_number_arg(const cnnc_arg *v, const char *fn, const char *arg, int position, double *out, cnnc_error *err) {
    if (!cnnc_arg_is_num(v))
        return cnnc_arg_fail(err, CNNC_ERR_PARSE, v, "TypeError", "%s(): argument '%s' (position %d) must be Number, not %s", fn,
                             arg, position, cnnc_arg_type_name(v));
    *out = cnnc_arg_num(v);
    return CNNC_OK;
}

cnnc_status cnnc_factory_overload_fail(const cnnc_arg *at, const char *fn, const char *got, const cnnc_arg *dev,
                                       const cnnc_arg *dt, cnnc_error *err) {
    /* the factory's keyword arguments as the binding names their types */
    const char *dev_t = dev && dev->kind != CNNC_ARG_NONE ? cnnc_arg_type_name(dev) : "NoneType";
    const char *dt_t = dt && dt->kind == CNNC_ARG_DTYPE ? "torch.dtype" : dt && dt->kind != CNNC_ARG_NONE ? cnnc_arg_type_name(dt)
                                                                                                             : "NoneType";
    const int empty = strcmp(fn, "empty") == 0;
    return cnnc_arg_fail(err, CNNC_ERR_PARSE, at, "TypeError",
                         "%s() received an invalid combination of arguments - got (%s, dtype=%s, device=%s), but "
                         "expected one of:\n"
                         " * (tuple of ints size, *, tuple of names names, %storch.dtype dtype, torch.layout layout, "
                         "torch.device device, bool pin_memory, bool requires_grad)\n"
                         " * (tuple of SymInts size, *, %sTensor out, torch.dtype dtype, torch.layout layout, "
                         "torch.device device, bool pin_memory, bool requires_grad)\n",
                         fn, got, dt_t, dev_t, empty ? "torch.memory_format memory_format, " : "",
                         empty ? "torch.memory_format memory_format, " : "");
}

cnnc_status cnnc_float_arg_at(const cnnc_arg *v, const char *fn, const char *arg, int position, double *out,
                              cnnc_error *err) {
    if (!cnnc_arg_is_num(v))
        return cnnc_arg_fail(err, CNNC_ERR_PARSE, v, "TypeError", "%s(): argument '%s' (position %d) must be float, not %s",
                             fn, arg, position, cnnc_arg_type_name(v));
    *out = cnnc_arg_num(v);
    return CNNC_OK;
}

cnnc_status cnnc_build_inplace_only(cnnc_layer *l, const cnnc_arg *const *a, const cnnc_arg *call, cnnc_error *err) {
    (void)call; (void)err;
    l->p.inplace_only.inplace = a[0] ? cnnc_arg_truthy(a[0]) : 0;
    return CNNC_OK;
}

void cnnc_render_inplace_only(const cnnc_layer *L, cnnc_strbuf *sb) {
    if (L->p.inplace_only.inplace) cnnc_sb_puts(sb, "inplace=True");
}

cnnc_status cnnc_shape_same(const cnnc_layer *L, const cnnc_shape *const *in, int32_t n_in, int train, cnnc_layer_shape *ls,
                            cnnc_error *err) {
    (void)L; (void)n_in; (void)train; (void)err;
    ls->out = *in[0];
    return CNNC_OK;
}

cnnc_status cnnc_device_dtype_args(const cnnc_arg *dev, const cnnc_arg *dt, cnnc_error *err) {
    char r[256];
    if (dev && dev->kind != CNNC_ARG_NONE && !cnnc_arg_str_is(dev, "cpu")) {
        repr_into(dev, r, sizeof r);
        return cnnc_arg_fail(err, CNNC_ERR_UNSUPPORTED, dev, "NotImplementedError",
                             "cnnc places layers itself and does not support device=%s (use None or 'cpu'; pick the GPU "
                             "with --device)", r);
    }
    if (dt && dt->kind != CNNC_ARG_NONE && dt->kind != CNNC_ARG_DTYPE)
        return cnnc_arg_fail(err, CNNC_ERR_PARSE, dt, "TypeError",
                             "empty() received an invalid combination of arguments: dtype must be torch.dtype, not %s",
                             cnnc_arg_type_name(dt));
    if (dt && dt->kind == CNNC_ARG_DTYPE && !(dt->slen == 7 && memcmp(dt->s, "float32", 7) == 0) &&
        !(dt->slen == 5 && memcmp(dt->s, "float", 5) == 0))
        return cnnc_arg_fail(err, CNNC_ERR_UNSUPPORTED, dt, "NotImplementedError",
                             "cnnc does not support dtype=torch.%.*s (only torch.float32)", (int)dt->slen, dt->s);
    return CNNC_OK;
}

cnnc_status cnnc_negative_dim(const cnnc_arg *at, const int64_t *dims, int n, cnnc_error *err) {
    for (int k = 0; k < n; k++) {
        if (dims[k] < 0) {
            char list[160];
            cnnc_strbuf sb;
            cnnc_sb_fixed(&sb, list, sizeof list);
            for (int j = 0; j < n; j++) cnnc_sb_printf(&sb, "%s%lld", j ? ", " : "", (long long)dims[j]);
            return cnnc_arg_fail(err, CNNC_ERR_PARSE, at, "RuntimeError",
                                 "Trying to create tensor with negative dimension %lld: [%s]", (long long)dims[k], list);
        }
    }
    return CNNC_OK;
}

/* ------------------------------------------------------------ rendering -- */

size_t cnnc_py_float_repr(double v, char *buf, size_t cap) {
    if (!buf || cap == 0) return 0;
    if (isnan(v)) return (size_t)snprintf(buf, cap, "nan");
    if (isinf(v)) return (size_t)snprintf(buf, cap, "%s", v < 0 ? "-inf" : "inf");
    char tmp[64];
    int prec = 1;
    for (; prec <= 17; prec++) { /* fewest significant digits that read back exactly */
        snprintf(tmp, sizeof tmp, "%.*e", prec - 1, v);
        if (strtod(tmp, NULL) == v) break;
    }
    const char *e = strchr(tmp, 'e');
    int exp10 = e ? atoi(e + 1) : 0;
    int n;
    if (v != 0.0 && (exp10 < -4 || exp10 >= 16)) {
        n = snprintf(buf, cap, "%s", tmp); /* C's %e matches Python's repr here: 1e-05, 1.5e+16 */
    } else {
        int decimals = prec - 1 - exp10;
        if (decimals < 1) decimals = 1;
        snprintf(tmp, sizeof tmp, "%.*f", decimals, v);
        /* trim trailing zeros but keep one digit after the point */
        size_t len = strlen(tmp);
        while (len > 2 && tmp[len - 1] == '0' && tmp[len - 2] != '.') tmp[--len] = '\0';
        n = snprintf(buf, cap, "%s", tmp);
    }
    return n < 0 ? 0 : (size_t)n;
}

void cnnc_render_pair(cnnc_strbuf *sb, const char *sep, const char *name, const int64_t v[2]) {
    if (v[0] == v[1]) cnnc_sb_printf(sb, "%s%s=%lld", sep, name, (long long)v[0]);
    else cnnc_sb_printf(sb, "%s%s=(%lld, %lld)", sep, name, (long long)v[0], (long long)v[1]);
}

void cnnc_render_float(cnnc_strbuf *sb, const char *sep, const char *name, double v) {
    char f[64];
    cnnc_py_float_repr(v, f, sizeof f);
    cnnc_sb_printf(sb, "%s%s=%s", sep, name, f);
}

void cnnc_render_number(cnnc_strbuf *sb, const char *sep, const char *name, double v) {
    if (isinf(v)) cnnc_sb_printf(sb, "%s%s=%s", sep, name, v < 0 ? "-1e999" : "1e999");
    else cnnc_render_float(sb, sep, name, v);
}

void cnnc_copy_cost(const cnnc_layer *L, const cnnc_layer_shape *s, int has_din, cnnc_layer_cost *c) {
    const double n = (double)s->out_numel;
    (void)L;
    c->fwd_flops = c->bwd_flops = 0.0;
    c->fwd_bytes = 8.0 * n;
    c->bwd_bytes = has_din ? 8.0 * n : 0.0;
}
