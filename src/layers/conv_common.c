/* conv_common.c — Conv1d and Conv2d's shared rules (conv_common.h). */
#include "layers/conv_common.h"

#include <math.h>
#include <stdio.h>
#include <string.h>

cnnc_status cnnc_conv_groups(const cnnc_arg *const *a, int64_t *groups, cnnc_error *err) {
    /* groups: `if groups <= 0` */
    double groups_f = 1.0;
    *groups = 1;
    if (a[6]) {
        const cnnc_arg *g = a[6];
        if (!cnnc_arg_is_num(g))
            return cnnc_arg_fail(err, CNNC_ERR_PARSE, g, "TypeError", "'<=' not supported between instances of '%s' and 'int'",
                                 cnnc_arg_type_name(g));
        groups_f = cnnc_arg_num(g);
        *groups = cnnc_arg_is_int(g) ? g->i : (int64_t)groups_f;
        if (groups_f <= 0) return cnnc_arg_fail(err, CNNC_ERR_PARSE, g, "ValueError", "groups must be a positive integer");
    }
    /* `if in_channels % groups != 0`, then the same for out_channels */
    const char *names[2] = {"in_channels", "out_channels"};
    for (int k = 0; k < 2; k++) {
        const cnnc_arg *v = a[k];
        if (v->kind == CNNC_ARG_STR)
            return cnnc_arg_fail(err, CNNC_ERR_PARSE, v, "TypeError", "not all arguments converted during string formatting");
        if (!cnnc_arg_is_num(v))
            return cnnc_arg_fail(err, CNNC_ERR_PARSE, v, "TypeError", "unsupported operand type(s) for %%: '%s' and '%s'",
                                 cnnc_arg_type_name(v), a[6] ? cnnc_arg_type_name(a[6]) : "int");
        if (fmod(cnnc_arg_num(v), groups_f) != 0.0)
            return cnnc_arg_fail(err, CNNC_ERR_PARSE, v, "ValueError", "%s must be divisible by groups", names[k]);
    }
    return CNNC_OK;
}

cnnc_status cnnc_conv_padding_string(const cnnc_arg *pd, int strided, cnnc_pad_mode *mode, cnnc_error *err) {
    if (cnnc_arg_str_is(pd, "same")) *mode = CNNC_PAD_SAME;
    else if (cnnc_arg_str_is(pd, "valid")) *mode = CNNC_PAD_VALID;
    else {
        char r[256];
        cnnc_strbuf sb;
        cnnc_sb_fixed(&sb, r, sizeof r);
        cnnc_arg_repr(pd, &sb);
        return cnnc_arg_fail(err, CNNC_ERR_PARSE, pd, "ValueError", "Invalid padding string %s, should be one of {'valid', 'same'}",
                             r);
    }
    if (*mode == CNNC_PAD_SAME && strided)
        return cnnc_arg_fail(err, CNNC_ERR_PARSE, pd, "ValueError", "padding='same' is not supported for strided convolutions");
    return CNNC_OK;
}

cnnc_status cnnc_conv_size_arg(const cnnc_arg *v, int n, const char *fn, const char *arg, int position, int64_t *out,
                               int *float_args, cnnc_error *err) {
    /* None, which the module keeps as _pair(None) = (None, None): F.conv2d's binding matches
     * no overload when the layer runs (a later None in a tuple is refused below) */
    if (v->kind == CNNC_ARG_NONE || ((v->kind == CNNC_ARG_TUPLE || v->kind == CNNC_ARG_LIST) && v->n == n && v->n > 0 &&
                                     v->items[0].kind == CNNC_ARG_NONE)) {
        *float_args = -1;
        return CNNC_OK;   /* out keeps the caller's defaults */
    }
    int has_float = v->kind == CNNC_ARG_FLOAT, all_num = cnnc_arg_is_num(v);
    if ((v->kind == CNNC_ARG_TUPLE || v->kind == CNNC_ARG_LIST) && v->n == n) {
        all_num = 1;
        for (int32_t k = 0; k < v->n; k++) {
            has_float |= v->items[k].kind == CNNC_ARG_FLOAT;
            all_num &= cnnc_arg_is_num(&v->items[k]);
        }
    }
    /* a bool first (padding=False): the binding's int list matches no overload, as a float's */
    const int seq = v->kind == CNNC_ARG_TUPLE || v->kind == CNNC_ARG_LIST;
    const cnnc_arg *first = seq ? (v->n == n ? &v->items[0] : NULL) : v;
    if (first && first->kind == CNNC_ARG_BOOL && all_num) {
        for (int k = 0; k < n; k++) out[k] = (int64_t)cnnc_arg_num(seq ? &v->items[k] : v);
        *float_args = -1;
        return CNNC_OK;
    }
    if (!has_float || !all_num) {
        if (n == 2) return cnnc_pair_arg(v, fn, arg, position, out, err);
        return cnnc_single_arg(v, fn, arg, &out[0], err);
    }
    const int scalar = v->kind == CNNC_ARG_FLOAT || cnnc_arg_is_int(v);
    int first_float = -1;
    for (int k = 0; k < n; k++) {
        const cnnc_arg *x = scalar ? v : &v->items[k];
        if (x->kind == CNNC_ARG_FLOAT && first_float < 0) first_float = k;
        out[k] = fabs(cnnc_arg_num(x)) < 1e9 ? (int64_t)cnnc_arg_num(x) : 0;
    }
    /* PyTorch's parser matches an int list by its first element, and converts the rest
     * after an overload matched: a later float is that conversion's own error. The
     * binding converts its arguments last first (GCC's order): dilation's error wins. */
    if (first_float == 0) *float_args = -1;
    else if (first_float > 0 && *float_args >= 0) *float_args = ((position - 3) << 4) | (first_float + 1);
    return CNNC_OK;
}

cnnc_status cnnc_conv_float_args_fail(const cnnc_layer *L, const char *fn, cnnc_error *err) {
    const cnnc_conv2d_params *c = &L->p.conv;
    if (c->float_args > 0) {
        static const char *const names[4] = {"", "stride", "padding", "dilation"};
        return cnnc_shape_fail(err, "TypeError", "%s(): argument '%s' must be tuple of ints, but found element of type float at pos %d",
                               fn, names[(c->float_args >> 4) & 3], c->float_args & 15);
    }
    return cnnc_shape_fail(err, "TypeError",
                           "%s() received an invalid combination of arguments - got (Tensor, Parameter, %s, tuple, %s, tuple, "
                           "int), but expected one of:",
                           fn, c->bias ? "Parameter" : "NoneType", c->pad_mode == CNNC_PAD_EXPLICIT ? "tuple" : "str");
}

cnnc_status cnnc_conv_checks(const cnnc_layer *L, int dims, const cnnc_shape *in_b, cnnc_error *err) {
    const cnnc_conv2d_params *c = &L->p.conv;
    const int64_t g = c->groups, wic = g > 0 ? c->in_channels / g : c->in_channels, C = in_b->d[1];
    cnnc_shape w;   /* the weight: [out, in / groups, (kh,) kw] */
    memset(&w, 0, sizeof w);
    w.ndim = dims + 2;
    w.d[0] = c->out_channels;
    w.d[1] = wic;
    if (dims == 2) w.d[2] = c->kernel_size[0];
    w.d[w.ndim - 1] = c->kernel_size[1];
    /* the weight's text only where a message needs it: a check passes thousands of times a second */
    for (int k = 0; k < 2; k++)   /* oneDNN's own refusals, in words cnnc does not model */
        if (c->kernel_size[k] > INT32_MAX || c->stride[k] > INT32_MAX || c->dilation[k] > INT32_MAX)
            return cnnc_error_set(err, CNNC_ERR_UNSUPPORTED, "NotImplementedError",
                                  "cnnc follows Conv%dd with kernel_size, stride and dilation below 2^31", dims);
    const int same = c->pad_mode == CNNC_PAD_SAME;
    if (same && (c->stride[0] != 1 || c->stride[1] != 1))
        return cnnc_shape_fail(err, "ValueError", "padding='same' is not supported for strided convolutions");
    /* the CPU (oneDNN) path checks these, in this order, with these words */
    if (!same && (c->padding[0] < 0 || c->padding[1] < 0))
        return cnnc_shape_fail(err, "RuntimeError", "negative padding is not supported");
    if (c->stride[0] <= 0 || c->stride[1] <= 0) return cnnc_shape_fail(err, "RuntimeError", "non-positive stride is not supported");
    if (c->dilation[0] <= 0 || c->dilation[1] <= 0)
        return cnnc_shape_fail(err, "RuntimeError", "non-positive dilation is not supported");
    if (g <= 0) return cnnc_shape_fail(err, "RuntimeError", "non-positive groups is not supported");
    if (c->out_channels < g) {
        CNNC_FMT_SHAPE(ws, &w);
        return cnnc_shape_fail(err, "RuntimeError",
                               "Given groups=%lld, expected weight to be at least %lld at dimension 0, but got weight of size "
                               "%s instead",
                               (long long)g, (long long)g, ws);
    }
    if (c->out_channels % g != 0) {
        CNNC_FMT_SHAPE(ws, &w);
        return cnnc_shape_fail(err, "RuntimeError",
                               "Given groups=%lld, expected weight to be divisible by %lld at dimension 0, but got weight of "
                               "size [%s] instead",
                               (long long)g, (long long)g, ws);
    }
    if (C != wic * g) {
        CNNC_FMT_SHAPE(ws, &w);
        CNNC_FMT_SHAPE(s, in_b);
        return cnnc_shape_fail(err, "RuntimeError",
                               "Given groups=%lld, weight of size %s, expected input%s to have %lld channels, but got %lld "
                               "channels instead",
                               (long long)g, ws, s, (long long)(wic * g), (long long)C);
    }
    return CNNC_OK;
}

void cnnc_conv_same_extra(int same, int dims, const int64_t *kernel, const int64_t *dilation, cnnc_shape *in_b) {
    if (!same) return;
    for (int k = 0; k < dims; k++)
        if (kernel[k] > 0 && dilation[k] > 0) in_b->d[in_b->ndim - dims + k] += (dilation[k] * (kernel[k] - 1)) % 2;
}

void cnnc_conv_cost(const cnnc_layer *L, const cnnc_layer_shape *s, int has_din, cnnc_layer_cost *c) {
    const cnnc_conv_geom *g = &s->g.conv;
    const double macs = (double)g->N * g->OC * g->OH * g->OW * (double)(g->C / g->groups) * g->KH * g->KW;
    const double w = (double)g->OC * (g->C / g->groups) * g->KH * g->KW + (L->p.conv.bias ? g->OC : 0);
    const double in = (double)cnnc_shape_numel(&s->in), out = (double)s->out_numel;
    c->fwd_flops = 2.0 * macs;
    c->bwd_flops = 2.0 * macs * (has_din ? 2.0 : 1.0);
    c->fwd_bytes = 4.0 * (in + w + out);
    c->bwd_bytes = 4.0 * (out + in + 2.0 * w + (has_din ? in : 0.0));
    c->macs_per_sample = g->OC * g->OH * g->OW * (g->C / g->groups) * g->KH * g->KW;
}

int cnnc_conv_channels_hint(const cnnc_layer *L, int64_t C, const cnnc_hint_env *env, cnnc_error *err) {
    if (C > 0 && C % L->p.conv.groups == 0) {
        cnnc_layer copy = *L;
        copy.p.conv.in_channels = C;
        return cnnc_hint_set_number(&copy, "", "in_channels", C, CNNC_FIX_IN_CHANNELS, env, err);
    } else {
        snprintf(err->hint, sizeof err->hint, "the input has %lld channels; in_channels must match it", (long long)C);
    }
    return 1;
}

int cnnc_conv_apply_fix(cnnc_layer *L, const cnnc_fix *fix) {
    if (fix->field != CNNC_FIX_IN_CHANNELS || L->p.conv.in_channels == fix->value) return 0;
    L->p.conv.in_channels = fix->value;
    return 1;
}
