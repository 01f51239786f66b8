/* batchnorm1d.c — nn.BatchNorm1d: BatchNorm2d's statistics and state_dict
 * over [N, C] or [N, C, L] (a channel's values: N, or N*L), _NormBase's
 * constructor, F.batch_norm's checks and messages. */
#include "layers/norm_common.h"

#include <stdio.h>
#include <string.h>

static cnnc_status build(cnnc_layer *l, const cnnc_arg *const *a, const cnnc_arg *call, cnnc_error *err) {
    (void)call;
    return cnnc_norm_base_build(&l->p.bn, a, 1, 1, "batch_norm", 1, err);
}

static int32_t params(const cnnc_layer *l, cnnc_param_desc *out) {
    /* the same entries as BatchNorm2d's (_NormBase) */
    return cnnc_layer_batchnorm2d.params(l, out);
}

static cnnc_status shape(const cnnc_layer *L, const cnnc_shape *const *ins, int32_t n_in, int train, cnnc_layer_shape *ls,
                         cnnc_error *err) {
    const cnnc_batchnorm2d_params *p = &L->p.bn;
    const cnnc_shape *in = ins[0];
    (void)n_in;
    if (in->ndim != 2 && in->ndim != 3)
        return cnnc_shape_fail(err, "ValueError", "expected 2D or 3D input (got %dD input)", in->ndim);
    const int64_t N = in->d[0], C = in->d[1], L_ = in->ndim == 3 ? in->d[2] : 1;
    /* F.batch_norm: _verify_batch_size when batch statistics are used */
    if ((train || !p->track_running_stats) && N * L_ == 1) {
        CNNC_FMT_SHAPE(s, in);
        return cnnc_shape_fail(err, "ValueError",
                               "Expected more than 1 value per channel when training, got input size torch.Size(%s)", s);
    }
    if (N * C * L_ != 0) {   /* ATen returns early on empty input, before these checks */
        const char *what = p->track_running_stats ? "running_mean" : p->affine ? "weight" : NULL;
        if (what && C != p->num_features)
            return cnnc_shape_fail(err, "RuntimeError", "%s should contain %lld elements not %lld", what, (long long)C,
                                   (long long)p->num_features);
    }
    ls->g.bn.N = N; ls->g.bn.C = C; ls->g.bn.HW = L_;
    ls->out = *in;
    return CNNC_OK;
}

/* save_mean [C] then save_invstd [C], kept from forward for backward. */
static size_t aux_bytes(const cnnc_layer *L, const cnnc_layer_shape *s) {
    (void)L;
    return cnnc_norm_stats_bytes(s->g.bn.C);
}

static void render(const cnnc_layer *L, cnnc_strbuf *sb) { cnnc_norm_base_render(&L->p.bn, 1, 1, sb); }

static void kernel_shape(const cnnc_layer *L, const cnnc_layer_shape *s, cnnc_strbuf *sb) {
    (void)s;
    cnnc_sb_printf(sb, "[%lld]", (long long)L->p.bn.num_features);
}

static int hint(const cnnc_layer *L, const cnnc_shape *in, const cnnc_hint_env *env, cnnc_error *err) {
    if (strstr(err->message, "more than 1 value per channel")) {
        snprintf(err->hint, sizeof err->hint, "train with batch size > 1, or evaluate (eval mode uses running stats)");
        return 1;
    }
    if (strncmp(err->message, "expected 2D or 3D input", 23) == 0 && in->ndim == 4) {
        snprintf(err->hint, sizeof err->hint, "BatchNorm1d takes [N, C] or [N, C, L]; for [N, C, H, W] use BatchNorm2d(%lld)",
                 (long long)in->d[1]);
        return 1;
    }
    if (in->ndim < 2 || !strstr(err->message, "should contain")) return 0;
    const int64_t C = in->d[1];
    cnnc_layer copy = *L;
    copy.p.bn.num_features = C;
    return cnnc_hint_set_number(&copy, "", "num_features", C, CNNC_FIX_NUM_FEATURES, env, err);
}

static int apply_fix(cnnc_layer *L, const cnnc_fix *fix) {
    if (fix->field != CNNC_FIX_NUM_FEATURES || L->p.bn.num_features == fix->value) return 0;
    L->p.bn.num_features = fix->value;
    return 1;
}

const cnnc_layer_def cnnc_layer_batchnorm1d = {
    .kind = CNNC_BATCHNORM1D,
    .name = "BatchNorm1d",
    .qualname = "_BatchNorm",
    .module = "batchnorm",
    .signature = "num_features, eps=1e-05, momentum=0.1, affine=True, track_running_stats=True, device=None, dtype=None",
    .flags = CNNC_LAYER_KEEPS_SHAPE | CNNC_LAYER_BWD_NEEDS_IN,
    .build = build,
    .params = params,
    .shape = shape,
    .aux_bytes = aux_bytes,
    .render = render,
    .kernel_shape = kernel_shape,
    .hint = hint,
    .apply_fix = apply_fix,
};
