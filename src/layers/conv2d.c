/* conv2d.c — nn.Conv2d: constructor, state_dict, shape rule, cost, text. */
#include "layers/conv_common.h"
#include "layers/pad2d_common.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

static cnnc_status build(cnnc_layer *l, const cnnc_arg *const *a, const cnnc_arg *call, cnnc_error *err) {
    cnnc_conv2d_params *c = &l->p.conv;
    const cnnc_arg *in = a[0], *out = a[1], *ks = a[2];
    cnnc_status st;
    (void)call;
    int64_t groups;
    if ((st = cnnc_conv_groups(a, &groups, err))) return st;
    /* stride first (PyTorch applies _pair before the padding checks) */
    c->stride[0] = c->stride[1] = 1;
    if (a[3] && (st = cnnc_conv_size_arg(a[3], 2, "conv2d", "stride", 4, c->stride, &c->float_args, err))) return st;
    c->pad_mode = CNNC_PAD_EXPLICIT;
    if (a[4]) {
        const cnnc_arg *pd = a[4];
        if (pd->kind == CNNC_ARG_STR) {
            if ((st = cnnc_conv_padding_string(pd, c->stride[0] != 1 || c->stride[1] != 1, &c->pad_mode, err))) return st;
        } else if ((st = cnnc_conv_size_arg(pd, 2, "conv2d", "padding", 5, c->padding, &c->float_args, err))) {
            return st;
        }
    }
    if (a[8]) {
        const cnnc_arg *pm = a[8];
        if (!(cnnc_arg_str_is(pm, "zeros") || cnnc_arg_str_is(pm, "reflect") || cnnc_arg_str_is(pm, "replicate") ||
              cnnc_arg_str_is(pm, "circular"))) {
            char r[256];
            cnnc_strbuf sb;
            cnnc_sb_fixed(&sb, r, sizeof r);
            if (pm->kind == CNNC_ARG_STR) cnnc_sb_printf(&sb, "%.*s", pm->slen > 200 ? 200 : (int)pm->slen, pm->s);
            else cnnc_arg_repr(pm, &sb);
            return cnnc_arg_fail(err, CNNC_ERR_PARSE, pm, "ValueError",
                                 "padding_mode must be one of {'zeros', 'reflect', 'replicate', 'circular'}, but got "
                                 "padding_mode='%s'", r);
        }
        if (cnnc_arg_str_is(pm, "circular")) c->padding_mode = 1 + CNNC_PAD2D_CIRCULAR;
        if (cnnc_arg_str_is(pm, "reflect")) c->padding_mode = 1 + CNNC_PAD2D_REFLECT;
        if (cnnc_arg_str_is(pm, "replicate")) c->padding_mode = 1 + CNNC_PAD2D_REPLICATE;
    }
    /* weight = empty((out_channels, in_channels // groups, *kernel_size)) */
    if (out->kind != CNNC_ARG_INT) return cnnc_size_arg(out, 1, &c->out_channels, err);
    if (!cnnc_arg_is_int(in) || (a[6] && !cnnc_arg_is_int(a[6])))
        return cnnc_size_arg(cnnc_arg_is_int(in) ? a[6] : in, 2, &c->in_channels, err);
    c->out_channels = out->i;
    c->in_channels = in->i;
    c->groups = groups;
    if (cnnc_arg_is_int(ks)) {
        c->kernel_size[0] = c->kernel_size[1] = ks->i;
    } else if (ks->kind == CNNC_ARG_TUPLE || ks->kind == CNNC_ARG_LIST) {
        for (int32_t k = 0; k < ks->n; k++)
            if (!cnnc_arg_is_int(&ks->items[k]))
                return cnnc_arg_fail(err, CNNC_ERR_PARSE, ks, "TypeError",
                                     "empty(): argument 'size' must be tuple of SymInts, but found element of type %s at pos %d",
                                     cnnc_arg_type_name(&ks->items[k]), (int)k + 3);
        if (ks->n != 2 && ks->n != 1)
            return cnnc_arg_fail(err, CNNC_ERR_PARSE, ks, "ValueError",
                                 "Conv2d kernel_size must be an int or a tuple of 2 ints, but got a tuple of %d", (int)ks->n);
        c->kernel_size[0] = ks->items[0].i;
        c->kernel_size[1] = ks->items[ks->n - 1].i;
    } else {
        return cnnc_arg_fail(err, CNNC_ERR_PARSE, ks, "TypeError",
                             "empty(): argument 'size' must be tuple of SymInts, but found element of type %s at pos 3",
                             cnnc_arg_type_name(ks));
    }
    int64_t dims[4] = {c->out_channels, c->in_channels / c->groups, c->kernel_size[0], c->kernel_size[1]};
    /* Python's floor division for a negative in_channels */
    if (c->in_channels < 0 && c->in_channels % c->groups) dims[1]--;
    if ((st = cnnc_negative_dim(c->in_channels < 0 ? in : c->out_channels < 0 ? out : ks, dims, 4, err))) return st;
    c->dilation[0] = c->dilation[1] = 1;
    if (a[5] && (st = cnnc_conv_size_arg(a[5], 2, "conv2d", "dilation", 6, c->dilation, &c->float_args, err))) return st;
    if (c->float_args && c->padding_mode)
        return cnnc_arg_fail(err, CNNC_ERR_UNSUPPORTED, a[4] ? a[4] : a[3], "NotImplementedError",
                             "cnnc follows a float stride, padding or dilation with padding_mode='zeros' only");
    c->bias = a[7] ? cnnc_arg_truthy(a[7]) : 1;
    return cnnc_device_dtype_args(a[9], a[10], err);
}

static int32_t params(const cnnc_layer *l, cnnc_param_desc *out) {
    const cnnc_conv2d_params *c = &l->p.conv;
    int64_t g = c->groups > 0 ? c->groups : 1;
    int64_t fan_in = c->in_channels / g * c->kernel_size[0] * c->kernel_size[1];
    /* kaiming_uniform_(a=sqrt(5)) and the bias init both give U(+-1/sqrt(fan_in)) */
    float bound = fan_in > 0 ? 1.0f / sqrtf((float)fan_in) : 0.0f;
    out[0] = (cnnc_param_desc){"weight", CNNC_P_WEIGHT, CNNC_F32, 4,
                               {c->out_channels, c->in_channels / g, c->kernel_size[0], c->kernel_size[1]},
                               CNNC_INIT_UNIFORM, bound};
    if (!c->bias) return 1;
    out[1] = (cnnc_param_desc){"bias", CNNC_P_BIAS, CNNC_F32, 1, {c->out_channels}, CNNC_INIT_UNIFORM, bound};
    return 2;
}

static cnnc_status shape(const cnnc_layer *L, const cnnc_shape *const *ins, int32_t n_in, int train, cnnc_layer_shape *ls,
                         cnnc_error *err) {
    const cnnc_conv2d_params *c = &L->p.conv;
    const cnnc_shape *in = ins[0];
    (void)n_in;
    if (c->float_args) return cnnc_conv_float_args_fail(L, "conv2d", err);
    if (in->ndim != 3 && in->ndim != 4 && !L->p.conv.padding_mode) {
        CNNC_FMT_SHAPE(s, in);
        return cnnc_shape_fail(err, "RuntimeError",
                               "Expected 3D (unbatched) or 4D (batched) input to conv2d, but got input of size: %s", s);
    }
    if (c->padding_mode) {
        /* F.pad(input, _reversed_padding_repeated_twice, mode), then the convolution without padding */
        cnnc_layer P;
        memset(&P, 0, sizeof P);
        P.kind = CNNC_PAD;
        P.p.pad2d.mode = (cnnc_pad2d_mode)(c->padding_mode - 1);
        P.p.pad2d.n = 4;
        for (int k = 0; k < 2; k++) {
            int64_t total = c->pad_mode == CNNC_PAD_SAME ? c->dilation[k] * (c->kernel_size[k] - 1) : 2 * c->padding[k];
            int64_t left = c->pad_mode == CNNC_PAD_SAME ? total / 2 : c->padding[k];
            P.p.pad2d.pad[2 * (1 - k)] = left;              /* (w_left, w_right, h_top, h_bottom) */
            P.p.pad2d.pad[2 * (1 - k) + 1] = total - left;
        }
        const cnnc_layer_def *pd = cnnc_layer_def_of(CNNC_PAD);
        cnnc_layer_shape pls;
        memset(&pls, 0, sizeof pls);
        const cnnc_shape *pin[1] = {in};
        cnnc_status st = pd->shape(&P, pin, 1, train, &pls, err);
        if (st != CNNC_OK) return st;
        cnnc_layer U = *L;
        U.p.conv.padding_mode = 0;
        U.p.conv.pad_mode = CNNC_PAD_EXPLICIT;
        U.p.conv.padding[0] = U.p.conv.padding[1] = 0;
        const cnnc_shape *uin[1] = {&pls.out};
        st = shape(&U, uin, 1, train, ls, err);
        ls->in = *in;
        return st;
    }
    int unb = in->ndim == 3;
    int64_t N = unb ? 1 : in->d[0], C = in->d[in->ndim - 3], H = in->d[in->ndim - 2], W = in->d[in->ndim - 1];
    int64_t kh = c->kernel_size[0], kw = c->kernel_size[1];
    int64_t g = c->groups, wic = g > 0 ? c->in_channels / g : c->in_channels;
    if (kh < 0 || kw < 0)   /* torch.empty refuses the weight at construction */
        return cnnc_shape_fail(err, "RuntimeError", "Trying to create tensor with negative dimension %lld: [%lld, %lld, %lld, %lld]",
                               (long long)(kh < 0 ? kh : kw), (long long)c->out_channels, (long long)wic, (long long)kh,
                               (long long)kw);
    cnnc_shape b = *in;   /* the input with its batch, as the messages print it */
    if (unb) { b.ndim = 4; b.d[0] = 1; b.d[1] = in->d[0]; b.d[2] = in->d[1]; b.d[3] = in->d[2]; }
    cnnc_conv_same_extra(c->pad_mode == CNNC_PAD_SAME, 2, c->kernel_size, c->dilation, &b);
    cnnc_status st = cnnc_conv_checks(L, 2, &b, err);
    if (st) return st;
    const int same = c->pad_mode == CNNC_PAD_SAME;
    int64_t ph_total, pw_total, ph, pw;
    if (same) {
        ph_total = c->dilation[0] * (kh - 1); pw_total = c->dilation[1] * (kw - 1);
        ph = ph_total / 2; pw = pw_total / 2;
    } else {
        ph = c->padding[0]; pw = c->padding[1];
        ph_total = 2 * ph; pw_total = 2 * pw;
    }
    int64_t ekh = c->dilation[0] * (kh - 1) + 1, ekw = c->dilation[1] * (kw - 1) + 1;
    /* PyTorch prints the symmetric padded size: for 'same' the odd extra pad is
     * applied to the input first, so both sides count. */
    int64_t hp = H + ph_total, wp = W + pw_total;
    if (hp < ekh || wp < ekw)
        return cnnc_shape_fail(err, "RuntimeError",
                               "Calculated padded input size per channel: (%lld x %lld). Kernel size: (%lld x %lld). Kernel "
                               "size can't be greater than actual input size",
                               (long long)hp, (long long)wp, (long long)ekh, (long long)ekw);
    if (kh == 0 || kw == 0)
        return cnnc_shape_fail(err, "RuntimeError",
                               "could not create a descriptor for a dilated convolution forward propagation primitive");
    int64_t OH = (hp - ekh) / c->stride[0] + 1, OW = (wp - ekw) / c->stride[1] + 1;
    cnnc_conv_geom *gm = &ls->g.conv;
    gm->N = N; gm->C = C; gm->H = H; gm->W = W; gm->OC = c->out_channels; gm->OH = OH; gm->OW = OW;
    gm->KH = kh; gm->KW = kw; gm->SH = c->stride[0]; gm->SW = c->stride[1]; gm->PH = ph; gm->PW = pw;
    gm->DH = c->dilation[0]; gm->DW = c->dilation[1]; gm->groups = g;
    ls->unbatched = unb;
    ls->out = *in;
    ls->out.d[in->ndim - 3] = c->out_channels;
    ls->out.d[in->ndim - 2] = OH;
    ls->out.d[in->ndim - 1] = OW;
    return CNNC_OK;
}

static void render(const cnnc_layer *L, cnnc_strbuf *sb) {
    const cnnc_conv2d_params *c = &L->p.conv;
    cnnc_sb_printf(sb, "%lld, %lld", (long long)c->in_channels, (long long)c->out_channels);
    cnnc_render_pair(sb, ", ", "kernel_size", c->kernel_size);
    cnnc_render_pair(sb, ", ", "stride", c->stride);
    if (c->pad_mode == CNNC_PAD_SAME) cnnc_sb_puts(sb, ", padding='same'");
    else if (c->pad_mode == CNNC_PAD_VALID) cnnc_sb_puts(sb, ", padding='valid'");
    else if (c->padding[0] || c->padding[1]) cnnc_render_pair(sb, ", ", "padding", c->padding);
    if (c->dilation[0] != 1 || c->dilation[1] != 1) cnnc_render_pair(sb, ", ", "dilation", c->dilation);
    if (c->groups != 1) cnnc_sb_printf(sb, ", groups=%lld", (long long)c->groups);
    if (!c->bias) cnnc_sb_puts(sb, ", bias=False");
    if (c->padding_mode) cnnc_sb_printf(sb, ", padding_mode='%s'", cnnc_pad2d_mode_name((cnnc_pad2d_mode)(c->padding_mode - 1)));
}

static void kernel_shape(const cnnc_layer *L, const cnnc_layer_shape *s, cnnc_strbuf *sb) {
    const cnnc_conv_geom *g = &s->g.conv;
    (void)L;
    cnnc_sb_printf(sb, "[%lld, %lld, %lld, %lld]", (long long)g->OC, (long long)(g->C / g->groups), (long long)g->KH,
                   (long long)g->KW);
}

static void trail(const cnnc_layer *L, const char *who, const cnnc_shape *in, const cnnc_shape *out, cnnc_strbuf *sb) {
    const cnnc_conv2d_params *c = &L->p.conv;
    CNNC_FMT_SHAPE(s, out);
    CNNC_FMT_SHAPE(ps, in);
    cnnc_sb_printf(sb, "%s made %s from %s", who, s, ps);
    if (out->ndim < 3 || in->ndim < 3) return;
    int64_t H = in->d[in->ndim - 2];
    if (c->pad_mode == CNNC_PAD_SAME)
        cnnc_sb_printf(sb, "; padding='same' keeps H = %lld", (long long)H);
    else
        cnnc_sb_printf(sb, "; H = (%lld + 2*%lld - %lld*(%lld-1) - 1)/%lld + 1 = %lld", (long long)H, (long long)c->padding[0],
                       (long long)c->dilation[0], (long long)c->kernel_size[0], (long long)c->stride[0],
                       (long long)out->d[out->ndim - 2]);
}

static int hint(const cnnc_layer *L, const cnnc_shape *in, const cnnc_hint_env *env, cnnc_error *err) {
    if (in->ndim < 3 || !strstr(err->message, "channels, but got")) return 0;
    return cnnc_conv_channels_hint(L, in->d[in->ndim - 3], env, err);
}

const cnnc_layer_def cnnc_layer_conv2d = {
    .kind = CNNC_CONV2D,
    .name = "Conv2d",
    .qualname = "Conv2d",
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
    .pair_attrs = "kernel_size stride padding dilation",
};
