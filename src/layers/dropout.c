/* dropout.c — nn.Dropout: shape-preserving; a uint8 keep mask per element. */
#include "layers/layer_util.h"

#include <math.h>

static cnnc_status build(cnnc_layer *l, const cnnc_arg *const *a, const cnnc_arg *call, cnnc_error *err) {
    cnnc_dropout_params *q = &l->p.dropout;
    (void)call;
    q->p = 0.5;
    const cnnc_arg *v = a[0];
    if (v) {
        if (!cnnc_arg_is_num(v))
            return cnnc_arg_fail(err, CNNC_ERR_PARSE, v, "TypeError", "'<' not supported between instances of '%s' and 'int'",
                                 cnnc_arg_type_name(v));
        q->p = cnnc_arg_num(v);
        if (isnan(q->p))
            return cnnc_arg_fail(err, CNNC_ERR_PARSE, v, "ValueError", "dropout probability has to be between 0 and 1, but got nan");
        if (!(q->p >= 0.0 && q->p <= 1.0)) {
            char r[64];
            cnnc_strbuf sb;
            cnnc_sb_fixed(&sb, r, sizeof r);
            cnnc_arg_repr(v, &sb);
            return cnnc_arg_fail(err, CNNC_ERR_PARSE, v, "ValueError", "dropout probability has to be between 0 and 1, but got %s", r);
        }
    }
    q->inplace = a[1] ? cnnc_arg_truthy(a[1]) : 0;
    return CNNC_OK;
}

static cnnc_status shape(const cnnc_layer *L, const cnnc_shape *const *in, int32_t n_in, int train, cnnc_layer_shape *ls,
                         cnnc_error *err) {
    (void)L; (void)n_in; (void)train; (void)err;
    ls->out = *in[0];
    return CNNC_OK;
}

static size_t aux_bytes(const cnnc_layer *L, const cnnc_layer_shape *s) {
    (void)L;
    return (size_t)s->out_numel;  /* the keep mask */
}

static void cost(const cnnc_layer *L, const cnnc_layer_shape *s, int has_din, cnnc_layer_cost *c) {
    const double n = (double)s->out_numel;
    (void)L;
    c->fwd_flops = n;
    c->bwd_flops = has_din ? n : 0.0;
    c->fwd_bytes = 4.0 * (n + n) + n;
    c->bwd_bytes = 4.0 * (n + n + (has_din ? n : 0.0)) + n;
}

static void render(const cnnc_layer *L, cnnc_strbuf *sb) {
    const char *sep = "";
    if (L->p.dropout.p != 0.5) { cnnc_render_float(sb, "", "p", L->p.dropout.p); sep = ", "; }
    if (L->p.dropout.inplace) cnnc_sb_printf(sb, "%sinplace=True", sep);
}

const cnnc_layer_def cnnc_layer_dropout = {
    .kind = CNNC_DROPOUT,
    .name = "Dropout",
    .qualname = "_DropoutNd",
    .module = "dropout",
    .signature = "p=0.5, inplace=False",
    .functional = "dropout(input, p=0.5, training=True, inplace=False)",
    .functional_in = CNNC_FN_NN_F,
    .flags = CNNC_LAYER_KEEPS_SHAPE,
    .build = build,
    .shape = shape,
    .aux_bytes = aux_bytes,
    .cost = cost,
    .render = render,
};
