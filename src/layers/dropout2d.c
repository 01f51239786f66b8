/* dropout2d.c — nn.Dropout2d: zeroes whole channels, one keep draw per
 * (sample, channel) plane (PyTorch's feature dropout, also on 3-d input, which
 * it reads as [N, C, L]). The constructor is Dropout's (_DropoutNd). */
#include "layers/layer_util.h"

#include <math.h>

static cnnc_status build(cnnc_layer *l, const cnnc_arg *const *a, const cnnc_arg *call, cnnc_error *err) {
    /* p = nan passes _DropoutNd's `p < 0 or p > 1`; ATen refuses it at the first forward (shape()). */
    if (a[0] && a[0]->kind == CNNC_ARG_FLOAT && isnan(a[0]->f)) {
        l->p.dropout.p = a[0]->f;
        l->p.dropout.inplace = a[1] ? cnnc_arg_truthy(a[1]) : 0;
        return CNNC_OK;
    }
    return cnnc_layer_dropout.build(l, a, call, err);
}

static cnnc_status shape(const cnnc_layer *L, const cnnc_shape *const *ins, int32_t n_in, int train, cnnc_layer_shape *ls,
                         cnnc_error *err) {
    const cnnc_shape *in = ins[0];
    const double p = L->p.dropout.p;
    const int64_t numel = cnnc_shape_numel(in);
    (void)n_in;
    if (isnan(p))   /* ATen prints the double as C++ streams do: a NaN keeps its sign (inf - inf is -nan) */
        return cnnc_shape_fail(err, "RuntimeError", "dropout probability has to be between 0 and 1, but got %s",
                               signbit(p) ? "-nan" : "nan");
    /* ATen's _dropout_impl returns early (p == 0, eval, empty) or zeroes (p == 1)
     * before it builds the per-plane noise, which needs a channel dim. */
    if (train && p > 0.0 && p < 1.0 && numel != 0 && in->ndim < 2)
        return cnnc_shape_fail(err, "RuntimeError", "Feature dropout requires at least 2 dimensions in the input");
    cnnc_axis_geom *g = &ls->g.axis;
    if (in->ndim >= 2) {
        g->outer = in->d[0];
        g->size = in->d[1];
        g->inner = 1;
        for (int32_t k = 2; k < in->ndim; k++) g->inner *= in->d[k];
    } else {               /* only p == 0 or 1 run here: one plane */
        g->outer = g->size = 1;
        g->inner = numel;
    }
    ls->out = *in;
    return CNNC_OK;
}

static size_t aux_bytes(const cnnc_layer *L, const cnnc_layer_shape *s) {
    (void)L;
    return (size_t)(s->g.axis.outer * s->g.axis.size);  /* the keep mask, one byte per plane */
}

static void cost(const cnnc_layer *L, const cnnc_layer_shape *s, int has_din, cnnc_layer_cost *c) {
    const double n = (double)s->out_numel, planes = (double)(s->g.axis.outer * s->g.axis.size);
    (void)L;
    c->fwd_flops = n;
    c->bwd_flops = has_din ? n : 0.0;
    c->fwd_bytes = 4.0 * (n + n) + planes;
    c->bwd_bytes = has_din ? 4.0 * (n + n) + planes : 0.0;
}

static void render(const cnnc_layer *L, cnnc_strbuf *sb) {
    const char *sep = "";
    if (L->p.dropout.p != 0.5) { cnnc_render_float(sb, "", "p", L->p.dropout.p); sep = ", "; }
    if (L->p.dropout.inplace) cnnc_sb_printf(sb, "%sinplace=True", sep);
}

const cnnc_layer_def cnnc_layer_dropout2d = {
    .kind = CNNC_DROPOUT2D,
    .name = "Dropout2d",
    .qualname = "_DropoutNd",
    .module = "dropout",
    .signature = "p=0.5, inplace=False",
    .functional = "dropout2d(input, p=0.5, training=True, inplace=False)",
    .functional_in = CNNC_FN_NN_F,
    .flags = CNNC_LAYER_KEEPS_SHAPE,
    .build = build,
    .shape = shape,
    .aux_bytes = aux_bytes,
    .cost = cost,
    .render = render,
};
