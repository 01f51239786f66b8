/* reduce_common.c — mean and sum over dims: the shape rule with PyTorch's
 * messages, and the geometry their kernels walk. */
#include "layers/reduce_common.h"

#include <stdio.h>

/* "got (float)" as PyTorch's overload error lists the arguments. */
static cnnc_status overload_fail(const cnnc_layer *L, const cnnc_arg *at, const char *got, cnnc_error *err) {
    const char *fn = cnnc_layer_kind_name(L->kind);
    return cnnc_arg_fail(err, CNNC_ERR_PARSE, at, "TypeError",
                         "%s() received an invalid combination of arguments - got (%s), but expected one of:\n"
                         " * (*, torch.dtype dtype)\n"
                         " * (tuple of ints dim, bool keepdim, *, torch.dtype dtype)\n"
                         " * (tuple of names dim, bool keepdim, *, torch.dtype dtype)\n",
                         fn, got);
}

cnnc_status cnnc_reduce_build(cnnc_layer *L, const cnnc_arg *const *a, const cnnc_arg *call, cnnc_error *err) {
    cnnc_reduce_params *p = &L->p.reduce;
    (void)call;
    p->n_dims = 0;
    p->keepdim = 0;
    const cnnc_arg *dim = a[0], *keep = a[1];
    if (dim && (dim->kind == CNNC_ARG_TUPLE || dim->kind == CNNC_ARG_LIST)) {
        if (dim->n > CNNC_MAX_DIMS)
            return cnnc_arg_fail(err, CNNC_ERR_UNSUPPORTED, dim, "NotImplementedError",
                                 "cnnc tensors have at most %d dims; dim lists %d", CNNC_MAX_DIMS, (int)dim->n);
        for (int32_t k = 0; k < dim->n; k++) {
            if (!cnnc_arg_is_int(&dim->items[k]))
                return cnnc_arg_fail(err, CNNC_ERR_PARSE, dim, "TypeError",
                                     "%s(): argument 'dim' must be tuple of ints, but found element of type %s at pos %d",
                                     cnnc_layer_kind_name(L->kind), cnnc_arg_type_name(&dim->items[k]), (int)k + 1);
            p->dims[k] = dim->items[k].i;
        }
        p->n_dims = dim->n;
    } else if (dim && dim->kind == CNNC_ARG_INT) {
        p->dims[0] = dim->i;
        p->n_dims = 1;
    } else if (dim && dim->kind != CNNC_ARG_NONE) {
        return overload_fail(L, dim, cnnc_arg_type_name(dim), err);
    }
    if (keep) {
        if (keep->kind != CNNC_ARG_BOOL) {
            char got[64];
            snprintf(got, sizeof got, "%s, keepdim=%s", dim ? cnnc_arg_type_name(dim) : "", cnnc_arg_type_name(keep));
            return overload_fail(L, keep, dim ? got : got + 2, err);
        }
        p->keepdim = (int)keep->i;
    }
    return CNNC_OK;
}

cnnc_status cnnc_reduce_shape(const cnnc_layer *L, const cnnc_shape *const *ins, int32_t n_in, int train,
                              cnnc_layer_shape *ls, cnnc_error *err) {
    const cnnc_reduce_params *p = &L->p.reduce;
    const cnnc_shape *in = ins[0];
    (void)n_in; (void)train;
    uint32_t red = 0;
    if (p->n_dims == 0) {
        red = in->ndim ? (uint32_t)((1u << in->ndim) - 1u) : 0u;
    } else {
        for (int32_t k = 0; k < p->n_dims && k < CNNC_MAX_DIMS; k++) {   /* in order: the first bad dim is reported */
            int64_t d;
            cnnc_status st = cnnc_wrap_dim_or_fail(p->dims[k], in->ndim, &d, err);
            if (st) return st;
            if (red & (1u << d))
                return cnnc_shape_fail(err, "RuntimeError", "dim %lld appears multiple times in the list of dims", (long long)d);
            red |= 1u << d;
        }
        if (in->ndim == 0) red = 0;   /* dim 0 or -1 of a 0-d tensor: nothing to reduce */
    }
    cnnc_shape o;
    o.ndim = 0;
    for (int32_t k = 0; k < in->ndim; k++) {
        if (!(red & (1u << k))) o.d[o.ndim++] = in->d[k];
        else if (p->keepdim) o.d[o.ndim++] = 1;
    }
    ls->out = o;
    /* Geometry: size-1 dims dropped, neighbours alike (both kept or both reduced) merged. */
    cnnc_reduce_geom *g = &ls->g.reduce;
    g->ndim = 0;
    g->reduced = 0;
    g->count = 1;
    for (int32_t k = 0; k < in->ndim; k++) {
        const int64_t n = in->d[k];
        const uint32_t r = (red >> k) & 1u;
        if (r) g->count *= n;
        if (n == 1) continue;
        if (g->ndim > 0 && ((g->reduced >> (g->ndim - 1)) & 1u) == r) {
            g->size[g->ndim - 1] *= n;
            continue;
        }
        g->size[g->ndim] = n;
        g->reduced |= r << g->ndim;
        g->ndim++;
    }
    return CNNC_OK;
}

void cnnc_reduce_cost(const cnnc_layer *L, const cnnc_layer_shape *s, int has_din, cnnc_layer_cost *c) {
    const double in = (double)cnnc_shape_numel(&s->in), out = (double)s->out_numel;
    (void)L;
    c->fwd_flops = in;
    c->bwd_flops = has_din ? in : 0.0;
    c->fwd_bytes = 4.0 * (in + out);
    c->bwd_bytes = has_din ? 4.0 * (in + out) : 0.0;
}

void cnnc_reduce_render(const cnnc_layer *L, cnnc_strbuf *sb) {
    const cnnc_reduce_params *p = &L->p.reduce;
    if (p->n_dims > 0) {
        cnnc_sb_puts(sb, "dim=");
        cnnc_render_dims(sb, p->dims, p->n_dims);
    }
    if (p->keepdim) cnnc_sb_printf(sb, "%skeepdim=True", p->n_dims > 0 ? ", " : "");
}
