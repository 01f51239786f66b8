/* convtranspose_common.c — _ConvTransposeNd's constructor and ATen's checks
 * of a transposed convolution, for ConvTranspose1d and ConvTranspose2d
 * (convtranspose_common.h). */
#include "layers/convtranspose_common.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

/* A size-like argument after torch.nn's _single or _pair (nd items): an
 * iterable keeps its items (a str its characters), anything else is repeated. */
typedef struct convt_pair {
    const cnnc_arg *items;   /* NULL: `one` repeated, or a str's characters */
    const cnnc_arg *one;
    int32_t n;
    int chars;
} convt_pair;

static convt_pair pair_of(const cnnc_arg *v, int32_t nd) {
    convt_pair p = {NULL, v, nd, 0};
    if (v->kind == CNNC_ARG_TUPLE || v->kind == CNNC_ARG_LIST) { p.items = v->items; p.n = v->n; }
    else if (v->kind == CNNC_ARG_STR) { p.n = v->slen; p.chars = 1; }
    return p;
}

/* Item k as Python sees it: its kind (a str's character is a str). */
static const cnnc_arg *pair_item(const convt_pair *p, int32_t k) { return p->items ? &p->items[k] : p->one; }
static int pair_item_is(const convt_pair *p, int32_t k, int exact_int) {
    if (p->chars) return 0;
    const cnnc_arg *a = pair_item(p, k);
    return exact_int ? a->kind == CNNC_ARG_INT : cnnc_arg_is_int(a);
}
static const char *pair_item_type(const convt_pair *p, int32_t k) { return p->chars ? "str" : cnnc_arg_type_name(pair_item(p, k)); }

/* F.conv_transpose<n>d's binding of an int list: its first item must be an int
 * (not a bool), the others int-like. */
static cnnc_status check_int_list(const cnnc_arg *v, const convt_pair *p, const char *fn, const char *name, int position,
                                  cnnc_error *err) {
    if (p->n > 0 && !pair_item_is(p, 0, 1))
        return cnnc_arg_fail(err, CNNC_ERR_PARSE, v, "TypeError",
                             "%s(): argument '%s' (position %d) must be tuple of ints, not tuple", fn, name, position);
    for (int32_t k = 1; k < p->n; k++)
        if (!pair_item_is(p, k, 0))
            return cnnc_arg_fail(err, CNNC_ERR_PARSE, v, "TypeError",
                                 "%s(): argument '%s' must be tuple of ints, but found element of type %s at pos %d", fn,
                                 name, pair_item_type(p, k), (int)k + 1);
    return CNNC_OK;
}

/* ATen's expand_param_if_needed: one value or one per spatial dim. */
static cnnc_status check_arity(const cnnc_arg *v, const convt_pair *p, const char *name, int32_t dims, cnnc_error *err) {
    if (p->n == 1 || p->n == dims) return CNNC_OK;
    char list[160];
    cnnc_strbuf sb;
    cnnc_sb_fixed(&sb, list, sizeof list);
    for (int32_t k = 0; k < p->n; k++) cnnc_sb_printf(&sb, "%s%lld", k ? ", " : "", (long long)pair_item(p, k)->i);
    return cnnc_arg_fail(err, CNNC_ERR_PARSE, v, "RuntimeError",
                         "expected %s to be a single integer value or a list of %d values to match the convolution "
                         "dimensions, but got %s=[%s]", name, (int)dims, name, list);
}

/* (height, width); a 1-d kind's height is `neutral` (the 1 or 0 of ATen's view as 2-d). */
static void pair_values(const convt_pair *p, int32_t nd, int64_t neutral, int64_t out[2]) {
    out[0] = nd == 1 ? neutral : pair_item(p, 0)->i;
    out[1] = pair_item(p, p->n - 1)->i;
}

cnnc_status cnnc_convt_build(cnnc_layer *l, const cnnc_arg *const *a, int32_t nd, const char *cls, const char *fn,
                             cnnc_error *err) {
    cnnc_convtranspose2d_params *c = &l->p.convt;
    const cnnc_arg *in = a[0], *out = a[1], *ks = a[2];
    cnnc_status st;
    /* _ConvTransposeNd: any padding_mode but 'zeros' (not a str either) */
    if (a[9] && !cnnc_arg_str_is(a[9], "zeros"))
        return cnnc_arg_fail(err, CNNC_ERR_PARSE, a[9], "ValueError",
                             "Only \"zeros\" padding mode is supported for %s", cls);
    /* _ConvNd: `if groups <= 0`, then in_channels % groups, out_channels % groups */
    double groups_f = 1.0;
    const cnnc_arg *g = a[6];
    if (g) {
        if (!cnnc_arg_is_num(g))
            return cnnc_arg_fail(err, CNNC_ERR_PARSE, g, "TypeError", "'<=' not supported between instances of '%s' and 'int'",
                                 cnnc_arg_type_name(g));
        groups_f = cnnc_arg_num(g);
        if (groups_f <= 0) return cnnc_arg_fail(err, CNNC_ERR_PARSE, g, "ValueError", "groups must be a positive integer");
    }
    const cnnc_arg *io[2] = {in, out};
    const char *ionames[2] = {"in_channels", "out_channels"};
    for (int k = 0; k < 2; k++) {
        const cnnc_arg *v = io[k];
        if (v->kind == CNNC_ARG_STR)
            return cnnc_arg_fail(err, CNNC_ERR_PARSE, v, "TypeError", "not all arguments converted during string formatting");
        if (!cnnc_arg_is_num(v))
            return cnnc_arg_fail(err, CNNC_ERR_PARSE, v, "TypeError", "unsupported operand type(s) for %%: '%s' and '%s'",
                                 cnnc_arg_type_name(v), g ? cnnc_arg_type_name(g) : "int");
        if (fmod(cnnc_arg_num(v), groups_f) != 0.0)
            return cnnc_arg_fail(err, CNNC_ERR_PARSE, v, "ValueError", "%s must be divisible by groups", ionames[k]);
    }
    /* weight = empty((in_channels, out_channels // groups, *kernel_size)) */
    const convt_pair kp = pair_of(ks, nd);
    if (in->kind != CNNC_ARG_INT) return cnnc_factory_overload_fail(in, "empty", "tuple", a[10], a[11], err);
    if (!cnnc_arg_is_int(out) || (g && !cnnc_arg_is_int(g)))
        return cnnc_arg_fail(err, CNNC_ERR_PARSE, cnnc_arg_is_int(out) ? g : out, "TypeError",
                             "empty(): argument 'size' must be tuple of SymInts, but found element of type float at pos 2");
    for (int32_t k = 0; k < kp.n; k++)
        if (!pair_item_is(&kp, k, 0))
            return cnnc_arg_fail(err, CNNC_ERR_PARSE, ks, "TypeError",
                                 "empty(): argument 'size' must be tuple of SymInts, but found element of type %s at pos %d",
                                 pair_item_type(&kp, k), (int)k + 3);
    c->in_channels = in->i;
    c->out_channels = out->i;
    c->groups = g ? g->i : 1;
    int64_t dims[2 + CNNC_MAX_DIMS];
    const int32_t kd = kp.n < CNNC_MAX_DIMS ? kp.n : CNNC_MAX_DIMS;
    dims[0] = c->in_channels;
    dims[1] = cnnc_div_floor(c->out_channels, c->groups);
    for (int32_t k = 0; k < kd; k++) dims[2 + k] = pair_item(&kp, k)->i;
    if ((st = cnnc_negative_dim(dims[0] < 0 ? in : dims[1] < 0 ? out : ks, dims, 2 + kd, err))) return st;
    if ((st = cnnc_device_dtype_args(a[10], a[11], err))) return st;
    c->bias = a[7] ? cnnc_arg_truthy(a[7]) : 1;
    /* F.conv_transpose<n>d(input, weight, bias, stride, padding, output_padding, groups, dilation)
     * checks its int lists at the first forward, then _convolution expands them. */
    const convt_pair sp = pair_of(a[3] ? a[3] : &(cnnc_arg){.kind = CNNC_ARG_INT, .i = 1}, nd);
    const convt_pair pp = pair_of(a[4] ? a[4] : &(cnnc_arg){.kind = CNNC_ARG_INT, .i = 0}, nd);
    const convt_pair op = pair_of(a[5] ? a[5] : &(cnnc_arg){.kind = CNNC_ARG_INT, .i = 0}, nd);
    const convt_pair dp = pair_of(a[8] ? a[8] : &(cnnc_arg){.kind = CNNC_ARG_INT, .i = 1}, nd);
    if ((st = check_int_list(a[3], &sp, fn, "stride", 4, err)) || (st = check_int_list(a[4], &pp, fn, "padding", 5, err)) ||
        (st = check_int_list(a[5], &op, fn, "output_padding", 6, err)))
        return st;
    if (g && g->kind != CNNC_ARG_INT)   /* a bool: the int check refuses it (a float failed above) */
        return cnnc_arg_fail(err, CNNC_ERR_PARSE, g, "TypeError",
                             "%s(): argument 'groups' (position 7) must be int, not %s", fn, cnnc_arg_type_name(g));
    if ((st = check_int_list(a[8], &dp, fn, "dilation", 8, err))) return st;
    if (kp.n == 0)
        return cnnc_arg_fail(err, CNNC_ERR_PARSE, ks, "RuntimeError", "weight should have at least three dimensions");
    if ((st = check_arity(a[3], &sp, "stride", kp.n, err)) || (st = check_arity(a[4], &pp, "padding", kp.n, err)) ||
        (st = check_arity(a[8], &dp, "dilation", kp.n, err)) || (st = check_arity(a[5], &op, "output_padding", kp.n, err)))
        return st;
    if (kp.n != nd)   /* PyTorch refuses it too, at the first forward: the weight has the wrong rank */
        return cnnc_arg_fail(err, CNNC_ERR_UNSUPPORTED, ks, "NotImplementedError",
                             "%s with a %d-element kernel_size makes a %d-D weight, which %s refuses; cnnc runs %d-D "
                             "kernels only", cls, (int)kp.n, (int)kp.n + 2, fn, (int)nd);
    pair_values(&kp, nd, 1, c->kernel_size);
    pair_values(&sp, nd, 1, c->stride);
    pair_values(&pp, nd, 0, c->padding);
    pair_values(&op, nd, 0, c->output_padding);
    pair_values(&dp, nd, 1, c->dilation);
    return CNNC_OK;
}

static float init_bound(const cnnc_convtranspose2d_params *c) {
    /* kaiming_uniform_(a=sqrt(5))'s fan_in: weight.size(1) * receptive field, here
     * out_channels/groups * kH * kW; the bias init gives the same bound */
    const int64_t g = c->groups > 0 ? c->groups : 1;
    const int64_t fan_in = c->out_channels / g * c->kernel_size[0] * c->kernel_size[1];
    return fan_in > 0 ? 1.0f / sqrtf((float)fan_in) : 0.0f;
}

int32_t cnnc_convt_params(const cnnc_layer *l, int32_t nd, cnnc_param_desc *out) {
    const cnnc_convtranspose2d_params *c = &l->p.convt;
    const int64_t g = c->groups > 0 ? c->groups : 1;
    const float bound = init_bound(c);
    out[0] = (cnnc_param_desc){"weight", CNNC_P_WEIGHT, CNNC_F32, nd + 2,
                               {c->in_channels, c->out_channels / g, c->kernel_size[2 - nd], c->kernel_size[1]},
                               CNNC_INIT_UNIFORM, bound};
    if (!c->bias) return 1;
    out[1] = (cnnc_param_desc){"bias", CNNC_P_BIAS, CNNC_F32, 1, {c->out_channels}, CNNC_INIT_UNIFORM, bound};
    return 2;
}


cnnc_status cnnc_convt_shape(const cnnc_layer *L, const cnnc_shape *in, int32_t nd, cnnc_layer_shape *ls, cnnc_error *err) {
    const cnnc_convtranspose2d_params *c = &L->p.convt;
    const int32_t batched = nd + 2;
    if (in->ndim != batched - 1 && in->ndim != batched) {
        CNNC_FMT_SHAPE(s, in);
        return cnnc_shape_fail(err, "RuntimeError",
                               "Expected %dD (unbatched) or %dD (batched) input to conv_transpose%dd, but got input of size: %s",
                               (int)batched - 1, (int)batched, (int)nd, s);
    }
    const int unb = in->ndim == batched - 1;
    cnnc_shape b = *in;   /* batchify */
    if (unb) {
        b.ndim = batched;
        b.d[0] = 1;
        for (int32_t k = 0; k < in->ndim; k++) b.d[k + 1] = in->d[k];
    }
    /* ATen views a 1-d input as [N, C, 1, L] after check_shape_forward */
    const int64_t N = b.d[0], C = b.d[1], H = nd == 1 ? 1 : b.d[2], W = b.d[batched - 1], G = c->groups;
    const int64_t IC = c->in_channels, OCg = c->out_channels / G, OC = c->out_channels;
    const int64_t kh = c->kernel_size[0], kw = c->kernel_size[1];
    const int64_t sh = c->stride[0], sw = c->stride[1], ph = c->padding[0], pw = c->padding[1];
    const int64_t oph = c->output_padding[0], opw = c->output_padding[1], dh = c->dilation[0], dw = c->dilation[1];
    char ws[128];   /* the weight's size as check_shape_forward prints it */
    if (nd == 1) snprintf(ws, sizeof ws, "[%lld, %lld, %lld]", (long long)IC, (long long)OCg, (long long)kw);
    else snprintf(ws, sizeof ws, "[%lld, %lld, %lld, %lld]", (long long)IC, (long long)OCg, (long long)kh, (long long)kw);
    /* check_shape_forward */
    if (ph < 0 || pw < 0) return cnnc_shape_fail(err, "RuntimeError", "negative padding is not supported");
    if (oph < 0 || opw < 0) return cnnc_shape_fail(err, "RuntimeError", "negative output_padding is not supported");
    if (sh <= 0 || sw <= 0) return cnnc_shape_fail(err, "RuntimeError", "non-positive stride is not supported");
    if (IC < G)
        return cnnc_shape_fail(err, "RuntimeError",
                               "Given groups=%lld, expected weight to be at least %lld at dimension 0, but got weight of size "
                               "%s instead", (long long)G, (long long)G, ws);
    if (C != IC) {
        CNNC_FMT_SHAPE(s, &b);
        return cnnc_shape_fail(err, "RuntimeError",
                               "Given transposed=1, weight of size %s, expected input%s to have %lld channels, but got %lld "
                               "channels instead", ws, s, (long long)IC, (long long)C);
    }
    /* the output size, as the empty-input path and the kernel compute it */
    const int64_t OH = (H - 1) * sh - 2 * ph + dh * (kh - 1) + oph + 1;
    const int64_t OW = (W - 1) * sw - 2 * pw + dw * (kw - 1) + opw + 1;
    if (N * C * H * W == 0) {
        if (N != 0) {
            CNNC_FMT_SHAPE(s, &b);
            return cnnc_shape_fail(err, "RuntimeError", "Only zero batch or zero channel inputs are supported, but got input "
                                   "shape: %s", s);
        }
        /* zero batch: _convolution's empty path scales by the flattened weight's [0], then
         * views the result as the output size, without the kernel's checks */
        if (IC * OCg * kh * kw == 0)
            return cnnc_shape_fail(err, "IndexError", "select(): index 0 out of range for tensor of size [0] at dimension 0");
        if (OC < 0 || OH < 0 || OW < 0)
            return cnnc_shape_fail(err, "RuntimeError", "invalid shape dimension %lld",
                                   (long long)(OC < 0 ? OC : OH < 0 ? OH : OW));
    } else {
        /* slow_conv_transpose2d_shape_check, per group */
        if (kh <= 0 || kw <= 0)
            return cnnc_shape_fail(err, "RuntimeError",
                                   "kernel size should be greater than zero, but got kernel_height: %lld kernel_width: %lld",
                                   (long long)kh, (long long)kw);
        if (dh <= 0 || dw <= 0)
            return cnnc_shape_fail(err, "RuntimeError",
                                   "dilation should be greater than zero, but got dilation_height: %lld, dilation_width: %lld",
                                   (long long)dh, (long long)dw);
        if (!((opw < sw || opw < dw) && (oph < sh || oph < dh)))
            return cnnc_shape_fail(err, "RuntimeError",
                                   "output padding must be smaller than either stride or dilation, but got "
                                   "output_padding_height: %lld output_padding_width: %lld stride_height: %lld "
                                   "stride_width: %lld dilation_height: %lld dilation_width: %lld",
                                   (long long)oph, (long long)opw, (long long)sh, (long long)sw, (long long)dh, (long long)dw);
        if (OCg == 0)
            return cnnc_shape_fail(err, "RuntimeError", "non-empty 2D or 4D weight tensor expected, but got: [%lld, %lld, "
                                   "%lld, %lld]", (long long)(IC / G), (long long)OCg, (long long)kh, (long long)kw);
        if (OH < 1 || OW < 1)
            return cnnc_shape_fail(err, "RuntimeError",
                                   "Given input size per channel: (%lld x %lld). Calculated output size per channel: (%lld x "
                                   "%lld). Output size is too small", (long long)H, (long long)W, (long long)OH, (long long)OW);
    }
    cnnc_conv_geom *gm = &ls->g.convt;   /* the convolution this is the transpose of */
    gm->N = N; gm->C = OC; gm->H = OH; gm->W = OW; gm->OC = IC; gm->OH = H; gm->OW = W;
    gm->KH = kh; gm->KW = kw; gm->SH = sh; gm->SW = sw; gm->PH = ph; gm->PW = pw; gm->DH = dh; gm->DW = dw;
    gm->groups = G;
    ls->unbatched = unb;
    ls->out = *in;
    ls->out.d[in->ndim - 1 - nd] = OC;
    if (nd == 2) ls->out.d[in->ndim - 2] = OH;
    ls->out.d[in->ndim - 1] = OW;
    return CNNC_OK;
}

void cnnc_convt_cost(const cnnc_layer *L, const cnnc_layer_shape *s, int has_din, cnnc_layer_cost *c) {
    const cnnc_conv_geom *g = &s->g.convt;
    /* one multiply-add per (input pixel, weight tap): the transposed conv's MACs equal its conv's */
    const double macs = (double)g->N * g->OC * g->OH * g->OW * (double)(g->C / g->groups) * g->KH * g->KW;
    const double w = (double)g->OC * (g->C / g->groups) * g->KH * g->KW + (L->p.convt.bias ? g->C : 0);
    const double in = (double)cnnc_shape_numel(&s->in), out = (double)s->out_numel;
    c->fwd_flops = 2.0 * macs;
    c->bwd_flops = 2.0 * macs * (has_din ? 2.0 : 1.0);
    c->fwd_bytes = 4.0 * (in + w + out);
    c->bwd_bytes = 4.0 * (out + in + 2.0 * w + (has_din ? in : 0.0));
    c->macs_per_sample = g->OC * g->OH * g->OW * (g->C / g->groups) * g->KH * g->KW;
}


int cnnc_convt_hint(const cnnc_layer *L, int64_t C, const cnnc_hint_env *env, cnnc_error *err) {
    const cnnc_convtranspose2d_params *c = &L->p.convt;
    if (strstr(err->message, "output padding must be smaller")) {
        snprintf(err->hint, sizeof err->hint, "output_padding only picks among the %lld output sizes a stride of %lld allows: "
                 "keep it below the stride (or the dilation)", (long long)c->stride[1], (long long)c->stride[1]);
        return 1;
    }
    if (strstr(err->message, "Output size is too small")) {
        snprintf(err->hint, sizeof err->hint, "padding removes 2*padding rows and columns from the output: use a smaller "
                 "padding or a larger kernel_size or stride");
        return 1;
    }
    if (C < 0 || !strstr(err->message, "channels, but got")) return 0;
    if (C > 0 && C % c->groups == 0) {
        cnnc_layer copy = *L;
        copy.p.convt.in_channels = C;
        return cnnc_hint_set_number(&copy, "", "in_channels", C, CNNC_FIX_IN_CHANNELS, env, err);
    } else {
        snprintf(err->hint, sizeof err->hint, "the input has %lld channels; in_channels must match it", (long long)C);
    }
    return 1;
}
int cnnc_convt_apply_fix(cnnc_layer *L, const cnnc_fix *fix) {
    if (fix->field != CNNC_FIX_IN_CHANNELS || L->p.convt.in_channels == fix->value) return 0;
    L->p.convt.in_channels = fix->value;
    return 1;
}
