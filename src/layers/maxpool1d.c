/* maxpool1d.c — nn.MaxPool1d. Stored and run as a max pool of height 1 (the
 * MaxPool2d kernels, pool1d_common.h), with max_pool1d's own checks and words:
 * those of the path PyTorch takes when no gradient is wanted (what `cnnc
 * check` compares with, under torch.no_grad()). */
#include "layers/pool1d_common.h"
#include "layers/pool2d_common.h"

#include <string.h>

static cnnc_status build(cnnc_layer *l, const cnnc_arg *const *a, const cnnc_arg *call, cnnc_error *err) {
    cnnc_pool2d_params *q = &l->p.pool;
    cnnc_status st;
    (void)call;
    memset(q, 0, sizeof *q);
    q->kernel_size[0] = q->stride[0] = q->dilation[0] = q->dilation[1] = 1;
    q->count_include_pad = 1;
    if ((st = cnnc_single_arg(a[0], "MaxPool1d", "kernel_size", &q->kernel_size[1], err))) return st;
    q->stride[1] = q->kernel_size[1];
    if (a[1] && a[1]->kind != CNNC_ARG_NONE && (st = cnnc_single_arg(a[1], "MaxPool1d", "stride", &q->stride[1], err)))
        return st;
    if (a[2] && (st = cnnc_single_arg(a[2], "MaxPool1d", "padding", &q->padding[1], err))) return st;
    if (a[3] && (st = cnnc_single_arg(a[3], "MaxPool1d", "dilation", &q->dilation[1], err))) return st;
    q->return_indices = a[4] ? cnnc_arg_truthy(a[4]) : 0;   /* the .py reader gives (values, indices) */
    q->ceil_mode = a[5] ? cnnc_arg_truthy(a[5]) : 0;
    return CNNC_OK;
}

static cnnc_status shape(const cnnc_layer *L, const cnnc_shape *const *ins, int32_t n_in, int train, cnnc_layer_shape *ls,
                         cnnc_error *err) {
    const cnnc_pool2d_params *q = &L->p.pool;
    const cnnc_shape *in = ins[0];
    (void)n_in; (void)train;
    const int nd = in->ndim;
    if (!((nd == 2 && in->d[0] != 0 && in->d[1] != 0) || (nd == 3 && in->d[1] != 0 && in->d[2] != 0))) {
        CNNC_FMT_SHAPE(s, in);
        return cnnc_shape_fail(err, "RuntimeError",
                               "max_pool1d: Expected 2D or 3D (batch mode) tensor with optional 0 dim batch size for input, "
                               "but got:%s",
                               s);
    }
    const int64_t k = q->kernel_size[1], st = q->stride[1], p = q->padding[1], d = q->dilation[1], W = in->d[nd - 1];
    if (k <= 0) return cnnc_shape_fail(err, "RuntimeError", "max_pool1d() kernel_size must be greater than zero, but got %lld", (long long)k);
    if (st <= 0) return cnnc_shape_fail(err, "RuntimeError", "max_pool1d() stride must be greater than zero, but got %lld", (long long)st);
    if (p < 0) return cnnc_shape_fail(err, "RuntimeError", "max_pool1d() padding must be non-negative, but got %lld", (long long)p);
    if (p > k / 2)
        return cnnc_shape_fail(err, "RuntimeError",
                               "max_pool1d() padding should be at most half of kernel size, but got padding=%lld and "
                               "kernel_size=%lld",
                               (long long)p, (long long)k);
    if (d <= 0) return cnnc_shape_fail(err, "RuntimeError", "max_pool1d() dilation must be greater than zero, but got %lld", (long long)d);
    /* pooling_output_shape */
    const int64_t OW = cnnc_pool_output_size(W, k, p, st, d, q->ceil_mode);
    if (OW < 0) return cnnc_shape_fail(err, "RuntimeError", "max_pool1d() Invalid computed output size: %lld", (long long)OW);
    cnnc_pool_geom *g = &ls->g.pool;
    memset(g, 0, sizeof *g);
    g->N = nd == 3 ? in->d[0] : 1; g->C = in->d[nd - 2]; g->H = 1; g->W = W; g->OH = 1; g->OW = OW;
    g->KH = 1; g->KW = k; g->SH = 1; g->SW = st; g->PH = 0; g->PW = p; g->DH = 1; g->DW = d;
    ls->unbatched = nd == 2;
    ls->out = *in;
    ls->out.d[nd - 1] = OW;
    return CNNC_OK;
}

/* PyTorch's repr: kernel_size=2, stride=2, padding=0, dilation=1, ceil_mode=False */
static void render(const cnnc_layer *L, cnnc_strbuf *sb) {
    const cnnc_pool2d_params *q = &L->p.pool;
    cnnc_sb_printf(sb, "kernel_size=%lld, stride=%lld, padding=%lld, dilation=%lld, ceil_mode=%s", (long long)q->kernel_size[1],
                   (long long)q->stride[1], (long long)q->padding[1], (long long)q->dilation[1],
                   q->ceil_mode ? "True" : "False");
}

static void kernel_shape(const cnnc_layer *L, const cnnc_layer_shape *s, cnnc_strbuf *sb) {
    (void)L;
    cnnc_sb_printf(sb, "[%lld]", (long long)s->g.pool.KW);
}

static void trail(const cnnc_layer *L, const char *who, const cnnc_shape *in, const cnnc_shape *out, cnnc_strbuf *sb) {
    const cnnc_pool2d_params *q = &L->p.pool;
    CNNC_FMT_SHAPE(s, out);
    CNNC_FMT_SHAPE(ps, in);
    cnnc_sb_printf(sb, "%s made %s from %s", who, s, ps);
    if (out->ndim < 2 || in->ndim < 2) return;
    cnnc_sb_printf(sb, "; L = %s(%lld + 2*%lld - %lld*(%lld-1) - 1)/%lld + 1 = %lld", q->ceil_mode ? "ceil" : "floor",
                   (long long)in->d[in->ndim - 1], (long long)q->padding[1], (long long)q->dilation[1],
                   (long long)q->kernel_size[1], (long long)q->stride[1], (long long)out->d[out->ndim - 1]);
}

const cnnc_layer_def cnnc_layer_maxpool1d = {
    .kind = CNNC_MAXPOOL1D,
    .name = "MaxPool1d",
    .qualname = "_MaxPoolNd",
    .module = "pooling",
    .signature = "kernel_size, stride=None, padding=0, dilation=1, return_indices=False, ceil_mode=False",
    .functional = "max_pool1d(input, kernel_size, stride=None, padding=0, dilation=1, ceil_mode=False, return_indices=False)",
    .functional_in = CNNC_FN_NN_F,
    .flags = CNNC_LAYER_ARGS_CHECKED_AT_CALL,
    .build = build,
    .shape = shape,
    .aux_bytes = cnnc_pool_argmax_bytes,
    .render = render,
    .kernel_shape = kernel_shape,
    .trail = trail,
};
