/* unfold.c — nn.Unfold(kernel_size, dilation=1, padding=0, stride=1) and F.unfold:
 * im2col, [N, C, H, W] to [N, C*kh*kw, L] (unbatched [C, H, W] to [C*kh*kw, L]),
 * L the sliding blocks. im2col_shape_check's checks in 1.13's order and words (its
 * message prints the input height twice, as 1.13 does). Kernels: conv's im2col. */
#include "layers/fold_common.h"

static cnnc_status build(cnnc_layer *l, const cnnc_arg *const *a, const cnnc_arg *call, cnnc_error *err) {
    (void)call;
    return cnnc_fold_build(l, a, 0, "im2col", err);
}

static cnnc_status shape(const cnnc_layer *L, const cnnc_shape *const *ins, int32_t n_in, int train, cnnc_layer_shape *ls,
                         cnnc_error *err) {
    const cnnc_fold_params *p = &L->p.fold;
    const cnnc_shape *in = ins[0];
    (void)n_in; (void)train;
    cnnc_status st = cnnc_fold_check_args(p, err);
    if (st) return st;
    /* input.size(1) and size(2) are read before the rank is checked */
    if (in->ndim == 0) return cnnc_shape_fail(err, "IndexError", "Dimension specified as 1 but tensor has no dimensions");
    if (in->ndim < 3)
        return cnnc_shape_fail(err, "IndexError", "Dimension out of range (expected to be in range of [%d, %d], but got %d)",
                               -(int)in->ndim, (int)in->ndim - 1, in->ndim == 1 ? 1 : 2);
    const int valid = in->d[1] != 0 && in->d[2] != 0;
    if (!((in->ndim == 3 && in->d[0] != 0 && valid) || (in->ndim == 4 && valid && in->d[3] != 0))) {
        CNNC_FMT_SHAPE(s, in);
        return cnnc_shape_fail(err, "RuntimeError",
                               "Expected 3D or 4D (batch mode) tensor with possibly 0 batch size and other non-zero dimensions "
                               "for input, but got: %s", s);
    }
    const int unb = in->ndim == 3;
    const int64_t N = unb ? 1 : in->d[0], C = in->d[in->ndim - 3], H = in->d[in->ndim - 2], W = in->d[in->ndim - 1];
    int64_t bh, bw;
    cnnc_fold_blocks(p, H, W, &bh, &bw);
    if (bh < 1 || bw < 1)
        return cnnc_shape_fail(err, "RuntimeError",
                               "Given input with spatial size (%lld, %lld), kernel_size=(%lld, %lld), dilation=(%lld, %lld), "
                               "padding=(%lld, %lld), calculated shape of the array of sliding blocks as (%lld, %lld), but its "
                               "components must be at least one.",
                               (long long)H, (long long)H, (long long)p->kernel[0], (long long)p->kernel[1],
                               (long long)p->dilation[0], (long long)p->dilation[1], (long long)p->padding[0],
                               (long long)p->padding[1], (long long)bh, (long long)bw);
    ls->out.ndim = 0;
    if (!unb) ls->out.d[ls->out.ndim++] = N;
    ls->out.d[ls->out.ndim++] = C * p->kernel[0] * p->kernel[1];
    ls->out.d[ls->out.ndim++] = bh * bw;
    ls->unbatched = unb;
    cnnc_fold_geom(p, N, C, H, W, bh, bw, &ls->g.conv);
    return CNNC_OK;
}

static void render(const cnnc_layer *L, cnnc_strbuf *sb) { cnnc_fold_render(L, 0, sb); }

const cnnc_layer_def cnnc_layer_unfold = {
    .kind = CNNC_UNFOLD,
    .name = "Unfold",
    .qualname = "Unfold",
    .module = "fold",
    .signature = "kernel_size, dilation=1, padding=0, stride=1",
    .functional = "unfold(input, kernel_size, dilation=1, padding=0, stride=1)",
    .functional_in = CNNC_FN_NN_F,
    .flags = 0,
    .build = build,
    .shape = shape,
    .render = render,
};
