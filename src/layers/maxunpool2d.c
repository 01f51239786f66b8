/* maxunpool2d.c — nn.MaxUnpool2d(kernel_size, stride=None, padding=0) and
 * F.max_unpool2d: the constructor (_pair of each), and max_unpooling2d's shape
 * checks on an output plane the front end resolved with _unpool_output_size
 * (src/py/torch_pool.c, which also checks the indices against the input). Its
 * forward scatters by the pool's indices, which cnnc's engines do not keep:
 * check and summary follow it, the backends refuse it when the engine is made. */
#include "layers/layer_util.h"

static cnnc_status build(cnnc_layer *l, const cnnc_arg *const *a, const cnnc_arg *call, cnnc_error *err) {
    cnnc_unpool2d_params *q = &l->p.unpool;
    cnnc_status st;
    (void)call;
    if ((st = cnnc_pair_arg(a[0], "max_unpool2d", "kernel_size", 3, q->kernel_size, err))) return st;
    if (a[1] && a[1]->kind != CNNC_ARG_NONE) {
        if ((st = cnnc_pair_arg(a[1], "max_unpool2d", "stride", 4, q->stride, err))) return st;
    } else {
        q->stride[0] = q->kernel_size[0];
        q->stride[1] = q->kernel_size[1];
    }
    q->padding[0] = q->padding[1] = 0;
    if (a[2] && (st = cnnc_pair_arg(a[2], "max_unpool2d", "padding", 5, q->padding, err))) return st;
    return CNNC_OK;
}

static cnnc_status shape(const cnnc_layer *L, const cnnc_shape *const *ins, int32_t n_in, int train, cnnc_layer_shape *ls,
                         cnnc_error *err) {
    const cnnc_unpool2d_params *q = &L->p.unpool;
    const cnnc_shape *in = ins[0];
    (void)n_in; (void)train;
    if (in->ndim != 3 && in->ndim != 4)
        return cnnc_shape_fail(err, "RuntimeError",
                               "Input to max_unpooling2d should be a 3d or 4d Tensor, but got a tensor with %d dimensions.",
                               (int)in->ndim);
    for (int32_t k = 1; k < in->ndim; k++)
        if (in->d[k] <= 0) {
            CNNC_FMT_SHAPE(s, in);
            return cnnc_shape_fail(err, "RuntimeError",
                                   "max_unpooling2d_forward_out_cpu(): Expected input to have non-zero size for non-batch "
                                   "dimensions, but got %s with dimension %d being empty.", s, (int)k);
        }
    if (q->out_h <= 0 || q->out_w <= 0)
        return cnnc_shape_unsupported(err, "cnnc cannot follow max_unpool2d to an output of %lld x %lld", (long long)q->out_h,
                                      (long long)q->out_w);
    ls->out = *in;
    ls->out.d[in->ndim - 2] = q->out_h;
    ls->out.d[in->ndim - 1] = q->out_w;
    ls->unbatched = in->ndim == 3;
    return CNNC_OK;
}

static void render(const cnnc_layer *L, cnnc_strbuf *sb) {
    const cnnc_unpool2d_params *q = &L->p.unpool;
    cnnc_render_pair(sb, "", "kernel_size", q->kernel_size);
    cnnc_render_pair(sb, ", ", "stride", q->stride);
    cnnc_render_pair(sb, ", ", "padding", q->padding);
}

const cnnc_layer_def cnnc_layer_maxunpool2d = {
    .kind = CNNC_MAXUNPOOL2D,
    .name = "MaxUnpool2d",
    .qualname = "MaxUnpool2d",
    .module = "pooling",
    .signature = "kernel_size, stride=None, padding=0",
    .functional = NULL,   /* F.max_unpool2d(input, indices, ...) reads the indices: src/py/torch_pool.c */
    .flags = 0,
    .build = build,
    .shape = shape,
    .cost = cnnc_copy_cost,
    .render = render,
    .pair_attrs = "kernel_size stride padding",
};
