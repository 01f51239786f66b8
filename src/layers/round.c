/* round.c — torch.floor, torch.ceil, torch.round and torch.trunc (and their
 * Tensor methods): one kind whose mode says which. The output has the input's
 * shape; the gradient is zero everywhere, as PyTorch's (drop-connect's mask
 * floor(keep_prob + rand) is the usual use). */
#include "layers/layer_util.h"

static const char *const ROUND_NAMES[] = {"floor", "ceil", "round", "trunc"};

static void render(const cnnc_layer *L, cnnc_strbuf *sb) { (void)L; (void)sb; }

static void expr(const cnnc_layer *L, const char *const *in, int32_t n_in, cnnc_strbuf *sb) {
    (void)n_in;
    cnnc_sb_printf(sb, "torch.%s(%s)", ROUND_NAMES[L->p.round.mode & 3], in[0]);
}

const cnnc_layer_def cnnc_layer_round = {
    .kind = CNNC_ROUND,
    .name = "round",
    .functional = NULL,   /* torch.floor/ceil/round/trunc and the methods (src/py/torch_tensor.c) */
    .flags = CNNC_LAYER_KEEPS_SHAPE,
    .shape = cnnc_shape_same,
    .render = render,
    .expr = expr,
};
