/* adaptivemaxpool1d.c — nn.AdaptiveMaxPool1d: adaptive_max_pool2d to (1, size)
 * on the input at height 1, as PyTorch computes it (adaptiveavgpool1d.c). */
#include "layers/adaptive_pool2d_common.h"
#include "layers/pool2d_common.h"
#include "layers/pool1d_common.h"

static cnnc_status build(cnnc_layer *l, const cnnc_arg *const *a, const cnnc_arg *call, cnnc_error *err) {
    (void)call;
    if (a[1] && cnnc_arg_truthy(a[1]))
        return cnnc_arg_fail(err, CNNC_ERR_UNSUPPORTED, a[1], "NotImplementedError",
                             "cnnc does not support AdaptiveMaxPool1d(return_indices=True): its output is a tuple, which "
                             "the next layer cannot take");
    return cnnc_adaptive1d_build(l, a, "AdaptiveMaxPool1d", err);
}

static cnnc_status shape(const cnnc_layer *L, const cnnc_shape *const *in, int32_t n_in, int train, cnnc_layer_shape *ls,
                         cnnc_error *err) {
    (void)n_in; (void)train;
    return cnnc_adaptive1d_shape(L, in[0], 1, ls, err);
}

const cnnc_layer_def cnnc_layer_adaptivemaxpool1d = {
    .kind = CNNC_ADAPTIVEMAXPOOL1D,
    .name = "AdaptiveMaxPool1d",
    .qualname = "_AdaptiveMaxPoolNd",
    .module = "pooling",
    .signature = "output_size, return_indices=False",
    .functional = "adaptive_max_pool1d(input, output_size, return_indices=False)",
    .functional_in = CNNC_FN_NN_F,
    .flags = CNNC_LAYER_ARGS_CHECKED_AT_CALL,
    .build = build,
    .shape = shape,
    .aux_bytes = cnnc_pool_argmax_bytes,
    .render = cnnc_adaptive1d_render,
};
