/* avgpool1d.c — nn.AvgPool1d: avg_pool2d on the input at height 1, as PyTorch
 * computes it (pool1d_common.h), with the 2-d rules of pool2d_common.c. */
#include "layers/pool1d_common.h"
#include "layers/pool2d_common.h"

#include <string.h>

static cnnc_status build(cnnc_layer *l, const cnnc_arg *const *a, const cnnc_arg *call, cnnc_error *err) {
    cnnc_pool2d_params *q = &l->p.pool;
    cnnc_status st;
    (void)call;
    memset(q, 0, sizeof *q);
    q->kernel_size[0] = q->stride[0] = q->dilation[0] = q->dilation[1] = 1;
    if ((st = cnnc_single_arg(a[0], "AvgPool1d", "kernel_size", &q->kernel_size[1], err))) return st;
    q->stride[1] = q->kernel_size[1];
    if (a[1] && a[1]->kind != CNNC_ARG_NONE && (st = cnnc_single_arg(a[1], "AvgPool1d", "stride", &q->stride[1], err)))
        return st;
    if (a[2] && (st = cnnc_single_arg(a[2], "AvgPool1d", "padding", &q->padding[1], err))) return st;
    q->ceil_mode = a[3] ? cnnc_arg_truthy(a[3]) : 0;
    q->count_include_pad = a[4] ? cnnc_arg_truthy(a[4]) : 1;
    return CNNC_OK;
}

static cnnc_status shape(const cnnc_layer *L, const cnnc_shape *const *in, int32_t n_in, int train, cnnc_layer_shape *ls,
                         cnnc_error *err) {
    (void)n_in; (void)train;
    cnnc_status st = cnnc_pool1d_rank(in[0], "avg_pool1d", err);
    if (st) return st;
    const cnnc_shape u = cnnc_pool1d_unsqueeze(in[0]);
    if ((st = cnnc_pool2d_shape(L, &u, 0, ls, err))) return st;
    cnnc_pool1d_squeeze(ls, in[0]);
    return CNNC_OK;
}

/* PyTorch's repr: kernel_size=(2,), stride=(2,), padding=(0,) */
static void render(const cnnc_layer *L, cnnc_strbuf *sb) {
    const cnnc_pool2d_params *q = &L->p.pool;
    cnnc_sb_printf(sb, "kernel_size=(%lld,), stride=(%lld,), padding=(%lld,)", (long long)q->kernel_size[1],
                   (long long)q->stride[1], (long long)q->padding[1]);
    if (q->ceil_mode) cnnc_sb_puts(sb, ", ceil_mode=True");
    if (!q->count_include_pad) cnnc_sb_puts(sb, ", count_include_pad=False");
}

static void kernel_shape(const cnnc_layer *L, const cnnc_layer_shape *s, cnnc_strbuf *sb) {
    (void)L;
    cnnc_sb_printf(sb, "[%lld]", (long long)s->g.pool.KW);
}

const cnnc_layer_def cnnc_layer_avgpool1d = {
    .kind = CNNC_AVGPOOL1D,
    .name = "AvgPool1d",
    .qualname = "AvgPool1d",
    .module = "pooling",
    .signature = "kernel_size, stride=None, padding=0, ceil_mode=False, count_include_pad=True",
    .functional = "avg_pool1d(input, kernel_size, stride=None, padding=0, ceil_mode=False, count_include_pad=True)",
    .functional_in = CNNC_FN_NN_F,
    .flags = CNNC_LAYER_ARGS_CHECKED_AT_CALL,
    .build = build,
    .shape = shape,
    .render = render,
    .kernel_shape = kernel_shape,
    .single_attrs = "kernel_size stride padding",
};
