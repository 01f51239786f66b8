/* identity.c — nn.Identity(*args, **kwargs): takes any arguments and ignores
 * them; the output is the input (the kernels copy it). */
#include "layers/layer_util.h"

static cnnc_status build(cnnc_layer *l, const cnnc_arg *const *a, const cnnc_arg *call, cnnc_error *err) {
    (void)l; (void)a; (void)call; (void)err;
    return CNNC_OK;
}

const cnnc_layer_def cnnc_layer_identity = {
    .kind = CNNC_IDENTITY,
    .name = "Identity",
    .qualname = "Identity",
    .module = "linear",
    .signature = "*args, **kwargs",
    .functional = NULL,
    .functional_in = 0,
    .flags = CNNC_LAYER_KEEPS_SHAPE,
    .build = build,
    .shape = cnnc_shape_same,
    .cost = cnnc_copy_cost,
};
