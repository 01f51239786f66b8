/* batchnorm3d.c — nn.BatchNorm3d: BatchNorm2d's statistics and state_dict over
 * [N, C, D, H, W] (a channel's values: N*D*H*W), _NormBase's constructor, F.batch_norm's
 * checks and messages. The backends run BatchNorm2d's kernels with HW = D*H*W. */
#include "layers/norm_common.h"

static cnnc_status build(cnnc_layer *l, const cnnc_arg *const *a, const cnnc_arg *call, cnnc_error *err) {
    (void)call;
    return cnnc_norm_base_build(&l->p.bn, a, 1, 1, "batch_norm", 1, err);
}

/* the entries, text, aux storage and kernel cell are BatchNorm2d's (_NormBase) */
static int32_t params(const cnnc_layer *l, cnnc_param_desc *out) { return cnnc_layer_batchnorm2d.params(l, out); }
static void render(const cnnc_layer *L, cnnc_strbuf *sb) { cnnc_layer_batchnorm2d.render(L, sb); }
static size_t aux_bytes(const cnnc_layer *L, const cnnc_layer_shape *s) { return cnnc_layer_batchnorm2d.aux_bytes(L, s); }

static cnnc_status shape(const cnnc_layer *L, const cnnc_shape *const *ins, int32_t n_in, int train, cnnc_layer_shape *ls,
                         cnnc_error *err) {
    const cnnc_batchnorm2d_params *p = &L->p.bn;
    const cnnc_shape *in = ins[0];
    (void)n_in;
    if (in->ndim != 5) return cnnc_shape_fail(err, "ValueError", "expected 5D input (got %dD input)", in->ndim);
    const int64_t N = in->d[0], C = in->d[1], DHW = in->d[2] * in->d[3] * in->d[4];
    if ((train || !p->track_running_stats) && N * DHW == 1) {
        CNNC_FMT_SHAPE(s, in);
        return cnnc_shape_fail(err, "ValueError",
                               "Expected more than 1 value per channel when training, got input size torch.Size(%s)", s);
    }
    if (N * C * DHW != 0) {   /* ATen returns early on empty input, before these checks */
        const char *what = p->track_running_stats ? "running_mean" : p->affine ? "weight" : NULL;
        if (what && C != p->num_features)
            return cnnc_shape_fail(err, "RuntimeError", "%s should contain %lld elements not %lld", what, (long long)C,
                                   (long long)p->num_features);
    }
    ls->g.bn.N = N; ls->g.bn.C = C; ls->g.bn.HW = DHW;
    ls->out = *in;
    return CNNC_OK;
}

const cnnc_layer_def cnnc_layer_batchnorm3d = {
    .kind = CNNC_BATCHNORM3D,
    .name = "BatchNorm3d",
    .qualname = "_BatchNorm",
    .module = "batchnorm",
    .signature = "num_features, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True, device=None, dtype=None",
    .flags = CNNC_LAYER_KEEPS_SHAPE | CNNC_LAYER_BWD_NEEDS_IN,
    .build = build,
    .params = params,
    .shape = shape,
    .aux_bytes = aux_bytes,
    .render = render,
};
