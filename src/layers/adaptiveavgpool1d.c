/* adaptiveavgpool1d.c — nn.AdaptiveAvgPool1d: adaptive_avg_pool2d to (1, size)
 * on the input at height 1, as PyTorch computes it (pool1d_common.h). */
#include "layers/adaptive_pool2d_common.h"
#include "layers/pool1d_common.h"

#include <string.h>

/* output_size: an int or a tuple of one int, kept as the 2-d form's (1, size) */
cnnc_status cnnc_adaptive1d_build(cnnc_layer *l, const cnnc_arg *const *a, const char *kind, cnnc_error *err) {
    cnnc_adaptive_pool2d_params *q = &l->p.adaptive;
    memset(q, 0, sizeof *q);
    q->n = -1;
    q->size[0] = 1;
    return cnnc_single_arg(a[0], kind, "output_size", &q->size[1], err);
}

cnnc_status cnnc_adaptive1d_shape(const cnnc_layer *L, const cnnc_shape *in, int is_max, cnnc_layer_shape *ls,
                                  cnnc_error *err) {
    cnnc_status st = cnnc_pool1d_rank(in, is_max ? "adaptive_max_pool1d" : "adaptive_avg_pool1d", err);
    if (st) return st;
    const cnnc_shape u = cnnc_pool1d_unsqueeze(in);
    if ((st = cnnc_adaptive_shape(L, &u, is_max, ls, err))) return st;
    cnnc_pool1d_squeeze(ls, in);
    return CNNC_OK;
}

void cnnc_adaptive1d_render(const cnnc_layer *L, cnnc_strbuf *sb) {
    cnnc_sb_printf(sb, "%lld", (long long)L->p.adaptive.size[1]);
}

static cnnc_status build(cnnc_layer *l, const cnnc_arg *const *a, const cnnc_arg *call, cnnc_error *err) {
    (void)call;
    return cnnc_adaptive1d_build(l, a, "AdaptiveAvgPool1d", err);
}

static cnnc_status shape(const cnnc_layer *L, const cnnc_shape *const *in, int32_t n_in, int train, cnnc_layer_shape *ls,
                         cnnc_error *err) {
    (void)n_in; (void)train;
    return cnnc_adaptive1d_shape(L, in[0], 0, ls, err);
}

const cnnc_layer_def cnnc_layer_adaptiveavgpool1d = {
    .kind = CNNC_ADAPTIVEAVGPOOL1D,
    .name = "AdaptiveAvgPool1d",
    .qualname = "_AdaptiveAvgPoolNd",
    .module = "pooling",
    .signature = "output_size",
    .functional = "adaptive_avg_pool1d(input, output_size)",
    .functional_in = CNNC_FN_NN_F,
    .flags = CNNC_LAYER_ARGS_CHECKED_AT_CALL,
    .build = build,
    .shape = shape,
    .render = cnnc_adaptive1d_render,
};
