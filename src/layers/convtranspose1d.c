/* convtranspose1d.c — nn.ConvTranspose1d: stored as a ConvTranspose2d of height
 * 1 (convtranspose_common.h), as ATen runs it, so the backends use the 2-d
 * kernels; its weight is [in, out / groups, k] as PyTorch's, the same floats
 * as [in, out / groups, 1, k]. */
#include "layers/convtranspose_common.h"

static cnnc_status build(cnnc_layer *l, const cnnc_arg *const *a, const cnnc_arg *call, cnnc_error *err) {
    (void)call;
    return cnnc_convt_build(l, a, 1, "ConvTranspose1d", "conv_transpose1d", err);
}

static int32_t params(const cnnc_layer *l, cnnc_param_desc *out) { return cnnc_convt_params(l, 1, out); }

static cnnc_status shape(const cnnc_layer *L, const cnnc_shape *const *ins, int32_t n_in, int train, cnnc_layer_shape *ls,
                         cnnc_error *err) {
    (void)n_in; (void)train;
    return cnnc_convt_shape(L, ins[0], 1, ls, err);
}

/* PyTorch's repr order: `4, 8, kernel_size=(4,), stride=(2,), padding=(1,)` */
static void render(const cnnc_layer *L, cnnc_strbuf *sb) {
    const cnnc_convtranspose2d_params *c = &L->p.convt;
    cnnc_sb_printf(sb, "%lld, %lld, kernel_size=(%lld,), stride=(%lld,)", (long long)c->in_channels,
                   (long long)c->out_channels, (long long)c->kernel_size[1], (long long)c->stride[1]);
    if (c->padding[1]) cnnc_sb_printf(sb, ", padding=(%lld,)", (long long)c->padding[1]);
    if (c->dilation[1] != 1) cnnc_sb_printf(sb, ", dilation=(%lld,)", (long long)c->dilation[1]);
    if (c->output_padding[1]) cnnc_sb_printf(sb, ", output_padding=(%lld,)", (long long)c->output_padding[1]);
    if (c->groups != 1) cnnc_sb_printf(sb, ", groups=%lld", (long long)c->groups);
    if (!c->bias) cnnc_sb_puts(sb, ", bias=False");
}

static void kernel_shape(const cnnc_layer *L, const cnnc_layer_shape *s, cnnc_strbuf *sb) {
    const cnnc_convtranspose2d_params *c = &L->p.convt;
    (void)s;
    cnnc_sb_printf(sb, "[%lld, %lld, %lld]", (long long)c->in_channels,
                   (long long)(c->groups > 0 ? c->out_channels / c->groups : c->out_channels), (long long)c->kernel_size[1]);
}

static void trail(const cnnc_layer *L, const char *who, const cnnc_shape *in, const cnnc_shape *out, cnnc_strbuf *sb) {
    const cnnc_convtranspose2d_params *c = &L->p.convt;
    CNNC_FMT_SHAPE(s, out);
    CNNC_FMT_SHAPE(ps, in);
    cnnc_sb_printf(sb, "%s made %s from %s", who, s, ps);
    if (out->ndim < 2 || in->ndim < 2) return;
    cnnc_sb_printf(sb, "; L = (%lld-1)*%lld - 2*%lld + %lld*(%lld-1) + %lld + 1 = %lld", (long long)in->d[in->ndim - 1],
                   (long long)c->stride[1], (long long)c->padding[1], (long long)c->dilation[1], (long long)c->kernel_size[1],
                   (long long)c->output_padding[1], (long long)out->d[out->ndim - 1]);
}

static int hint(const cnnc_layer *L, const cnnc_shape *in, const cnnc_hint_env *env, cnnc_error *err) {
    return cnnc_convt_hint(L, in->ndim >= 2 ? in->d[in->ndim - 2] : -1, env, err);
}

const cnnc_layer_def cnnc_layer_convtranspose1d = {
    .kind = CNNC_CONVTRANSPOSE1D,
    .name = "ConvTranspose1d",
    .qualname = "ConvTranspose1d",
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
    .single_attrs = "kernel_size stride padding output_padding dilation",
};
