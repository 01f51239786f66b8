/* abs.c — torch.abs / Tensor.abs (|a - b| in a Siamese net's distance): a
 * function with no module class; backward g * sign(x), 0 at 0 and at NaN. */
#include "layers/layer_util.h"

static void render(const cnnc_layer *L, cnnc_strbuf *sb) { (void)L; (void)sb; }

const cnnc_layer_def cnnc_layer_abs = {
    .kind = CNNC_ABS,
    .name = "abs",
    .functional = "abs(input)",
    .functional_in = CNNC_FN_TORCH | CNNC_FN_TENSOR,
    .flags = CNNC_LAYER_KEEPS_SHAPE | CNNC_LAYER_BWD_NEEDS_IN,
    .shape = cnnc_shape_same,
    .render = render,
};
