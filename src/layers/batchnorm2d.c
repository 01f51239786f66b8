/* batchnorm2d.c — nn.BatchNorm2d: constructor, state_dict (weight, bias,
 * running stats, num_batches_tracked), shape rule, saved statistics. */
#include "layers/layer_util.h"

#include <stdio.h>
#include <string.h>

static cnnc_status build(cnnc_layer *l, const cnnc_arg *const *a, const cnnc_arg *call, cnnc_error *err) {
    cnnc_batchnorm2d_params *q = &l->p.bn;
    cnnc_status st;
    (void)call;
    if ((st = cnnc_size_arg(a[0], 0, &q->num_features, err))) return st;
    q->eps = 1e-5;
    q->momentum = 0.1;
    if (a[1] && (st = cnnc_float_arg(a[1], "batch_norm", "eps", &q->eps, err))) return st;
    if (a[2]) {
        if (a[2]->kind == CNNC_ARG_NONE) { q->momentum_none = 1; q->momentum = 0.0; }
        else if ((st = cnnc_float_arg(a[2], "batch_norm", "momentum", &q->momentum, err))) return st;
    }
    q->affine = a[3] ? cnnc_arg_truthy(a[3]) : 1;
    q->track_running_stats = a[4] ? cnnc_arg_truthy(a[4]) : 1;
    int64_t dims[1] = {q->num_features};
    if ((st = cnnc_negative_dim(a[0], dims, 1, err))) return st;
    return cnnc_device_dtype_args(a[5], a[6], err);
}

static int32_t params(const cnnc_layer *l, cnnc_param_desc *out) {
    const cnnc_batchnorm2d_params *q = &l->p.bn;
    int64_t c = q->num_features;
    int32_t n = 0;
    if (q->affine) {
        out[n++] = (cnnc_param_desc){"weight", CNNC_P_WEIGHT, CNNC_F32, 1, {c}, CNNC_INIT_FILL, 1.0f};
        out[n++] = (cnnc_param_desc){"bias", CNNC_P_BIAS, CNNC_F32, 1, {c}, CNNC_INIT_FILL, 0.0f};
    }
    if (q->track_running_stats) {
        out[n++] = (cnnc_param_desc){"running_mean", CNNC_P_RUNNING_MEAN, CNNC_F32, 1, {c}, CNNC_INIT_FILL, 0.0f};
        out[n++] = (cnnc_param_desc){"running_var", CNNC_P_RUNNING_VAR, CNNC_F32, 1, {c}, CNNC_INIT_FILL, 1.0f};
        out[n++] = (cnnc_param_desc){"num_batches_tracked", CNNC_P_NUM_BATCHES, CNNC_I64, 0, {0}, CNNC_INIT_FILL, 0.0f};
    }
    return n;
}

static cnnc_status shape(const cnnc_layer *L, const cnnc_shape *const *ins, int32_t n_in, int train, cnnc_layer_shape *ls,
                         cnnc_error *err) {
    const cnnc_batchnorm2d_params *p = &L->p.bn;
    const cnnc_shape *in = ins[0];
    (void)n_in;
    if (in->ndim != 4) return cnnc_shape_fail(err, "ValueError", "expected 4D input (got %dD input)", in->ndim);
    int64_t N = in->d[0], C = in->d[1], HW = in->d[2] * in->d[3];
    /* F.batch_norm: batch statistics are used when training or when there are no running stats */
    if ((train || !p->track_running_stats) && N * HW == 1) {
        CNNC_FMT_SHAPE(s, in);
        return cnnc_shape_fail(err, "ValueError",
                               "Expected more than 1 value per channel when training, got input size torch.Size(%s)", s);
    }
    if (N * C * HW != 0) {   /* ATen returns early on empty input, before these checks */
        const char *what = p->track_running_stats ? "running_mean" : p->affine ? "weight" : NULL;
        if (what && C != p->num_features)
            return cnnc_shape_fail(err, "RuntimeError", "%s should contain %lld elements not %lld", what, (long long)C,
                                   (long long)p->num_features);
    }
    ls->g.bn.N = N; ls->g.bn.C = C; ls->g.bn.HW = HW;
    ls->out = *in;
    return CNNC_OK;
}

/* save_mean [C] then save_invstd [C], kept from forward for backward. */
static size_t aux_bytes(const cnnc_layer *L, const cnnc_layer_shape *s) {
    (void)s;
    return 2 * (size_t)L->p.bn.num_features * sizeof(float);
}

static void render(const cnnc_layer *L, cnnc_strbuf *sb) {
    const cnnc_batchnorm2d_params *q = &L->p.bn;
    cnnc_sb_printf(sb, "%lld", (long long)q->num_features);
    if (q->eps != 1e-5) cnnc_render_float(sb, ", ", "eps", q->eps);
    if (q->momentum_none) cnnc_sb_puts(sb, ", momentum=None");
    else if (q->momentum != 0.1) cnnc_render_float(sb, ", ", "momentum", q->momentum);
    if (!q->affine) cnnc_sb_puts(sb, ", affine=False");
    if (!q->track_running_stats) cnnc_sb_puts(sb, ", track_running_stats=False");
}

static void kernel_shape(const cnnc_layer *L, const cnnc_layer_shape *s, cnnc_strbuf *sb) {
    (void)s;
    cnnc_sb_printf(sb, "[%lld]", (long long)L->p.bn.num_features);
}

static int hint(const cnnc_layer *L, const cnnc_shape *in, const cnnc_hint_env *env, cnnc_error *err) {
    if (strstr(err->message, "more than 1 value per channel")) {
        snprintf(err->hint, sizeof err->hint, "train with batch size > 1, or evaluate (eval mode uses running stats)");
        return 1;
    }
    if (in->ndim != 4 || !strstr(err->message, "should contain")) return 0;
    int64_t C = in->d[1];
    cnnc_layer copy = *L;
    copy.p.bn.num_features = C;
    return cnnc_hint_set_number(&copy, "", "num_features", C, CNNC_FIX_NUM_FEATURES, env, err);
}

static int apply_fix(cnnc_layer *L, const cnnc_fix *fix) {
    if (fix->field != CNNC_FIX_NUM_FEATURES || L->p.bn.num_features == fix->value) return 0;
    L->p.bn.num_features = fix->value;
    return 1;
}

const cnnc_layer_def cnnc_layer_batchnorm2d = {
    .kind = CNNC_BATCHNORM2D,
    .name = "BatchNorm2d",
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
