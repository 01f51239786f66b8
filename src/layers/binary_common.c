/* binary_common.c — add, sub, mul, div: PyTorch's broadcasting (infer_size)
 * and its message, with the kernels' geometry. */
#include "layers/binary_common.h"

#include <string.h>

static const char *fn_name(const cnnc_layer *L) { return cnnc_layer_kind_name(L->kind); }

cnnc_status cnnc_binary_build(cnnc_layer *L, const cnnc_arg *const *a, const cnnc_arg *call, cnnc_error *err) {
    cnnc_binary_params *p = &L->p.binary;
    const char *fn = fn_name(L);
    (void)call;
    p->scalar = CNNC_SCALAR_NONE;
    p->value = 0.0;
    p->alpha = 1.0;
    p->inplace = 0;
    if (a[0]) {   /* a Python number; a tensor `other` is a node input, not an argument */
        if (!cnnc_arg_is_num(a[0]))
            return cnnc_arg_fail(err, CNNC_ERR_PARSE, a[0], "TypeError", "%s(): argument 'other' (position 2) must be Tensor, not %s",
                                 fn, cnnc_arg_type_name(a[0]));
        p->scalar = CNNC_SCALAR_RIGHT;
        p->value = cnnc_arg_num(a[0]);
    }
    const cnnc_arg *extra = a[1];
    if (!extra || extra->kind == CNNC_ARG_NONE) {
        if (extra && (L->kind == CNNC_ADD || L->kind == CNNC_SUB))
            return cnnc_arg_fail(err, CNNC_ERR_PARSE, extra, "TypeError", "%s(): argument 'alpha' must be Number, not NoneType", fn);
        return CNNC_OK;
    }
    if (L->kind == CNNC_ADD || L->kind == CNNC_SUB) {
        if (!cnnc_arg_is_num(extra))
            return cnnc_arg_fail(err, CNNC_ERR_PARSE, extra, "TypeError", "%s(): argument 'alpha' must be Number, not %s", fn,
                                 cnnc_arg_type_name(extra));
        if (extra->kind == CNNC_ARG_BOOL)   /* float results refuse a bool alpha */
            return cnnc_arg_fail(err, CNNC_ERR_PARSE, extra, "RuntimeError", "Boolean alpha only supported for Boolean results.");
        p->alpha = cnnc_arg_num(extra);
        return CNNC_OK;
    }
    if (L->kind == CNNC_DIV) {   /* rounding_mode */
        if (extra->kind != CNNC_ARG_STR)
            return cnnc_arg_fail(err, CNNC_ERR_PARSE, extra, "TypeError", "div(): argument 'rounding_mode' must be str, not %s",
                                 cnnc_arg_type_name(extra));
        if (cnnc_arg_str_is(extra, "trunc") || cnnc_arg_str_is(extra, "floor"))
            return cnnc_arg_fail(err, CNNC_ERR_UNSUPPORTED, extra, "NotImplementedError",
                                 "cnnc does not run div(..., rounding_mode='%.*s') (only true division)", (int)extra->slen, extra->s);
        return cnnc_arg_fail(err, CNNC_ERR_PARSE, extra, "RuntimeError",
                             "div expected rounding_mode to be one of None, 'trunc', or 'floor' but found '%.*s'",
                             (int)extra->slen, extra->s);
    }
    return CNNC_OK;
}

/* Contiguous element strides of s, aligned to the right of an nd-dim output;
 * 0 where s broadcasts (its size is 1 or it has no such dim). */
static void aligned_strides(const cnnc_shape *s, int32_t nd, int64_t *st) {
    int64_t run = 1;
    for (int32_t k = nd - 1; k >= 0; k--) {
        const int32_t d = k - (nd - s->ndim);
        if (d < 0) { st[k] = 0; continue; }
        st[k] = s->d[d] == 1 ? 0 : run;
        run *= s->d[d];
    }
}

/* Drop size-1 dims, then merge neighbours that both operands walk alike. */
static void make_geometry(const cnnc_shape *out, const int64_t *sa, const int64_t *sb, cnnc_bcast_geom *g) {
    g->ndim = 0;
    for (int32_t k = 0; k < out->ndim; k++) {
        const int64_t n = out->d[k];
        if (n == 1) continue;
        if (g->ndim > 0) {
            const int32_t j = g->ndim - 1;
            if (g->sa[j] == sa[k] * n && g->sb[j] == sb[k] * n) {
                g->size[j] *= n;
                g->sa[j] = sa[k];
                g->sb[j] = sb[k];
                continue;
            }
        }
        g->size[g->ndim] = n;
        g->sa[g->ndim] = sa[k];
        g->sb[g->ndim] = sb[k];
        g->ndim++;
    }
}

cnnc_status cnnc_binary_shape(const cnnc_layer *L, const cnnc_shape *const *in, int32_t n_in, int train,
                              cnnc_layer_shape *ls, cnnc_error *err) {
    const cnnc_binary_params *p = &L->p.binary;
    int64_t sa[CNNC_MAX_DIMS], sb[CNNC_MAX_DIMS], zero[CNNC_MAX_DIMS] = {0};
    (void)train;
    if (p->scalar != CNNC_SCALAR_NONE) {
        if (n_in != 1)
            return cnnc_shape_fail(err, "RuntimeError", "%s() with a scalar operand takes one tensor, but the node has %d inputs",
                                   fn_name(L), (int)n_in);
        ls->out = *in[0];
        aligned_strides(in[0], in[0]->ndim, sa);
        if (p->scalar == CNNC_SCALAR_RIGHT) make_geometry(&ls->out, sa, zero, &ls->g.bcast);
        else make_geometry(&ls->out, zero, sa, &ls->g.bcast);
        return CNNC_OK;
    }
    if (n_in != 2)
        return cnnc_shape_fail(err, "RuntimeError", "%s() takes two tensors, but the node has %d inputs", fn_name(L), (int)n_in);
    const cnnc_shape *a = in[0], *b = in[1];
    cnnc_shape o;
    cnnc_status st = cnnc_broadcast_shapes(a, b, &o, err);
    if (st) return st;
    if (p->inplace && (o.ndim != a->ndim || memcmp(o.d, a->d, (size_t)o.ndim * sizeof o.d[0]) != 0)) {
        CNNC_FMT_SHAPE(sa_text, a);
        CNNC_FMT_SHAPE(so_text, &o);
        return cnnc_shape_fail(err, "RuntimeError", "output with shape %s doesn't match the broadcast shape %s", sa_text, so_text);
    }
    ls->out = o;
    aligned_strides(a, o.ndim, sa);
    aligned_strides(b, o.ndim, sb);
    make_geometry(&o, sa, sb, &ls->g.bcast);
    return CNNC_OK;
}

void cnnc_binary_cost(const cnnc_layer *L, const cnnc_layer_shape *s, int has_din, cnnc_layer_cost *c) {
    const double n = (double)s->out_numel;
    const int two = L->p.binary.scalar == CNNC_SCALAR_NONE;
    c->fwd_flops = n;
    c->bwd_flops = has_din ? (two ? 2.0 : 1.0) * n : 0.0;
    c->fwd_bytes = 4.0 * ((two ? 3.0 : 2.0) * n);
    c->bwd_bytes = has_din ? 4.0 * ((two ? 5.0 : 3.0) * n) : 0.0;
}

void cnnc_binary_render(const cnnc_layer *L, cnnc_strbuf *sb) {
    const cnnc_binary_params *p = &L->p.binary;
    char v[64];
    const char *sep = "";
    if (p->scalar != CNNC_SCALAR_NONE) {
        cnnc_py_float_repr(p->value, v, sizeof v);
        cnnc_sb_printf(sb, "other=%s%s", v, p->scalar == CNNC_SCALAR_LEFT ? ", reflected=True" : "");
        sep = ", ";
    }
    if ((L->kind == CNNC_ADD || L->kind == CNNC_SUB) && p->alpha != 1.0) cnnc_render_float(sb, sep, "alpha", p->alpha);
}

/* "a + b", "x * 0.5", "1.0 - x", torch.add(a, b, alpha=2.0) */
void cnnc_binary_expr(const cnnc_layer *L, const char *const *in, int32_t n_in, cnnc_strbuf *sb) {
    const cnnc_binary_params *p = &L->p.binary;
    if (L->kind == CNNC_MAXIMUM || L->kind == CNNC_MINIMUM) {   /* two tensors, no operator */
        cnnc_sb_printf(sb, "torch.%s(%s, %s)", fn_name(L), in[0], n_in > 1 ? in[1] : in[0]);
        return;
    }
    const char *op = L->kind == CNNC_ADD ? "+" : L->kind == CNNC_SUB ? "-" : L->kind == CNNC_MUL ? "*" : "/";
    char v[64];
    cnnc_py_float_repr(p->value, v, sizeof v);
    if (p->alpha != 1.0 && (L->kind == CNNC_ADD || L->kind == CNNC_SUB)) {
        char al[64];
        cnnc_py_float_repr(p->alpha, al, sizeof al);
        cnnc_sb_printf(sb, "torch.%s(%s, %s, alpha=%s)", fn_name(L), in[0], p->scalar == CNNC_SCALAR_NONE && n_in > 1 ? in[1] : v, al);
    } else if (p->scalar == CNNC_SCALAR_LEFT) {
        cnnc_sb_printf(sb, "%s %s %s", v, op, in[0]);
    } else {
        cnnc_sb_printf(sb, "%s %s %s", in[0], op, p->scalar == CNNC_SCALAR_NONE && n_in > 1 ? in[1] : v);
    }
}
