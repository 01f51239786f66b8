/* conv1d.c — nn.Conv1d: constructor, state_dict, shape rule, cost, text. It is
 * stored as a convolution of height 1 (p.conv and g.conv with KH = SH = DH = 1,
 * PH = 0), so the backends run it with their Conv2d kernels; its weight is
 * [out, in / groups, k] as PyTorch's, the same floats as [out, in / groups, 1, k].
 * Messages are conv1d's (1.13's words, checked in tests/more_module_cases.tsv). */
#include "layers/conv_common.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static cnnc_status build(cnnc_layer *l, const cnnc_arg *const *a, const cnnc_arg *call, cnnc_error *err) {
    cnnc_conv2d_params *c = &l->p.conv;
    const cnnc_arg *in = a[0], *out = a[1];
    cnnc_status st;
    (void)call;
    memset(c, 0, sizeof *c);
    /* _ConvNd.__init__'s order: groups, in/out divisible, padding string, padding_mode */
    int64_t groups;
    if ((st = cnnc_conv_groups(a, &groups, err))) return st;
    /* height 1: kernel, stride and dilation 1, no padding, along it */
    c->kernel_size[0] = c->stride[0] = c->dilation[0] = 1;
    c->stride[1] = c->dilation[1] = 1;
    if (a[3] && (st = cnnc_conv_size_arg(a[3], 1, "Conv1d", "stride", 4, &c->stride[1], &c->float_args, err))) return st;
    c->pad_mode = CNNC_PAD_EXPLICIT;
    if (a[4]) {
        const cnnc_arg *pd = a[4];
        if (pd->kind == CNNC_ARG_STR) {
            if ((st = cnnc_conv_padding_string(pd, c->stride[1] != 1, &c->pad_mode, err))) return st;
        } else if ((st = cnnc_conv_size_arg(pd, 1, "Conv1d", "padding", 5, &c->padding[1], &c->float_args, err))) {
            return st;
        }
    }
    if (a[8] && !cnnc_arg_str_is(a[8], "zeros"))
        return cnnc_arg_fail(err, CNNC_ERR_UNSUPPORTED, a[8], "NotImplementedError",
                             "cnnc follows Conv1d with padding_mode='zeros' only");
    /* weight = empty((out_channels, in_channels // groups, *kernel_size)) */
    if (out->kind != CNNC_ARG_INT) return cnnc_size_arg(out, 1, &c->out_channels, err);
    if (!cnnc_arg_is_int(in) || (a[6] && !cnnc_arg_is_int(a[6])))
        return cnnc_size_arg(cnnc_arg_is_int(in) ? a[6] : in, 2, &c->in_channels, err);
    /* a float kernel size reaches torch.empty's size check, as Conv2d's does */
    const cnnc_arg *ks = a[2];
    if (ks->kind == CNNC_ARG_FLOAT ||
        ((ks->kind == CNNC_ARG_TUPLE || ks->kind == CNNC_ARG_LIST) && ks->n == 1 && ks->items[0].kind == CNNC_ARG_FLOAT))
        return cnnc_arg_fail(err, CNNC_ERR_PARSE, ks, "TypeError",
                             "empty(): argument 'size' must be tuple of SymInts, but found element of type float at pos 3");
    if ((st = cnnc_single_arg(ks, "Conv1d", "kernel_size", &c->kernel_size[1], err))) return st;
    c->out_channels = out->i;
    c->in_channels = in->i;
    c->groups = groups;
    int64_t dims[3] = {c->out_channels, c->in_channels / c->groups, c->kernel_size[1]};
    if (c->in_channels < 0 && c->in_channels % c->groups) dims[1]--;   /* Python's floor division */
    if ((st = cnnc_negative_dim(c->in_channels < 0 ? in : c->out_channels < 0 ? out : a[2], dims, 3, err))) return st;
    if (a[5] && (st = cnnc_conv_size_arg(a[5], 1, "Conv1d", "dilation", 6, &c->dilation[1], &c->float_args, err))) return st;
    c->bias = a[7] ? cnnc_arg_truthy(a[7]) : 1;
    return cnnc_device_dtype_args(a[9], a[10], err);
}

static int32_t params(const cnnc_layer *l, cnnc_param_desc *out) {
    const cnnc_conv2d_params *c = &l->p.conv;
    int64_t g = c->groups > 0 ? c->groups : 1;
    int64_t fan_in = c->in_channels / g * c->kernel_size[1];
    /* kaiming_uniform_(a=sqrt(5)) and the bias init both give U(+-1/sqrt(fan_in)) */
    float bound = fan_in > 0 ? 1.0f / sqrtf((float)fan_in) : 0.0f;
    out[0] = (cnnc_param_desc){"weight", CNNC_P_WEIGHT, CNNC_F32, 3, {c->out_channels, c->in_channels / g, c->kernel_size[1]},
                               CNNC_INIT_UNIFORM, bound};
    if (!c->bias) return 1;
    out[1] = (cnnc_param_desc){"bias", CNNC_P_BIAS, CNNC_F32, 1, {c->out_channels}, CNNC_INIT_UNIFORM, bound};
    return 2;
}

static cnnc_status shape(const cnnc_layer *L, const cnnc_shape *const *ins, int32_t n_in, int train, cnnc_layer_shape *ls,
                         cnnc_error *err) {
    const cnnc_conv2d_params *c = &L->p.conv;
    const cnnc_shape *in = ins[0];
    (void)n_in; (void)train;
    if (c->float_args) return cnnc_conv_float_args_fail(L, "conv1d", err);
    if (in->ndim != 2 && in->ndim != 3) {
        CNNC_FMT_SHAPE(s, in);
        return cnnc_shape_fail(err, "RuntimeError",
                               "Expected 2D (unbatched) or 3D (batched) input to conv1d, but got input of size: %s", s);
    }
    const int unb = in->ndim == 2;
    const int64_t N = unb ? 1 : in->d[0], C = in->d[in->ndim - 2], Lw = in->d[in->ndim - 1];
    const int64_t k = c->kernel_size[1], st = c->stride[1], d = c->dilation[1];
    cnnc_shape b = *in;   /* the input with its batch, as the messages print it */
    if (unb) { b.ndim = 3; b.d[0] = 1; b.d[1] = in->d[0]; b.d[2] = in->d[1]; }
    cnnc_conv_same_extra(c->pad_mode == CNNC_PAD_SAME, 1, &c->kernel_size[1], &c->dilation[1], &b);   /* its dim is index 1 */
    cnnc_status status = cnnc_conv_checks(L, 1, &b, err);
    if (status) return status;
    const int same = c->pad_mode == CNNC_PAD_SAME;
    const int64_t total = same ? d * (k - 1) : 2 * c->padding[1], left = same ? total / 2 : c->padding[1];
    const int64_t ek = d * (k - 1) + 1, lp = Lw + total;
    if (lp < ek)
        return cnnc_shape_fail(err, "RuntimeError",
                               "Calculated padded input size per channel: (%lld). Kernel size: (%lld). Kernel size can't be "
                               "greater than actual input size",
                               (long long)lp, (long long)ek);
    if (k == 0)
        return cnnc_shape_fail(err, "RuntimeError",
                               "could not create a descriptor for a dilated convolution forward propagation primitive");
    const int64_t OL = (lp - ek) / st + 1;
    cnnc_conv_geom *gm = &ls->g.conv;
    gm->N = N; gm->C = C; gm->H = 1; gm->W = Lw; gm->OC = c->out_channels; gm->OH = 1; gm->OW = OL;
    gm->KH = 1; gm->KW = k; gm->SH = 1; gm->SW = st; gm->PH = 0; gm->PW = left;
    gm->DH = 1; gm->DW = d; gm->groups = c->groups;
    ls->unbatched = unb;
    ls->out = *in;
    ls->out.d[in->ndim - 2] = c->out_channels;
    ls->out.d[in->ndim - 1] = OL;
    return CNNC_OK;
}

/* PyTorch's repr: `1, 16, kernel_size=(3,), stride=(1,)` */
static void render(const cnnc_layer *L, cnnc_strbuf *sb) {
    const cnnc_conv2d_params *c = &L->p.conv;
    cnnc_sb_printf(sb, "%lld, %lld, kernel_size=(%lld,), stride=(%lld,)", (long long)c->in_channels,
                   (long long)c->out_channels, (long long)c->kernel_size[1], (long long)c->stride[1]);
    if (c->pad_mode == CNNC_PAD_SAME) cnnc_sb_puts(sb, ", padding='same'");
    else if (c->pad_mode == CNNC_PAD_VALID) cnnc_sb_puts(sb, ", padding='valid'");
    else if (c->padding[1]) cnnc_sb_printf(sb, ", padding=(%lld,)", (long long)c->padding[1]);
    if (c->dilation[1] != 1) cnnc_sb_printf(sb, ", dilation=(%lld,)", (long long)c->dilation[1]);
    if (c->groups != 1) cnnc_sb_printf(sb, ", groups=%lld", (long long)c->groups);
    if (!c->bias) cnnc_sb_puts(sb, ", bias=False");
}

static void kernel_shape(const cnnc_layer *L, const cnnc_layer_shape *s, cnnc_strbuf *sb) {
    const cnnc_conv_geom *g = &s->g.conv;
    (void)L;
    cnnc_sb_printf(sb, "[%lld, %lld, %lld]", (long long)g->OC, (long long)(g->C / g->groups), (long long)g->KW);
}

static void trail(const cnnc_layer *L, const char *who, const cnnc_shape *in, const cnnc_shape *out, cnnc_strbuf *sb) {
    const cnnc_conv2d_params *c = &L->p.conv;
    CNNC_FMT_SHAPE(s, out);
    CNNC_FMT_SHAPE(ps, in);
    cnnc_sb_printf(sb, "%s made %s from %s", who, s, ps);
    if (out->ndim < 2 || in->ndim < 2) return;
    const int64_t Lw = in->d[in->ndim - 1];
    if (c->pad_mode == CNNC_PAD_SAME)
        cnnc_sb_printf(sb, "; padding='same' keeps L = %lld", (long long)Lw);
    else
        cnnc_sb_printf(sb, "; L = (%lld + 2*%lld - %lld*(%lld-1) - 1)/%lld + 1 = %lld", (long long)Lw, (long long)c->padding[1],
                       (long long)c->dilation[1], (long long)c->kernel_size[1], (long long)c->stride[1],
                       (long long)out->d[out->ndim - 1]);
}

static int hint(const cnnc_layer *L, const cnnc_shape *in, const cnnc_hint_env *env, cnnc_error *err) {
    if (in->ndim < 2 || !strstr(err->message, "channels, but got")) return 0;
    return cnnc_conv_channels_hint(L, in->d[in->ndim - 2], env, err);
}

const cnnc_layer_def cnnc_layer_conv1d = {
    .kind = CNNC_CONV1D,
    .name = "Conv1d",
    .qualname = "Conv1d",
    .module = "conv",
    .signature = "in_channels, out_channels, kernel_size, stride=1, padding=0, dilation=1, groups=1, bias=True, "
                 "padding_mode='zeros', device=None, dtype=None",
    .flags = CNNC_LAYER_BWD_NEEDS_IN,
    .build = build,
    .params = params,
    .shape = shape,
    .cost = cnnc_conv_cost,
    .render = render,
    .kernel_shape = kernel_shape,
    .trail = trail,
    .hint = hint,
    .apply_fix = cnnc_conv_apply_fix,
    .single_attrs = "kernel_size stride padding dilation",
};
