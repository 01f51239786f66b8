/* pixelunshuffle.c — nn.PixelUnshuffle(downscale_factor): [*, C, H*r, W*r] to
 * [*, C*r*r, H, W], PixelShuffle's inverse permutation. The factor is
 * pixel_unshuffle()'s int, checked with the shapes at PyTorch's forward.
 * Kernels: the permute kernels, over the 6-d view [B, C, H, r, W, r] read as
 * [B, C, r, r, H, W]. An empty input comes back as it is (1.13's shortcut). */
#include "layers/layer_util.h"

#include <string.h>

static cnnc_status build(cnnc_layer *l, const cnnc_arg *const *a, const cnnc_arg *call, cnnc_error *err) {
    (void)call;
    if (a[0]->kind != CNNC_ARG_INT)   /* the op's int: a bool is refused too */
        return cnnc_arg_fail(err, CNNC_ERR_PARSE, a[0], "TypeError",
                             "pixel_unshuffle(): argument 'downscale_factor' (position 2) must be int, not %s",
                             cnnc_arg_type_name(a[0]));
    l->p.pixel_shuffle.factor = a[0]->i;
    return CNNC_OK;
}

static cnnc_status shape(const cnnc_layer *L, const cnnc_shape *const *ins, int32_t n_in, int train, cnnc_layer_shape *ls,
                         cnnc_error *err) {
    const cnnc_shape *in = ins[0];
    const int64_t r = L->p.pixel_shuffle.factor;
    (void)n_in; (void)train;
    if (in->ndim < 3)
        return cnnc_shape_fail(err, "RuntimeError",
                               "pixel_unshuffle expects input to have at least 3 dimensions, but got input with %d dimension(s)",
                               (int)in->ndim);
    if (r <= 0)
        return cnnc_shape_fail(err, "RuntimeError", "pixel_unshuffle expects a positive downscale_factor, but got %lld", (long long)r);
    const int32_t nd = in->ndim;
    const int64_t c = in->d[nd - 3], H = in->d[nd - 2], W = in->d[nd - 1];
    if (H % r != 0)
        return cnnc_shape_fail(err, "RuntimeError",
                               "pixel_unshuffle expects height to be divisible by downscale_factor, but input.size(-2)=%lld is "
                               "not divisible by %lld", (long long)H, (long long)r);
    if (W % r != 0)
        return cnnc_shape_fail(err, "RuntimeError",
                               "pixel_unshuffle expects width to be divisible by downscale_factor, but input.size(-1)=%lld is "
                               "not divisible by %lld", (long long)W, (long long)r);
    /* 1.13 returns an empty input as it is (self.clone()), whatever the factor */
    if (cnnc_shape_numel(in) == 0) {
        ls->out = *in;
        memset(&ls->g.permute, 0, sizeof ls->g.permute);
        ls->g.permute.ndim = 1;   /* one dim of size 0: the kernels move nothing */
        return CNNC_OK;
    }
    if (r > 3037000499LL) return cnnc_shape_unsupported(err, "cnnc cannot follow pixel_unshuffle with downscale_factor %lld", (long long)r);
    ls->out = *in;
    ls->out.d[nd - 3] = c * r * r;
    ls->out.d[nd - 2] = H / r;
    ls->out.d[nd - 1] = W / r;
    cnnc_shape view = {.ndim = 6, .d = {cnnc_dims_product(in, 0, nd - 3), c, H / r, r, W / r, r}};
    const int64_t perm[6] = {0, 1, 3, 5, 2, 4};
    cnnc_permute_geometry(&view, perm, &ls->g.permute);
    return CNNC_OK;
}

static void render(const cnnc_layer *L, cnnc_strbuf *sb) {
    cnnc_sb_printf(sb, "%lld", (long long)L->p.pixel_shuffle.factor);
}

const cnnc_layer_def cnnc_layer_pixelunshuffle = {
    .kind = CNNC_PIXELUNSHUFFLE,
    .name = "PixelUnshuffle",
    .qualname = "PixelUnshuffle",
    .module = "pixelshuffle",
    .signature = "downscale_factor",
    .functional = "pixel_unshuffle(input, downscale_factor)",
    .functional_in = CNNC_FN_NN_F | CNNC_FN_TORCH,
    .flags = CNNC_LAYER_ARGS_CHECKED_AT_CALL,
    .build = build,
    .shape = shape,
    .cost = cnnc_copy_cost,
    .render = render,
};
