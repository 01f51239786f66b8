/* convtranspose2d.c — nn.ConvTranspose2d: constructor (_ConvTransposeNd and
 * _ConvNd, with F.conv_transpose2d's argument checks moved to the file's
 * parse as Conv2d does, convtranspose_common.c), state_dict, the shape rule
 * with ATen's checks in its order (check_shape_forward, then
 * slow_conv_transpose2d's), cost, text.
 * The kernels run it as the transpose of a convolution (cnnc_layer_geom.convt). */
#include "layers/convtranspose_common.h"

static cnnc_status build(cnnc_layer *l, const cnnc_arg *const *a, const cnnc_arg *call, cnnc_error *err) {
    (void)call;
    return cnnc_convt_build(l, a, 2, "ConvTranspose2d", "conv_transpose2d", err);
}

static int32_t params(const cnnc_layer *l, cnnc_param_desc *out) { return cnnc_convt_params(l, 2, out); }

static cnnc_status shape(const cnnc_layer *L, const cnnc_shape *const *ins, int32_t n_in, int train, cnnc_layer_shape *ls,
                         cnnc_error *err) {
    (void)n_in; (void)train;
    return cnnc_convt_shape(L, ins[0], 2, ls, err);
}

static void render(const cnnc_layer *L, cnnc_strbuf *sb) {
    const cnnc_convtranspose2d_params *c = &L->p.convt;
    cnnc_sb_printf(sb, "%lld, %lld", (long long)c->in_channels, (long long)c->out_channels);
    cnnc_render_pair(sb, ", ", "kernel_size", c->kernel_size);
    cnnc_render_pair(sb, ", ", "stride", c->stride);
    if (c->padding[0] || c->padding[1]) cnnc_render_pair(sb, ", ", "padding", c->padding);
    if (c->output_padding[0] || c->output_padding[1]) cnnc_render_pair(sb, ", ", "output_padding", c->output_padding);
    if (c->groups != 1) cnnc_sb_printf(sb, ", groups=%lld", (long long)c->groups);
    if (!c->bias) cnnc_sb_puts(sb, ", bias=False");
    if (c->dilation[0] != 1 || c->dilation[1] != 1) cnnc_render_pair(sb, ", ", "dilation", c->dilation);
}

static void kernel_shape(const cnnc_layer *L, const cnnc_layer_shape *s, cnnc_strbuf *sb) {
    const cnnc_convtranspose2d_params *c = &L->p.convt;
    (void)s;
    cnnc_sb_printf(sb, "[%lld, %lld, %lld, %lld]", (long long)c->in_channels,
                   (long long)(c->groups > 0 ? c->out_channels / c->groups : c->out_channels), (long long)c->kernel_size[0],
                   (long long)c->kernel_size[1]);
}

static void trail(const cnnc_layer *L, const char *who, const cnnc_shape *in, const cnnc_shape *out, cnnc_strbuf *sb) {
    const cnnc_convtranspose2d_params *c = &L->p.convt;
    CNNC_FMT_SHAPE(s, out);
    CNNC_FMT_SHAPE(ps, in);
    cnnc_sb_printf(sb, "%s made %s from %s", who, s, ps);
    if (out->ndim < 3 || in->ndim < 3) return;
    cnnc_sb_printf(sb, "; H = (%lld-1)*%lld - 2*%lld + %lld*(%lld-1) + %lld + 1 = %lld", (long long)in->d[in->ndim - 2],
                   (long long)c->stride[0], (long long)c->padding[0], (long long)c->dilation[0], (long long)c->kernel_size[0],
                   (long long)c->output_padding[0], (long long)out->d[out->ndim - 2]);
}

static int hint(const cnnc_layer *L, const cnnc_shape *in, const cnnc_hint_env *env, cnnc_error *err) {
    return cnnc_convt_hint(L, in->ndim >= 3 ? in->d[in->ndim - 3] : -1, env, err);
}

const cnnc_layer_def cnnc_layer_convtranspose2d = {
    .kind = CNNC_CONVTRANSPOSE2D,
    .name = "ConvTranspose2d",
    .qualname = "ConvTranspose2d",
    .module = "conv",
    .signature = "in_channels, out_channels, kernel_size, stride=1, padding=0, output_padding=0, groups=1, bias=True, "
                 "dilation=1, padding_mode='zeros', device=None, dtype=None",
    .flags = CNNC_LAYER_BWD_NEEDS_IN,
    .build = build,
    .params = params,
    .shape = shape,
    .cost = cnnc_convt_cost,
    .render = render,
    .kernel_shape = kernel_shape,
    .trail = trail,
    .hint = hint,
    .apply_fix = cnnc_convt_apply_fix,
    .pair_attrs = "kernel_size stride padding output_padding dilation",
};
