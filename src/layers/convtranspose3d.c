/* convtranspose3d.c — nn.ConvTranspose3d over [N, C, D, H, W] or [C, D, H, W]: the
 * constructor, the state_dict ([in, out / groups, kD, kH, kW]) and F.conv_transpose3d's
 * checks and messages. Check only: the engines refuse it. */
#include "layers/conv_common.h"
#include "layers/vol3d_common.h"

#include <math.h>
#include <string.h>

static cnnc_status build(cnnc_layer *l, const cnnc_arg *const *a, const cnnc_arg *call, cnnc_error *err) {
    cnnc_vol3d_params *c = &l->p.vol;
    cnnc_status st;
    (void)call;
    memset(c, 0, sizeof *c);
    /* in_channels, out_channels, kernel_size, stride, padding, output_padding, groups, bias, dilation, padding_mode */
    int64_t groups;
    if ((st = cnnc_conv_groups(a, &groups, err))) return st;
    if (a[9] && !cnnc_arg_str_is(a[9], "zeros"))
        return cnnc_arg_fail(err, CNNC_ERR_PARSE, a[9], "ValueError", "Only \"zeros\" padding mode is supported for ConvTranspose3d");
    c->stride[0] = c->stride[1] = c->stride[2] = 1;
    c->dilation[0] = c->dilation[1] = c->dilation[2] = 1;
    if (a[3] && (st = cnnc_triple_arg(a[3], "ConvTranspose3d", "stride", c->stride, err))) return st;
    if (a[4] && (st = cnnc_triple_arg(a[4], "ConvTranspose3d", "padding", c->padding, err))) return st;
    if (a[5] && (st = cnnc_triple_arg(a[5], "ConvTranspose3d", "output_padding", c->output_padding, err))) return st;
    if (a[8] && (st = cnnc_triple_arg(a[8], "ConvTranspose3d", "dilation", c->dilation, err))) return st;
    if (a[0]->kind != CNNC_ARG_INT) return cnnc_size_arg(a[0], 1, &c->in_channels, err);
    if (!cnnc_arg_is_int(a[1])) return cnnc_size_arg(a[1], 2, &c->out_channels, err);
    c->in_channels = a[0]->i;
    c->out_channels = a[1]->i;
    c->groups = groups;
    if ((st = cnnc_triple_arg(a[2], "ConvTranspose3d", "kernel_size", c->kernel, err))) return st;
    int64_t dims[5] = {c->in_channels, cnnc_div_floor(c->out_channels, c->groups), c->kernel[0], c->kernel[1], c->kernel[2]};
    if ((st = cnnc_negative_dim(c->in_channels < 0 ? a[0] : c->out_channels < 0 ? a[1] : a[2], dims, 5, err))) return st;
    c->bias = a[7] ? cnnc_arg_truthy(a[7]) : 1;
    return cnnc_device_dtype_args(a[10], a[11], err);
}

static int32_t params(const cnnc_layer *l, cnnc_param_desc *out) {
    const cnnc_vol3d_params *c = &l->p.vol;
    const int64_t woc = c->groups > 0 ? c->out_channels / c->groups : c->out_channels;
    /* kaiming_uniform over the weight's fan_in: its dim 1 times the kernel */
    const int64_t fan_in = woc * c->kernel[0] * c->kernel[1] * c->kernel[2];
    const float bound = fan_in > 0 ? 1.0f / sqrtf((float)fan_in) : 0.0f;
    out[0] = (cnnc_param_desc){"weight", CNNC_P_WEIGHT, CNNC_F32, 5, {c->in_channels, woc, c->kernel[0], c->kernel[1], c->kernel[2]},
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
        return cnnc_shape_fail(err, "RuntimeError",
                               "Expected 4D (unbatched) or 5D (batched) input to conv_transpose3d, but got input of size: %s", s);
    }
    cnnc_shape b;
    cnnc_vol3d_batched(in, &b);
    const int64_t g = c->groups, woc = g > 0 ? c->out_channels / g : c->out_channels;
    if (b.d[1] != c->in_channels) {
        CNNC_FMT_SHAPE(si, &b);
        return cnnc_shape_fail(err, "RuntimeError",
                               "Given transposed=1, weight of size [%lld, %lld, %lld, %lld, %lld], expected input%s to have %lld "
                               "channels, but got %lld channels instead",
                               (long long)c->in_channels, (long long)woc, (long long)c->kernel[0], (long long)c->kernel[1],
                               (long long)c->kernel[2], si, (long long)c->in_channels, (long long)b.d[1]);
    }
    for (int k = 0; k < 3; k++)
        if (c->stride[k] <= 0 || c->dilation[k] <= 0 || c->padding[k] < 0 || c->output_padding[k] < 0 || c->kernel[k] <= 0)
            return cnnc_shape_unsupported(err, "cnnc follows ConvTranspose3d with positive strides, dilations and kernel sizes");
    for (int k = 0; k < 3; k++)
        if (c->output_padding[k] >= c->stride[k] && c->output_padding[k] >= c->dilation[k])
            return cnnc_shape_fail(err, "RuntimeError",
                                   "output padding must be smaller than either stride or dilation, but got output_padding_depth: "
                                   "%lld output_padding_height: %lld output_padding_width: %lld stride_depth: %lld stride_height: "
                                   "%lld stride_width: %lld dilation_depth: %lld dilation_height: %lld dilation_width: %lld",
                                   (long long)c->output_padding[0], (long long)c->output_padding[1], (long long)c->output_padding[2],
                                   (long long)c->stride[0], (long long)c->stride[1], (long long)c->stride[2],
                                   (long long)c->dilation[0], (long long)c->dilation[1], (long long)c->dilation[2]);
    if (woc == 0)   /* slow_conv_transpose3d_shape_check's weight check */
        return cnnc_shape_fail(err, "RuntimeError",
                               "non-empty 5D (n_output_plane x n_input_plane x kernel_depth x kernel_height x kernel_width) tensor "
                               "expected for weight, but got: [%lld, %lld, %lld, %lld, %lld]",
                               (long long)(g > 0 ? c->in_channels / g : c->in_channels), (long long)woc, (long long)c->kernel[0],
                               (long long)c->kernel[1], (long long)c->kernel[2]);
    int64_t o[3];
    for (int k = 0; k < 3; k++)
        o[k] = (b.d[2 + k] - 1) * c->stride[k] - 2 * c->padding[k] + c->dilation[k] * (c->kernel[k] - 1) + c->output_padding[k] + 1;
    if (o[0] < 1 || o[1] < 1 || o[2] < 1)
        return cnnc_shape_fail(err, "RuntimeError",
                               "Given input size per channel: (%lld x %lld x %lld). Calculated output size per channel: (%lld x "
                               "%lld x %lld). Output size is too small",
                               (long long)b.d[2], (long long)b.d[3], (long long)b.d[4], (long long)o[0], (long long)o[1],
                               (long long)o[2]);
    cnnc_vol3d_out(in, c->out_channels, o, ls);
    return CNNC_OK;
}

static void render(const cnnc_layer *L, cnnc_strbuf *sb) {
    const cnnc_vol3d_params *c = &L->p.vol;
    cnnc_sb_printf(sb, "%lld, %lld", (long long)c->in_channels, (long long)c->out_channels);
    cnnc_render_triple(sb, ", ", "kernel_size", c->kernel);
    cnnc_render_triple(sb, ", ", "stride", c->stride);
    if (c->padding[0] || c->padding[1] || c->padding[2]) cnnc_render_triple(sb, ", ", "padding", c->padding);
    if (c->output_padding[0] || c->output_padding[1] || c->output_padding[2])
        cnnc_render_triple(sb, ", ", "output_padding", c->output_padding);
    if (c->groups != 1) cnnc_sb_printf(sb, ", groups=%lld", (long long)c->groups);
    if (!c->bias) cnnc_sb_puts(sb, ", bias=False");
    if (c->dilation[0] != 1 || c->dilation[1] != 1 || c->dilation[2] != 1) cnnc_render_triple(sb, ", ", "dilation", c->dilation);
}

const cnnc_layer_def cnnc_layer_convtranspose3d = {
    .kind = CNNC_CONVTRANSPOSE3D,
    .name = "ConvTranspose3d",
    .qualname = "ConvTranspose3d",
    .module = "conv",
    .triple_attrs = "kernel_size stride padding output_padding dilation",
    .signature = "in_channels, out_channels, kernel_size, stride=1, padding=0, output_padding=0, groups=1, bias=True, "
                 "dilation=1, padding_mode='zeros', device=None, dtype=None",
    .functional = NULL,
    .flags = 0,
    .build = build,
    .params = params,
    .shape = shape,
    .render = render,
};
