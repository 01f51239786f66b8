/* cos.c — torch.cos / Tensor.cos (sinusoidal time embeddings, Fourier features): a
 * function with no module class; backward g * -sin(x). */
#include "layers/layer_util.h"

static void render(const cnnc_layer *L, cnnc_strbuf *sb) { (void)L; (void)sb; }

const cnnc_layer_def cnnc_layer_cos = {
    .kind = CNNC_COS,
    .name = "cos",
    .functional = "cos(input)",
    .functional_in = CNNC_FN_TORCH | CNNC_FN_TENSOR,
    .flags = CNNC_LAYER_KEEPS_SHAPE | CNNC_LAYER_BWD_NEEDS_IN,
    .shape = cnnc_shape_same,
    .render = render,
};
