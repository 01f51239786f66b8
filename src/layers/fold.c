/* fold.c — nn.Fold(output_size, kernel_size, dilation=1, padding=0, stride=1) and
 * F.fold: col2im, [N, C*kh*kw, L] to [N, C, H, W] (unbatched [C*kh*kw, L] to
 * [C, H, W]), summing where blocks overlap. col2im_shape_check's checks in 1.13's
 * order and words. Kernels: conv's col2im (forward) and im2col (backward). */
#include "layers/fold_common.h"

static cnnc_status build(cnnc_layer *l, const cnnc_arg *const *a, const cnnc_arg *call, cnnc_error *err) {
    (void)call;
    return cnnc_fold_build(l, a, 1, "col2im", err);
}

static cnnc_status shape(const cnnc_layer *L, const cnnc_shape *const *ins, int32_t n_in, int train, cnnc_layer_shape *ls,
                         cnnc_error *err) {
    const cnnc_fold_params *p = &L->p.fold;
    const cnnc_shape *in = ins[0];
    (void)n_in; (void)train;
    cnnc_status st = cnnc_fold_check_args(p, err);
    if (st) return st;
    if (!((in->ndim == 2 && in->d[0] != 0 && in->d[1] != 0) || (in->ndim == 3 && in->d[1] != 0 && in->d[2] != 0))) {
        CNNC_FMT_SHAPE(s, in);
        return cnnc_shape_fail(err, "RuntimeError",
                               "Expected 2D or 3D (batch mode) tensor for input with possibly 0 batch size and non-zero "
                               "dimensions for input, but got: %s", s);
    }
    const int unb = in->ndim == 2;
    const int64_t N = unb ? 1 : in->d[0], planes = in->d[in->ndim - 2], length = in->d[in->ndim - 1];
    const int64_t kk = p->kernel[0] * p->kernel[1];
    if (planes % kk != 0)
        return cnnc_shape_fail(err, "RuntimeError",
                               "Expected size of input's dimension 1 to be divisible by the product of kernel_size, but got "
                               "input.size(1)=%lld and kernel_size=(%lld, %lld).",
                               (long long)planes, (long long)p->kernel[0], (long long)p->kernel[1]);
    int64_t bh, bw;
    cnnc_fold_blocks(p, p->output[0], p->output[1], &bh, &bw);
    if (length != bh * bw || bh < 1 || bw < 1)
        return cnnc_shape_fail(err, "RuntimeError",
                               length != bh * bw
                                   ? "Given output_size=(%lld, %lld), kernel_size=(%lld, %lld), dilation=(%lld, %lld), "
                                     "padding=(%lld, %lld), stride=(%lld, %lld), expected size of input's dimension 2 to "
                                     "match the calculated number of sliding blocks %lld * %lld = %lld, but got "
                                     "input.size(2)=%lld."
                                   : "Given output_size=(%lld, %lld), kernel_size=(%lld, %lld), dilation=(%lld, %lld), "
                                     "padding=(%lld, %lld), stride=(%lld, %lld), calculated shape of the array of sliding "
                                     "blocks as (%lld, %lld), which is too small (non-positive)",
                               (long long)p->output[0], (long long)p->output[1], (long long)p->kernel[0],
                               (long long)p->kernel[1], (long long)p->dilation[0], (long long)p->dilation[1],
                               (long long)p->padding[0], (long long)p->padding[1], (long long)p->stride[0],
                               (long long)p->stride[1], (long long)bh, (long long)bw, (long long)(bh * bw), (long long)length);
    const int64_t C = planes / kk;
    ls->out.ndim = 0;
    if (!unb) ls->out.d[ls->out.ndim++] = N;
    ls->out.d[ls->out.ndim++] = C;
    ls->out.d[ls->out.ndim++] = p->output[0];
    ls->out.d[ls->out.ndim++] = p->output[1];
    ls->unbatched = unb;
    cnnc_fold_geom(p, N, C, p->output[0], p->output[1], bh, bw, &ls->g.conv);
    return CNNC_OK;
}

static void render(const cnnc_layer *L, cnnc_strbuf *sb) { cnnc_fold_render(L, 1, sb); }

const cnnc_layer_def cnnc_layer_fold = {
    .kind = CNNC_FOLD,
    .name = "Fold",
    .qualname = "Fold",
    .module = "fold",
    .signature = "output_size, kernel_size, dilation=1, padding=0, stride=1",
    .functional = "fold(input, output_size, kernel_size, dilation=1, padding=0, stride=1)",
    .functional_in = CNNC_FN_NN_F,
    .flags = 0,
    .build = build,
    .shape = shape,
    .render = render,
};
