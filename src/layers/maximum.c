/* maximum.c — torch.maximum / Tensor.maximum(input, other), and torch.max(input, other):
 * the elementwise maximum of two tensors with broadcasting (NaN wins); a tie gives each
 * operand half the gradient, as PyTorch's. A number for `other` is refused: PyTorch's
 * words for it depend on the call's form. Geometry and messages: binary_common.c. */
#include "layers/binary_common.h"

static cnnc_status build(cnnc_layer *L, const cnnc_arg *const *a, const cnnc_arg *call, cnnc_error *err) {
    if (a[0]) return cnnc_arg_fail(err, CNNC_ERR_UNSUPPORTED, a[0], "NotImplementedError",
                                   "cnnc cannot follow maximum() with a number for other (it takes two tensors)");
    return cnnc_binary_build(L, a, call, err);
}

const cnnc_layer_def cnnc_layer_maximum = {
    .kind = CNNC_MAXIMUM,
    .name = "maximum",
    .functional = "maximum(input, other)",
    .functional_in = CNNC_FN_TORCH | CNNC_FN_TENSOR,
    .flags = CNNC_LAYER_BWD_NEEDS_IN,
    .build = build,
    .shape = cnnc_binary_shape,
    .cost = cnnc_binary_cost,
    .render = cnnc_binary_render,
    .expr = cnnc_binary_expr,
};
