/* localresponsenorm.c — nn.LocalResponseNorm(size, alpha=1e-4, beta=0.75, k=1.0)
 * (AlexNet) and F.local_response_norm: the output is the input's shape; its checks (a rank
 * of at least 3; its pooling over `size` channels). Check only: no kernels yet. */
#include "layers/layer_util.h"

static cnnc_status build(cnnc_layer *l, const cnnc_arg *const *a, const cnnc_arg *call, cnnc_error *err) {
    (void)call;
    if (!cnnc_arg_is_int(a[0]))
        return cnnc_arg_fail(err, CNNC_ERR_UNSUPPORTED, a[0], "NotImplementedError",
                             "cnnc follows LocalResponseNorm with an int size, not a %s", cnnc_arg_type_name(a[0]));
    l->p.lrn.size = a[0]->i;
    l->p.lrn.alpha = 1e-4;
    l->p.lrn.beta = 0.75;
    l->p.lrn.k = 1.0;
    double *f[3] = {&l->p.lrn.alpha, &l->p.lrn.beta, &l->p.lrn.k};
    for (int j = 0; j < 3; j++)
        if (a[j + 1]) {
            if (!cnnc_arg_is_num(a[j + 1]))
                return cnnc_arg_fail(err, CNNC_ERR_UNSUPPORTED, a[j + 1], "NotImplementedError",
                                     "cnnc follows LocalResponseNorm with numbers for alpha, beta and k");
            *f[j] = cnnc_arg_num(a[j + 1]);
        }
    return CNNC_OK;
}

static cnnc_status shape(const cnnc_layer *L, const cnnc_shape *const *ins, int32_t n_in, int train, cnnc_layer_shape *ls,
                         cnnc_error *err) {
    const cnnc_shape *in = ins[0];
    (void)n_in; (void)train;
    if (in->ndim < 3)   /* the message's run of spaces is PyTorch's (a continued string literal) */
        return cnnc_shape_fail(err, "ValueError",
                               "Expected 3D or higher dimensionality                          input (got %d dimensions)",
                               (int)in->ndim);
    if (cnnc_shape_numel(in) != 0 && L->p.lrn.size <= 0)
        return cnnc_shape_unsupported(err, "cnnc follows LocalResponseNorm with a positive size");
    ls->out = *in;
    return CNNC_OK;
}

static void render(const cnnc_layer *L, cnnc_strbuf *sb) {
    cnnc_sb_printf(sb, "%lld", (long long)L->p.lrn.size);
    cnnc_render_float(sb, ", ", "alpha", L->p.lrn.alpha);
    cnnc_render_float(sb, ", ", "beta", L->p.lrn.beta);
    cnnc_render_float(sb, ", ", "k", L->p.lrn.k);
}

const cnnc_layer_def cnnc_layer_localresponsenorm = {
    .kind = CNNC_LOCALRESPONSENORM,
    .name = "LocalResponseNorm",
    .qualname = "LocalResponseNorm",
    .module = "normalization",
    .signature = "size, alpha=0.0001, beta=0.75, k=1.0",
    .functional = "local_response_norm(input, size, alpha=0.0001, beta=0.75, k=1.0)",
    .functional_in = CNNC_FN_NN_F,
    .flags = CNNC_LAYER_KEEPS_SHAPE,
    .build = build,
    .shape = shape,
    .cost = cnnc_copy_cost,
    .render = render,
};
