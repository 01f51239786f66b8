/* randn_like.c — torch.randn_like(input): a fresh standard normal tensor of the
 * input's shape from the shared counter RNG (src/engine/rng.h cnnc_randn), the
 * same on every backend. It draws in train and eval mode alike (PyTorch does),
 * taking one RNG offset per forward; no gradient flows back through it. */
#include "layers/layer_util.h"

static cnnc_status build(cnnc_layer *L, const cnnc_arg *const *a, const cnnc_arg *call, cnnc_error *err) {
    (void)L; (void)call;
    /* dtype, layout, device, requires_grad, memory_format: cnnc runs float32 on its own device */
    return cnnc_device_dtype_args(a[2], a[0], err);
}

static cnnc_status shape(const cnnc_layer *L, const cnnc_shape *const *in, int32_t n_in, int train, cnnc_layer_shape *ls,
                         cnnc_error *err) {
    (void)L; (void)n_in; (void)train; (void)err;
    ls->out = *in[0];
    return CNNC_OK;
}

static void cost(const cnnc_layer *L, const cnnc_layer_shape *s, int has_din, cnnc_layer_cost *c) {
    const double n = (double)s->out_numel;
    (void)L;
    c->fwd_flops = 20.0 * n;   /* two hashes, log, sqrt, cos per element */
    c->fwd_bytes = 4.0 * n;
    c->bwd_bytes = has_din ? 4.0 * n : 0.0;   /* writes a zero gradient */
}

const cnnc_layer_def cnnc_layer_randn_like = {
    .kind = CNNC_RANDN_LIKE,
    .name = "randn_like",
    .functional = "randn_like(input, *, dtype=None, layout=None, device=None, requires_grad=False, "
                  "memory_format=torch.preserve_format)",
    .functional_in = CNNC_FN_TORCH,
    .flags = CNNC_LAYER_KEEPS_SHAPE,
    .build = build,
    .shape = shape,
    .cost = cost,
};
