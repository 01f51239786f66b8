/* conv3d.c — nn.Conv3d over [N, C, D, H, W] or [C, D, H, W]: _ConvNd's constructor
 * checks, the state_dict, and F.conv3d's checks and messages (the 2-d ones with a
 * third size). Check only: the engines refuse it. */
#include "layers/conv_common.h"
#include "layers/vol3d_common.h"

#include <math.h>
#include <string.h>

static cnnc_status build(cnnc_layer *l, const cnnc_arg *const *a, const cnnc_arg *call, cnnc_error *err) {
    cnnc_vol3d_params *c = &l->p.vol;
    cnnc_status st;
    (void)call;
    memset(c, 0, sizeof *c);
    int64_t groups;
    if ((st = cnnc_conv_groups(a, &groups, err))) return st;
    c->stride[0] = c->stride[1] = c->stride[2] = 1;
    if (a[3] && (st = cnnc_triple_arg(a[3], "Conv3d", "stride", c->stride, err))) return st;
    c->pad_mode = CNNC_PAD_EXPLICIT;
    if (a[4]) {
        if (a[4]->kind == CNNC_ARG_STR) {
            const int strided = c->stride[0] != 1 || c->stride[1] != 1 || c->stride[2] != 1;
            if ((st = cnnc_conv_padding_string(a[4], strided, &c->pad_mode, err))) return st;
        } else if ((st = cnnc_triple_arg(a[4], "Conv3d", "padding", c->padding, err))) {
            return st;
        }
    }
    if (a[8] && !cnnc_arg_str_is(a[8], "zeros"))
        return cnnc_arg_fail(err, CNNC_ERR_UNSUPPORTED, a[8], "NotImplementedError", "cnnc follows Conv3d with padding_mode='zeros' only");
    /* weight = empty((out_channels, in_channels // groups, *kernel_size)) */
    if (a[1]->kind != CNNC_ARG_INT) return cnnc_size_arg(a[1], 1, &c->out_channels, err);
    if (!cnnc_arg_is_int(a[0])) return cnnc_size_arg(a[0], 2, &c->in_channels, err);
    c->out_channels = a[1]->i;
    c->in_channels = a[0]->i;
    c->groups = groups;
    if ((st = cnnc_triple_arg(a[2], "Conv3d", "kernel_size", c->kernel, err))) return st;
    int64_t dims[5] = {c->out_channels, cnnc_div_floor(c->in_channels, c->groups), c->kernel[0], c->kernel[1], c->kernel[2]};
    if ((st = cnnc_negative_dim(c->in_channels < 0 ? a[0] : c->out_channels < 0 ? a[1] : a[2], dims, 5, err))) return st;
    c->dilation[0] = c->dilation[1] = c->dilation[2] = 1;
    if (a[5] && (st = cnnc_triple_arg(a[5], "Conv3d", "dilation", c->dilation, err))) return st;
    c->bias = a[7] ? cnnc_arg_truthy(a[7]) : 1;
    return cnnc_device_dtype_args(a[9], a[10], err);
}

static int32_t params(const cnnc_layer *l, cnnc_param_desc *out) {
    const cnnc_vol3d_params *c = &l->p.vol;
    const int64_t wic = c->groups > 0 ? c->in_channels / c->groups : c->in_channels;
    const int64_t fan_in = wic * c->kernel[0] * c->kernel[1] * c->kernel[2];
    const float bound = fan_in > 0 ? 1.0f / sqrtf((float)fan_in) : 0.0f;
    out[0] = (cnnc_param_desc){"weight", CNNC_P_WEIGHT, CNNC_F32, 5, {c->out_channels, wic, c->kernel[0], c->kernel[1], c->kernel[2]},
                               CNNC_INIT_UNIFORM, bound};
    if (!c->bias) return 1;
    out[1] = (cnnc_param_desc){"bias", CNNC_P_BIAS, CNNC_F32, 1, {c->out_channels}, CNNC_INIT_UNIFORM, bound};
    return 2;
}

static cnnc_status shape(const cnnc_layer *L, const cnnc_shape *const *ins, int32_t n_in, int train, cnnc_layer_shape *ls,
                         cnnc_error *err) {
    const cnnc_vol3d_params *c = &L->p.vol;
    const cnnc_shape *in = ins[0];
    (void)n_in; (void)train;
    if (in->ndim != 4 && in->ndim != 5) {
        CNNC_FMT_SHAPE(s, in);
        return cnnc_shape_fail(err, "RuntimeError", "Expected 4D (unbatched) or 5D (batched) input to conv3d, but got input of size: %s", s);
    }
    cnnc_shape b;
    cnnc_vol3d_batched(in, &b);
    const int same = c->pad_mode == CNNC_PAD_SAME;
    for (int k = 0; k < 3; k++) {
        if (!same && c->padding[k] < 0) return cnnc_shape_fail(err, "RuntimeError", "negative padding is not supported");
        if (c->stride[k] <= 0) return cnnc_shape_fail(err, "RuntimeError", "non-positive stride is not supported");
        if (c->dilation[k] <= 0) return cnnc_shape_fail(err, "RuntimeError", "non-positive dilation is not supported");
    }
    const int64_t g = c->groups, wic = g > 0 ? c->in_channels / g : c->in_channels, C = b.d[1];
    /* check_shape_forward's weight checks, in its order (an MBConv whose width rounds to 0) */
    if (g <= 0) return cnnc_shape_fail(err, "RuntimeError", "non-positive groups is not supported");
    if (c->out_channels < g || c->out_channels % g != 0)
        return cnnc_shape_fail(err, "RuntimeError",
                               c->out_channels < g ? "Given groups=%lld, expected weight to be at least %lld at dimension 0, but got "
                                                     "weight of size [%lld, %lld, %lld, %lld, %lld] instead"
                                                   : "Given groups=%lld, expected weight to be divisible by %lld at dimension 0, but "
                                                     "got weight of size [[%lld, %lld, %lld, %lld, %lld]] instead",
                               (long long)g, (long long)g, (long long)c->out_channels, (long long)wic, (long long)c->kernel[0],
                               (long long)c->kernel[1], (long long)c->kernel[2]);
    if (C != wic * g) {
        cnnc_shape pb = b;
        cnnc_conv_same_extra(same, 3, c->kernel, c->dilation, &pb);
        CNNC_FMT_SHAPE(si, &pb);
        return cnnc_shape_fail(err, "RuntimeError",
                               "Given groups=%lld, weight of size [%lld, %lld, %lld, %lld, %lld], expected input%s to have %lld "
                               "channels, but got %lld channels instead",
                               (long long)g, (long long)c->out_channels, (long long)wic, (long long)c->kernel[0],
                               (long long)c->kernel[1], (long long)c->kernel[2], si, (long long)(wic * g), (long long)C);
    }
    int64_t padded[3], ek[3], o[3];
    for (int k = 0; k < 3; k++) {
        ek[k] = c->dilation[k] * (c->kernel[k] - 1) + 1;
        padded[k] = b.d[2 + k] + (same ? c->dilation[k] * (c->kernel[k] - 1) : 2 * c->padding[k]);
    }
    if (padded[0] < ek[0] || padded[1] < ek[1] || padded[2] < ek[2])
        return cnnc_shape_fail(err, "RuntimeError",
                               "Calculated padded input size per channel: (%lld x %lld x %lld). Kernel size: (%lld x %lld x %lld). "
                               "Kernel size can't be greater than actual input size",
                               (long long)padded[0], (long long)padded[1], (long long)padded[2], (long long)ek[0], (long long)ek[1],
                               (long long)ek[2]);
    for (int k = 0; k < 3; k++) o[k] = (padded[k] - ek[k]) / c->stride[k] + 1;
    cnnc_vol3d_out(in, c->out_channels, o, ls);
    return CNNC_OK;
}

static void render(const cnnc_layer *L, cnnc_strbuf *sb) {
    const cnnc_vol3d_params *c = &L->p.vol;
    cnnc_sb_printf(sb, "%lld, %lld", (long long)c->in_channels, (long long)c->out_channels);
    cnnc_render_triple(sb, ", ", "kernel_size", c->kernel);
    cnnc_render_triple(sb, ", ", "stride", c->stride);
    if (c->pad_mode == CNNC_PAD_SAME) cnnc_sb_puts(sb, ", padding='same'");
    else if (c->pad_mode == CNNC_PAD_VALID) cnnc_sb_puts(sb, ", padding='valid'");
    else if (c->padding[0] || c->padding[1] || c->padding[2]) cnnc_render_triple(sb, ", ", "padding", c->padding);
    if (c->dilation[0] != 1 || c->dilation[1] != 1 || c->dilation[2] != 1) cnnc_render_triple(sb, ", ", "dilation", c->dilation);
    if (c->groups != 1) cnnc_sb_printf(sb, ", groups=%lld", (long long)c->groups);
    if (!c->bias) cnnc_sb_puts(sb, ", bias=False");
}

const cnnc_layer_def cnnc_layer_conv3d = {
    .kind = CNNC_CONV3D,
    .name = "Conv3d",
    .qualname = "Conv3d",
    .module = "conv",
    .triple_attrs = "kernel_size stride padding dilation",
    .signature = "in_channels, out_channels, kernel_size, stride=1, padding=0, dilation=1, groups=1, bias=True, "
                 "padding_mode='zeros', device=None, dtype=None",
    .functional = NULL,
    .flags = 0,
    .build = build,
    .params = params,
    .shape = shape,
    .render = render,
};
