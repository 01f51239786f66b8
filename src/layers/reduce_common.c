/* reduce_common.c — mean, sum, amax and amin over dims: the shape rules with
 * PyTorch's messages, and the geometry their kernels walk. */
#include "layers/reduce_common.h"

#include <stdio.h>
#include <string.h>

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

/* The output keeps the dims not in `red` (or 1 with keepdim). Geometry: size-1
 * dims dropped, neighbours alike (both kept or both reduced) merged. */
static void reduce_out(const cnnc_shape *in, uint32_t red, int keepdim, cnnc_layer_shape *ls) {
    cnnc_shape o;
    o.ndim = 0;
    for (int32_t k = 0; k < in->ndim; k++) {
        if (!(red & (1u << k))) o.d[o.ndim++] = in->d[k];
        else if (keepdim) o.d[o.ndim++] = 1;
    }
    ls->out = o;
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
}

/* dim (absent, None, an int, or a tuple/list of them) into p->dims. Returns 1 when it is
 * fine; 0 with *bad (the item, or dim itself: *bad == dim) when an item is not an int
 * (a bool counts as one when bool_is_int) or dim is of another type, or with *st set
 * when the list is longer than cnnc's dims. */
static int read_dims(cnnc_reduce_params *p, const cnnc_arg *dim, int bool_is_int, const cnnc_arg **bad, int32_t *bad_pos,
                     cnnc_status *st, cnnc_error *err) {
    *st = CNNC_OK;
    p->n_dims = 0;
    if (!dim || dim->kind == CNNC_ARG_NONE) return 1;
    if (dim->kind == CNNC_ARG_INT) {
        p->dims[0] = dim->i;
        p->n_dims = 1;
        return 1;
    }
    if (dim->kind != CNNC_ARG_TUPLE && dim->kind != CNNC_ARG_LIST) { *bad = dim; return 0; }
    if (dim->n > CNNC_MAX_DIMS) {
        *st = cnnc_arg_fail(err, CNNC_ERR_UNSUPPORTED, dim, "NotImplementedError", "cnnc tensors have at most %d dims; dim lists %d",
                            CNNC_MAX_DIMS, (int)dim->n);
        return 0;
    }
    for (int32_t k = 0; k < dim->n; k++) {
        if (bool_is_int ? !cnnc_arg_is_int(&dim->items[k]) : dim->items[k].kind != CNNC_ARG_INT) {
            *bad = &dim->items[k];
            *bad_pos = k + 1;
            return 0;
        }
        p->dims[k] = dim->items[k].i;
    }
    p->n_dims = dim->n;
    return 1;
}

cnnc_status cnnc_reduce_build(cnnc_layer *L, const cnnc_arg *const *a, const cnnc_arg *call, cnnc_error *err) {
    cnnc_reduce_params *p = &L->p.reduce;
    (void)call;
    p->keepdim = 0;
    const cnnc_arg *dim = a[0], *keep = a[1], *bad = NULL;
    int32_t pos = 0;
    cnnc_status st;
    if (!read_dims(p, dim, 1, &bad, &pos, &st, err)) {
        if (st) return st;
        if (bad == dim) return overload_fail(L, dim, cnnc_arg_type_name(dim), err);
        return cnnc_arg_fail(err, CNNC_ERR_PARSE, dim, "TypeError",
                             "%s(): argument 'dim' must be tuple of ints, but found element of type %s at pos %d",
                             cnnc_layer_kind_name(L->kind), cnnc_arg_type_name(bad), (int)pos);
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
    reduce_out(in, red, p->keepdim, ls);
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

/* ---- amax / amin, and torch.max / torch.min's reductions ---- */

static const char *extremum_name(const cnnc_layer *L) {
    const int is_max = L->kind == CNNC_AMAX;
    if (L->p.reduce.form == CNNC_EXTREMUM_AMAX) return is_max ? "amax" : "amin";
    return is_max ? "max" : "min";
}

/* torch.amax(input, dim=(), keepdim=False): dim an int or a tuple/list of ints,
 * keepdim a bool. Other types are refused rather than worded: PyTorch's text
 * depends on whether they came by position or by name. */
cnnc_status cnnc_extremum_build(cnnc_layer *L, const cnnc_arg *const *a, const cnnc_arg *call, cnnc_error *err) {
    cnnc_reduce_params *p = &L->p.reduce;
    (void)call;
    memset(p, 0, sizeof *p);
    p->form = CNNC_EXTREMUM_AMAX;
    const cnnc_arg *dim = a[0], *keep = a[1], *bad = NULL;
    const char *fn = extremum_name(L);
    int32_t pos = 0;
    cnnc_status st;
    if (!read_dims(p, dim, 0, &bad, &pos, &st, err)) {
        if (st) return st;
        if (bad == dim)
            return cnnc_arg_fail(err, CNNC_ERR_UNSUPPORTED, dim, "NotImplementedError", "cnnc cannot follow %s() with a dim of type %s",
                                 fn, cnnc_arg_type_name(dim));
        return cnnc_arg_fail(err, CNNC_ERR_UNSUPPORTED, dim, "NotImplementedError",
                             "cnnc cannot follow %s() with a dim list holding a %s", fn, cnnc_arg_type_name(bad));
    }
    if (keep) {
        if (keep->kind != CNNC_ARG_BOOL)
            return cnnc_arg_fail(err, CNNC_ERR_UNSUPPORTED, keep, "NotImplementedError",
                                 "cnnc cannot follow %s() with a keepdim of type %s", fn, cnnc_arg_type_name(keep));
        p->keepdim = (int)keep->i;
    }
    return CNNC_OK;
}

/* PyTorch's order: each dim wrapped and checked for a zero size in turn (amax
 * names the dim as written, max(input, dim) the wrapped one), then repeats. */
cnnc_status cnnc_extremum_shape(const cnnc_layer *L, const cnnc_shape *const *ins, int32_t n_in, int train,
                                cnnc_layer_shape *ls, cnnc_error *err) {
    const cnnc_reduce_params *p = &L->p.reduce;
    const cnnc_shape *in = ins[0];
    (void)n_in; (void)train;
    const char *fn = extremum_name(L);
    uint32_t red = 0;
    if (p->form == CNNC_EXTREMUM_ALL || p->n_dims == 0) {
        if (cnnc_shape_numel(in) == 0)
            return cnnc_shape_fail(err, "RuntimeError",
                                   "%s(): Expected reduction dim to be specified for input.numel() == 0. "
                                   "Specify the reduction dim with the 'dim' argument.", fn);
        red = in->ndim ? (uint32_t)((1u << in->ndim) - 1u) : 0u;
    } else {
        int64_t wrapped[CNNC_MAX_DIMS];
        for (int32_t k = 0; k < p->n_dims && k < CNNC_MAX_DIMS; k++) {
            cnnc_status st = cnnc_wrap_dim_or_fail(p->dims[k], in->ndim, &wrapped[k], err);
            if (st) return st;
            if (in->ndim > 0 && in->d[wrapped[k]] == 0)
                return cnnc_shape_fail(err, "IndexError", "%s(): Expected reduction dim %lld to have non-zero size.", fn,
                                       (long long)(p->form == CNNC_EXTREMUM_DIM ? wrapped[k] : p->dims[k]));
        }
        for (int32_t k = 0; k < p->n_dims && k < CNNC_MAX_DIMS; k++) {
            if (red & (1u << wrapped[k]))
                return cnnc_shape_fail(err, "RuntimeError", "dim %lld appears multiple times in the list of dims", (long long)wrapped[k]);
            red |= 1u << wrapped[k];
        }
        if (in->ndim == 0) red = 0;
    }
    reduce_out(in, red, p->keepdim, ls);
    return CNNC_OK;
}

void cnnc_extremum_expr(const cnnc_layer *L, const char *const *in, int32_t n_in, cnnc_strbuf *sb) {
    const cnnc_reduce_params *p = &L->p.reduce;
    (void)n_in;
    if (p->form == CNNC_EXTREMUM_ALL) {
        cnnc_sb_printf(sb, "torch.%s(%s)", extremum_name(L), in[0]);
    } else if (p->form == CNNC_EXTREMUM_DIM) {
        cnnc_sb_printf(sb, "torch.%s(%s, dim=%lld%s)[0]", extremum_name(L), in[0], (long long)p->dims[0],
                       p->keepdim ? ", keepdim=True" : "");
    } else {
        cnnc_sb_printf(sb, "torch.%s(%s", extremum_name(L), in[0]);
        if (p->n_dims > 0 || p->keepdim) cnnc_sb_puts(sb, ", ");
        cnnc_reduce_render(L, sb);
        cnnc_sb_puts(sb, ")");
    }
}

void cnnc_moment_expr(const cnnc_layer *L, const char *const *in, int32_t n_in, cnnc_strbuf *sb) {
    const cnnc_reduce_params *p = &L->p.reduce;
    (void)n_in;
    cnnc_sb_printf(sb, "torch.%s(%s", L->kind == CNNC_STD ? "std" : "var", in[0]);
    if (p->n_dims > 0) {
        cnnc_sb_puts(sb, ", dim=");
        cnnc_render_dims(sb, p->dims, p->n_dims);
    }
    cnnc_sb_printf(sb, ", correction=%lld", (long long)p->correction);
    if (p->keepdim) cnnc_sb_puts(sb, ", keepdim=True");
    cnnc_sb_puts(sb, ")");
}
