/* layernorm.c — nn.LayerNorm: statistics per row over the last
 * len(normalized_shape) dims, the affine elementwise over those dims. The
 * kernels are GroupNorm's with one group: rows as the batch, the normalized
 * elements as the channels (cnnc_norm_geom). */
#include "layers/layer_util.h"

#include <stdio.h>
#include <string.h>

/* The max weight rank a state_dict entry holds (cnnc_param_desc.shape). */
#define LN_MAX_AFFINE_DIMS 4

static cnnc_status build(cnnc_layer *l, const cnnc_arg *const *a, const cnnc_arg *call, cnnc_error *err) {
    cnnc_layernorm_params *q = &l->p.ln;
    const cnnc_arg *ns = a[0];
    cnnc_status st;
    (void)call;
    /* `normalized_shape = (n,)` for an Integral (bool too), else tuple(normalized_shape) */
    const cnnc_arg *items = ns;
    int32_t n = 1;
    int chars = 0;   /* a str: its characters, each a str */
    if (ns->kind == CNNC_ARG_TUPLE || ns->kind == CNNC_ARG_LIST) {
        items = ns->items;
        n = ns->n;
    } else if (ns->kind == CNNC_ARG_STR) {
        chars = 1;
        n = ns->slen;
    } else if (!cnnc_arg_is_int(ns)) {
        return cnnc_arg_fail(err, CNNC_ERR_PARSE, ns, "TypeError", "'%s' object is not iterable", cnnc_arg_type_name(ns));
    }
    q->elementwise_affine = a[2] ? cnnc_arg_truthy(a[2]) : 1;
    /* weight = empty(normalized_shape): the first element an int (not a bool), the others int-like */
    if (q->elementwise_affine && n > 0) {
        if (chars || items[0].kind != CNNC_ARG_INT) return cnnc_factory_overload_fail(ns, "empty", "tuple", a[3], a[4], err);
        for (int32_t k = 1; k < n; k++)
            if (!cnnc_arg_is_int(&items[k]))
                return cnnc_arg_fail(err, CNNC_ERR_PARSE, ns, "TypeError",
                                     "empty(): argument 'size' must be tuple of SymInts, but found element of type %s at "
                                     "pos %d", cnnc_arg_type_name(&items[k]), (int)k + 1);
    }
    /* layer_norm(input, normalized_shape, ...) checks the list at the first forward */
    if (n > 0 && (chars || items[0].kind != CNNC_ARG_INT))
        return cnnc_arg_fail(err, CNNC_ERR_PARSE, ns, "TypeError",
                             "layer_norm(): argument 'normalized_shape' (position 2) must be tuple of ints, not tuple");
    for (int32_t k = 1; k < n; k++)
        if (!cnnc_arg_is_int(&items[k]))
            return cnnc_arg_fail(err, CNNC_ERR_PARSE, ns, "TypeError",
                                 "layer_norm(): argument 'normalized_shape' must be tuple of ints, but found element of "
                                 "type %s at pos %d", cnnc_arg_type_name(&items[k]), (int)k + 1);
    if (n > CNNC_MAX_DIMS || (q->elementwise_affine && n > LN_MAX_AFFINE_DIMS))
        return cnnc_arg_fail(err, CNNC_ERR_UNSUPPORTED, ns, "NotImplementedError",
                             "cnnc supports LayerNorm over at most %d dims (%d with elementwise_affine), not %d",
                             CNNC_MAX_DIMS, LN_MAX_AFFINE_DIMS, (int)n);
    q->ndim = n;
    for (int32_t k = 0; k < n; k++) q->shape[k] = items[k].i;
    if (q->elementwise_affine && (st = cnnc_negative_dim(ns, q->shape, n, err))) return st;
    if ((st = cnnc_device_dtype_args(a[3], a[4], err))) return st;
    q->eps = 1e-5;
    if (a[1] && (st = cnnc_float_arg_at(a[1], "layer_norm", "eps", 5, &q->eps, err))) return st;
    return CNNC_OK;
}

static int32_t params(const cnnc_layer *l, cnnc_param_desc *out) {
    const cnnc_layernorm_params *q = &l->p.ln;
    if (!q->elementwise_affine) return 0;
    out[0] = (cnnc_param_desc){"weight", CNNC_P_WEIGHT, CNNC_F32, q->ndim, {0}, CNNC_INIT_FILL, 1.0f};
    out[1] = (cnnc_param_desc){"bias", CNNC_P_BIAS, CNNC_F32, q->ndim, {0}, CNNC_INIT_FILL, 0.0f};
    for (int32_t k = 0; k < q->ndim && k < LN_MAX_AFFINE_DIMS; k++) out[0].shape[k] = out[1].shape[k] = q->shape[k];
    return 2;
}

static void format_list(const int64_t *v, int32_t n, char *buf, size_t cap) {
    cnnc_strbuf sb;
    cnnc_sb_fixed(&sb, buf, cap);
    cnnc_sb_puts(&sb, "[");
    for (int32_t k = 0; k < n; k++) cnnc_sb_printf(&sb, "%s%lld", k ? ", " : "", (long long)v[k]);
    cnnc_sb_puts(&sb, "]");
}

static cnnc_status shape(const cnnc_layer *L, const cnnc_shape *const *ins, int32_t n_in, int train, cnnc_layer_shape *ls,
                         cnnc_error *err) {
    const cnnc_layernorm_params *p = &L->p.ln;
    const cnnc_shape *in = ins[0];
    (void)n_in; (void)train;
    char ns[24 * CNNC_MAX_DIMS];
    format_list(p->shape, p->ndim, ns, sizeof ns);
    if (p->ndim < 1)
        return cnnc_shape_fail(err, "RuntimeError", "Expected normalized_shape to be at least 1-dimensional, i.e., "
                               "containing at least one element, but got normalized_shape = %s", ns);
    int ok = in->ndim >= p->ndim;
    for (int32_t k = 0; ok && k < p->ndim; k++) ok = in->d[in->ndim - p->ndim + k] == p->shape[k];
    if (!ok) {
        char star[24 * CNNC_MAX_DIMS];
        cnnc_strbuf sb;
        cnnc_sb_fixed(&sb, star, sizeof star);
        for (int32_t k = 0; k < p->ndim; k++) cnnc_sb_printf(&sb, ", %lld", (long long)p->shape[k]);
        CNNC_FMT_SHAPE(s, in);
        return cnnc_shape_fail(err, "RuntimeError",
                               "Given normalized_shape=%s, expected input with shape [*%s], but got input of size%s", ns, star,
                               s);
    }
    int64_t M = 1, D = 1;
    for (int32_t k = 0; k < in->ndim; k++) {
        if (k < in->ndim - p->ndim) M *= in->d[k];
        else D *= in->d[k];
    }
    cnnc_norm_geom *g = &ls->g.norm;
    g->N = M; g->C = D; g->HW = 1; g->G = 1;
    ls->out = *in;
    return CNNC_OK;
}

/* mean and rstd per row */
static size_t aux_bytes(const cnnc_layer *L, const cnnc_layer_shape *s) {
    (void)L;
    return 2 * (size_t)(s->g.norm.N > 0 ? s->g.norm.N : 0) * sizeof(float);
}

static void render(const cnnc_layer *L, cnnc_strbuf *sb) {
    const cnnc_layernorm_params *q = &L->p.ln;
    if (q->ndim == 1) {
        cnnc_sb_printf(sb, "%lld", (long long)q->shape[0]);
    } else {
        cnnc_sb_puts(sb, "(");
        for (int32_t k = 0; k < q->ndim; k++) cnnc_sb_printf(sb, "%s%lld", k ? ", " : "", (long long)q->shape[k]);
        cnnc_sb_puts(sb, q->ndim == 0 ? ")" : q->ndim == 1 ? ",)" : ")");
    }
    if (q->eps != 1e-5) cnnc_render_float(sb, ", ", "eps", q->eps);
    if (!q->elementwise_affine) cnnc_sb_puts(sb, ", elementwise_affine=False");
}

static void kernel_shape(const cnnc_layer *L, const cnnc_layer_shape *s, cnnc_strbuf *sb) {
    (void)s;
    char ns[24 * CNNC_MAX_DIMS];
    format_list(L->p.ln.shape, L->p.ln.ndim, ns, sizeof ns);
    if (L->p.ln.elementwise_affine) cnnc_sb_puts(sb, ns);
    else cnnc_sb_puts(sb, "-");
}

static int hint(const cnnc_layer *L, const cnnc_shape *in, const cnnc_hint_env *env, cnnc_error *err) {
    (void)env;
    const cnnc_layernorm_params *p = &L->p.ln;
    if (!strstr(err->message, "expected input with shape") || in->ndim < 1) return 0;
    CNNC_FMT_SHAPE(s, in);
    if (p->ndim == 1)
        snprintf(err->hint, sizeof err->hint, "LayerNorm normalises the last dim: for %s use LayerNorm(%lld)", s,
                 (long long)in->d[in->ndim - 1]);
    else
        snprintf(err->hint, sizeof err->hint, "normalized_shape must equal the last %d dims of the input %s", (int)p->ndim, s);
    return 1;
}

const cnnc_layer_def cnnc_layer_layernorm = {
    .kind = CNNC_LAYERNORM,
    .name = "LayerNorm",
    .qualname = "LayerNorm",
    .module = "normalization",
    .signature = "normalized_shape, eps=1e-05, elementwise_affine=True, device=None, dtype=None",
    .flags = CNNC_LAYER_KEEPS_SHAPE | CNNC_LAYER_BWD_NEEDS_IN,
    .build = build,
    .params = params,
    .shape = shape,
    .aux_bytes = aux_bytes,
    .render = render,
    .kernel_shape = kernel_shape,
    .hint = hint,
};
