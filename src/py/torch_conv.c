/* torch_conv.c — F.conv2d, F.conv1d, F.conv3d, F.conv_transpose2d, F.linear and F.batch_norm.
 * F.conv2d(input, weight, bias, stride, padding, dilation, groups) where the
 * weight is a Conv2d module's own parameter, as the "same padding" subclasses of
 * nn.Conv2d call it from their forward (F.conv2d(x, self.weight, self.bias,
 * self.stride, ...)): a node of that module with the call's stride, padding and
 * dilation. Any other weight (a tensor built in forward, a bare nn.Parameter, a
 * buffer) and F.linear's weight make a functional node whose weight and bias are
 * its further inputs, with ATen's checks on them: the shape pass follows it, and
 * the engines refuse it (src/cpu/conv2d.c, linear.c: they hold weights as
 * parameters). */
#include "py/torch_internal.h"
#include "layers/layer_util.h"

#include <stdio.h>
#include <string.h>

/* A layer argument's error (cnnc_pair_arg's or cnnc_single_arg's words) as Python's; -1. */
static int arg_error(interp *I, const cnnc_error *e) {
    py_raise(I, e->type[0] ? e->type : "TypeError", "%s", e->message);
    I->ex.status = e->status == CNNC_ERR_UNSUPPORTED ? e->status : CNNC_ERR_PARSE;
    return -1;
}

/* A pair argument of fn as ATen binds it (cnnc_pair_arg's words); an error becomes Python's. */
static int pair_of(interp *I, py_val v, const char *fn, const char *name, int position, int64_t out[2]) {
    cnnc_arg arg;
    if (py_to_arg(I, v, I->line, I->col, &arg)) return -1;
    cnnc_error e;
    cnnc_error_clear(&e);
    return cnnc_pair_arg(&arg, fn, name, position, out, &e) == CNNC_OK ? 0 : arg_error(I, &e);
}

/* One of F.conv1d's stride, padding or dilation: an int or a 1-element sequence (-1 raised). */
static int single_of(interp *I, py_val v, const char *name, int64_t *out) {
    cnnc_arg arg;
    if (py_to_arg(I, v, I->line, I->col, &arg)) return -1;
    cnnc_error e;
    cnnc_error_clear(&e);
    return cnnc_single_arg(&arg, "conv1d", name, out, &e) == CNNC_OK ? 0 : arg_error(I, &e);
}

/* padding='same' or 'valid' of fn (strided: any stride above 1) into *mode; -1 raised. */
static int padding_string(interp *I, py_val v, const char *fn, int strided, cnnc_pad_mode *mode) {
    const py_str *s = pv_as_str(v);
    if (s->len == 4 && !memcmp(s->s, "same", 4)) *mode = CNNC_PAD_SAME;
    else if (s->len == 5 && !memcmp(s->s, "valid", 5)) *mode = CNNC_PAD_VALID;
    else return py_unsupported(I, "cnnc cannot follow %s with padding='%.*s'", fn, (int)(s->len < 20 ? s->len : 20), s->s);
    if (*mode == CNNC_PAD_SAME && strided)
        return torch_raise_shape(I, "RuntimeError", "padding='same' is not supported for strided convolutions");
    return 0;
}

/* The call's stride, padding and dilation into p (p's are the defaults); -1 raised. */
static int conv_call_args(interp *I, const py_val *b, cnnc_conv2d_params *p) {
    if (b[3].t != PV_UNBOUND && pair_of(I, b[3], "conv2d", "stride", 4, p->stride)) return -1;
    if (b[4].t == PV_STR) {
        if (padding_string(I, b[4], "conv2d", p->stride[0] != 1 || p->stride[1] != 1, &p->pad_mode)) return -1;
    } else if (b[4].t != PV_UNBOUND && pair_of(I, b[4], "conv2d", "padding", 5, p->padding)) {
        return -1;
    }
    if (b[5].t != PV_UNBOUND && pair_of(I, b[5], "conv2d", "dilation", 6, p->dilation)) return -1;
    return 0;
}

/* check_shape_forward's checks of a convolution's computed weight w over nd spatial dims
 * (the weight's rank via ConvParams first, then the arguments', groups' and the weight's
 * dim 0), before the channel and bias checks, which the caller makes. output_padding is
 * NULL for a convolution. -1 raised. */
static int weight_checks(interp *I, const cnnc_shape *w, const char *ws, int nd, const int64_t *stride, const int64_t *padding,
                         const int64_t *output_padding, int64_t groups) {
    if (w->ndim < 3) return torch_raise_shape(I, "RuntimeError", "weight should have at least three dimensions");
    if (w->ndim != nd + 2) {
        char st[64] = "";
        for (int k = 0; k < nd; k++)
            snprintf(st + strlen(st), sizeof st - strlen(st), "%s%lld", k ? ", " : "", (long long)stride[k]);
        return torch_raise_shape(I, "RuntimeError",
                                 "expected stride to be a single integer value or a list of %d values to match the "
                                 "convolution dimensions, but got stride=[%s]", (int)(w->ndim - 2), st);
    }
    for (int k = 0; k < nd; k++)
        if (padding[k] < 0) return torch_raise_shape(I, "RuntimeError", "negative padding is not supported");
    for (int k = 0; output_padding && k < nd; k++)
        if (output_padding[k] < 0) return torch_raise_shape(I, "RuntimeError", "negative output_padding is not supported");
    for (int k = 0; k < nd; k++)
        if (stride[k] <= 0) return torch_raise_shape(I, "RuntimeError", "non-positive stride is not supported");
    if (groups <= 0) return torch_raise_shape(I, "RuntimeError", "non-positive groups is not supported");
    if (w->d[0] < groups)
        return torch_raise_shape(I, "RuntimeError",
                                 "Given groups=%lld, expected weight to be at least %lld at dimension 0, but got weight of "
                                 "size %s instead", (long long)groups, (long long)groups, ws);
    if (w->d[0] % groups)
        return torch_raise_shape(I, "RuntimeError",
                                 "Given groups=%lld, expected weight to be divisible by %lld at dimension 0, but got "
                                 "weight of size [%s] instead", (long long)groups, (long long)groups, ws);
    return 0;
}

/* A convolution's bias check, made where the input's xc channels match the weight. -1 raised. */
static int bias_check(interp *I, int64_t xc, const cnnc_shape *w, const char *ws, const cnnc_shape *bias, int64_t groups) {
    if (!bias || xc != w->d[1] * groups || (bias->ndim == 1 && bias->d[0] == w->d[0])) return 0;
    char bs[24 * CNNC_MAX_DIMS];
    cnnc_shape_format(bias, bs, sizeof bs);
    return torch_raise_shape(I, "RuntimeError",
                             "Given weight of size %s, expected bias to be 1-dimensional with %lld elements, but got "
                             "bias of size %s instead", ws, (long long)w->d[0], bs);
}

/* The module of `kind` whose own weight and bias these are (a subclass's forward calling
 * F.conv*(x, self.weight, self.bias, ...)), or NULL. */
static py_nn *own_module(interp *I, const py_tensor *weight, py_val bias, cnnc_layer_kind kind) {
    py_nn *m = weight->owner;
    const py_val *own_w = m ? py_attrs_find(&m->params, py_s(I, "weight")) : NULL;
    const py_val *own_b = m ? py_attrs_find(&m->params, py_s(I, "bias")) : NULL;
    const int own_has_bias = own_b && own_b->t == PV_TENSOR;
    if (!m || m->layer.kind != kind || !own_w || own_w->t != PV_TENSOR || pv_as_tensor(*own_w) != weight ||
        (bias.t == PV_TENSOR) != own_has_bias || (bias.t == PV_TENSOR && pv_as_tensor(bias) != pv_as_tensor(*own_b)))
        return NULL;
    return m;
}

/* F.conv2d with a weight that is no Conv2d's own: _convolution's checks on the
 * weight and bias (check_shape_forward's order: the input's rank first, then the
 * weight's, groups, channels, bias, kernel), then a functional Conv2d node over
 * (input, weight[, bias]). */
static int conv2d_computed(interp *I, py_val *b, py_val *out) {
    cnnc_layer_params p;
    memset(&p, 0, sizeof p);
    cnnc_conv2d_params *c = &p.conv;
    c->stride[0] = c->stride[1] = c->dilation[0] = c->dilation[1] = 1;
    c->groups = 1;
    if (b[2].t != PV_UNBOUND && b[2].t != PV_NONE && b[2].t != PV_TENSOR)
        return py_raise(I, "TypeError", "conv2d() received an invalid combination of arguments - got (Tensor, Tensor, %s)",
                        py_type_name(&b[2]));
    if (conv_call_args(I, b, c)) return -1;
    if (b[6].t != PV_UNBOUND) {
        if (b[6].t != PV_INT || b[6].big) return py_unsupported(I, "cnnc follows F.conv2d with an int groups");
        c->groups = b[6].u.i;
    }
    const cnnc_shape *x = &pv_as_tensor(b[0])->shape, *w = &pv_as_tensor(b[1])->shape;
    const cnnc_shape *bias = b[2].t == PV_TENSOR ? &pv_as_tensor(b[2])->shape : NULL;
    char ws[24 * CNNC_MAX_DIMS];
    cnnc_shape_format(w, ws, sizeof ws);
    if (x->ndim == 3 || x->ndim == 4) {   /* else the node's shape rule raises conv2d's rank error */
        if (weight_checks(I, w, ws, 2, c->stride, c->padding, NULL, c->groups) ||
            bias_check(I, x->d[x->ndim - 3], w, ws, bias, c->groups))
            return -1;
        c->out_channels = w->d[0];
        c->in_channels = w->d[1] * c->groups;
        c->kernel_size[0] = w->d[2];
        c->kernel_size[1] = w->d[3];
    }
    c->bias = bias != NULL;
    return py_trace_op(I, CNNC_CONV2D, &p, b, bias ? 3 : 2, NULL, "conv2d", out);
}

int torch_f_conv2d(ARGS) {
    UNUSED;
    py_val b[7];
    const py_sig *sig = py_sig_cached(I, "input, weight, bias=None, stride=1, padding=0, dilation=1, groups=1", -1);
    if (!sig || py_bind_sig_as(I, sig, "conv2d", 0, PY_BINDER_CPP_OVERLOADED, a, n, kw, kwv, n_kw, b)) return -1;
    if (b[0].t != PV_TENSOR || b[1].t != PV_TENSOR)
        return py_unsupported(I, "cnnc cannot follow conv2d of a %s", py_type_name(b[0].t != PV_TENSOR ? &b[0] : &b[1]));
    const py_tensor *w = pv_as_tensor(b[1]);
    py_nn *m = w->owner;
    if (!m || (m->layer.kind != CNNC_CONV2D) || py_attrs_find(&m->params, py_s(I, "weight")) == NULL ||
        pv_as_tensor(*py_attrs_find(&m->params, py_s(I, "weight"))) != w)
        return conv2d_computed(I, b, out);
    const py_val *own_bias = py_attrs_find(&m->params, py_s(I, "bias"));
    const int has_bias = own_bias && own_bias->t == PV_TENSOR;
    const int bias_given = b[2].t == PV_TENSOR;
    if (b[2].t != PV_UNBOUND && b[2].t != PV_NONE && !bias_given)
        return py_unsupported(I, "cnnc cannot follow conv2d with a bias of type %s", py_type_name(&b[2]));
    if (bias_given != has_bias || (bias_given && pv_as_tensor(b[2]) != pv_as_tensor(*own_bias)))
        return conv2d_computed(I, b, out);
    cnnc_layer_params p;
    memset(&p, 0, sizeof p);
    p.conv = m->layer.p.conv;
    p.conv.padding_mode = 0;   /* F.conv2d pads with zeros itself: a padding_mode is the module's forward's */
    p.conv.stride[0] = p.conv.stride[1] = 1;
    p.conv.dilation[0] = p.conv.dilation[1] = 1;
    p.conv.padding[0] = p.conv.padding[1] = 0;
    p.conv.pad_mode = CNNC_PAD_EXPLICIT;
    if (conv_call_args(I, b, &p.conv)) return -1;
    if (b[6].t != PV_UNBOUND && !(b[6].t == PV_INT && !b[6].big && b[6].u.i == m->layer.p.conv.groups))
        return py_unsupported(I, "cnnc cannot follow F.conv2d with groups other than its Conv2d's (%lld)",
                              (long long)m->layer.p.conv.groups);
    return py_trace_op(I, CNNC_CONV2D, &p, &b[0], 1, m, "conv2d", out);
}

/* F.conv1d(input, weight, bias, stride, padding, dilation, groups), stored as Conv1d is (a
 * convolution of height 1): with a Conv1d's own weight and bias, that module's node with the
 * call's arguments; with any other weight (octave and dynamic convolutions slice theirs),
 * a functional node over (input, weight[, bias]) whose sizes come from the weight, after
 * the weight and bias checks (the node's rule makes the input's rank and channel checks). */
int torch_f_conv1d(ARGS) {
    UNUSED;
    py_val b[7];
    const py_sig *sig = py_sig_cached(I, "input, weight, bias=None, stride=1, padding=0, dilation=1, groups=1", -1);
    if (!sig || py_bind_sig_as(I, sig, "conv1d", 0, PY_BINDER_CPP_OVERLOADED, a, n, kw, kwv, n_kw, b)) return -1;
    if (b[0].t != PV_TENSOR || b[1].t != PV_TENSOR || (b[2].t != PV_TENSOR && b[2].t != PV_NONE && b[2].t != PV_UNBOUND))
        return py_unsupported(I, "cnnc cannot follow conv1d of a %s", py_type_name(b[0].t != PV_TENSOR ? &b[0] : b[1].t != PV_TENSOR ? &b[1] : &b[2]));
    cnnc_layer_params p;
    memset(&p, 0, sizeof p);
    cnnc_conv2d_params *c = &p.conv;
    c->kernel_size[0] = c->stride[0] = c->dilation[0] = c->stride[1] = c->dilation[1] = 1;
    c->groups = 1;
    c->pad_mode = CNNC_PAD_EXPLICIT;
    if (b[3].t != PV_UNBOUND && single_of(I, b[3], "stride", &c->stride[1])) return -1;
    if (b[4].t == PV_STR) {
        if (padding_string(I, b[4], "conv1d", c->stride[1] != 1, &c->pad_mode)) return -1;
    } else if (b[4].t != PV_UNBOUND && single_of(I, b[4], "padding", &c->padding[1])) {
        return -1;
    }
    if (b[5].t != PV_UNBOUND && single_of(I, b[5], "dilation", &c->dilation[1])) return -1;
    if (b[6].t != PV_UNBOUND) {
        if (b[6].t != PV_INT || b[6].big) return py_unsupported(I, "cnnc follows F.conv1d with an int groups");
        c->groups = b[6].u.i;
    }
    const py_tensor *wt = pv_as_tensor(b[1]);
    const cnnc_shape *x = &pv_as_tensor(b[0])->shape, *w = &wt->shape;
    const cnnc_shape *bias = b[2].t == PV_TENSOR ? &pv_as_tensor(b[2])->shape : NULL;
    py_nn *m = own_module(I, wt, b[2], CNNC_CONV1D);
    if (m && c->groups == m->layer.p.conv.groups) {
        cnnc_conv2d_params call = *c;
        p.conv = m->layer.p.conv;
        p.conv.padding_mode = 0;   /* F.conv1d pads with zeros itself */
        p.conv.stride[1] = call.stride[1];
        p.conv.padding[1] = call.padding[1];
        p.conv.dilation[1] = call.dilation[1];
        p.conv.pad_mode = call.pad_mode;
        return py_trace_op(I, CNNC_CONV1D, &p, &b[0], 1, m, "conv1d", out);
    }
    char ws[24 * CNNC_MAX_DIMS];
    cnnc_shape_format(w, ws, sizeof ws);
    if (x->ndim == 2 || x->ndim == 3) {   /* else the node's shape rule raises conv1d's rank error */
        if (weight_checks(I, w, ws, 1, &c->stride[1], &c->padding[1], NULL, c->groups) ||
            bias_check(I, x->d[x->ndim - 2], w, ws, bias, c->groups))
            return -1;
        c->out_channels = w->d[0];
        c->in_channels = w->d[1] * c->groups;
        c->kernel_size[1] = w->d[2];
    }
    c->bias = bias != NULL;
    return py_trace_op(I, CNNC_CONV1D, &p, b, bias ? 3 : 2, NULL, "conv1d", out);
}

/* One of F.conv3d's stride, padding or dilation: an int, or a sequence of 3 ints; -1 raised. */
static int triple_of(interp *I, py_val v, const char *name, int64_t out[3]) {
    if (pv_is_int(v) && v.t != PV_BOOL && !v.big) {
        out[0] = out[1] = out[2] = v.u.i;
        return 0;
    }
    if ((v.t == PV_TUPLE || v.t == PV_LIST) && pv_as_seq(v)->n == 3) {
        for (int k = 0; k < 3; k++) {
            const py_val e = pv_as_seq(v)->v[k];
            if (!pv_is_int(e) || e.t == PV_BOOL || e.big) break;
            out[k] = e.u.i;
            if (k == 2) return 0;
        }
    }
    return py_unsupported(I, "cnnc cannot follow conv3d with %s=%s", name, py_type_name(&v));
}

/* F.conv3d(input, weight, bias, stride, padding, dilation, groups): as Conv3d, with a Conv3d's
 * own weight and bias that module's node with the call's arguments; with any other weight
 * (dynamic convolutions aggregate theirs), a functional node over (input, weight[, bias])
 * whose sizes come from the weight, after the weight and bias checks. Conv3d is check only. */
int torch_f_conv3d(ARGS) {
    UNUSED;
    py_val b[7];
    const py_sig *sig = py_sig_cached(I, "input, weight, bias=None, stride=1, padding=0, dilation=1, groups=1", -1);
    if (!sig || py_bind_sig_as(I, sig, "conv3d", 0, PY_BINDER_CPP_OVERLOADED, a, n, kw, kwv, n_kw, b)) return -1;
    if (b[0].t != PV_TENSOR || b[1].t != PV_TENSOR || (b[2].t != PV_TENSOR && b[2].t != PV_NONE && b[2].t != PV_UNBOUND))
        return py_unsupported(I, "cnnc cannot follow conv3d of a %s",
                              py_type_name(b[0].t != PV_TENSOR ? &b[0] : b[1].t != PV_TENSOR ? &b[1] : &b[2]));
    cnnc_layer_params p;
    memset(&p, 0, sizeof p);
    cnnc_vol3d_params *c = &p.vol;
    for (int k = 0; k < 3; k++) c->stride[k] = c->dilation[k] = 1;
    c->groups = 1;
    c->pad_mode = CNNC_PAD_EXPLICIT;
    if (b[3].t != PV_UNBOUND && triple_of(I, b[3], "stride", c->stride)) return -1;
    const int strided = c->stride[0] != 1 || c->stride[1] != 1 || c->stride[2] != 1;
    if (b[4].t == PV_STR) {
        if (padding_string(I, b[4], "conv3d", strided, &c->pad_mode)) return -1;
    } else if (b[4].t != PV_UNBOUND && triple_of(I, b[4], "padding", c->padding)) {
        return -1;
    }
    if (b[5].t != PV_UNBOUND && triple_of(I, b[5], "dilation", c->dilation)) return -1;
    if (b[6].t != PV_UNBOUND) {
        if (b[6].t != PV_INT || b[6].big) return py_unsupported(I, "cnnc follows F.conv3d with an int groups");
        c->groups = b[6].u.i;
    }
    const py_tensor *wt = pv_as_tensor(b[1]);
    const cnnc_shape *x = &pv_as_tensor(b[0])->shape, *w = &wt->shape;
    const cnnc_shape *bias = b[2].t == PV_TENSOR ? &pv_as_tensor(b[2])->shape : NULL;
    py_nn *m = own_module(I, wt, b[2], CNNC_CONV3D);
    if (m && c->groups == m->layer.p.vol.groups) {
        cnnc_vol3d_params call = *c;
        p.vol = m->layer.p.vol;
        memcpy(p.vol.stride, call.stride, sizeof call.stride);
        memcpy(p.vol.padding, call.padding, sizeof call.padding);
        memcpy(p.vol.dilation, call.dilation, sizeof call.dilation);
        p.vol.pad_mode = call.pad_mode;
        return py_trace_op(I, CNNC_CONV3D, &p, &b[0], 1, m, "conv3d", out);
    }
    char ws[24 * CNNC_MAX_DIMS];
    cnnc_shape_format(w, ws, sizeof ws);
    if (x->ndim == 4 || x->ndim == 5) {   /* else the node's shape rule raises conv3d's rank error */
        if (weight_checks(I, w, ws, 3, c->stride, c->padding, NULL, c->groups) ||
            bias_check(I, x->d[x->ndim - 4], w, ws, bias, c->groups))
            return -1;
        c->out_channels = w->d[0];
        c->in_channels = w->d[1] * c->groups;
        for (int k = 0; k < 3; k++) c->kernel[k] = w->d[2 + k];
    }
    c->bias = bias != NULL;
    return py_trace_op(I, CNNC_CONV3D, &p, b, bias ? 3 : 2, NULL, "conv3d", out);
}

/* F.conv_transpose2d(input, weight, bias, stride, padding, output_padding, groups,
 * dilation). With a ConvTranspose2d's own weight and bias (a subclass's forward) it
 * is that module's node with the call's arguments; with any other weight, a
 * functional node over (input, weight[, bias]) whose sizes come from the weight
 * ([in, out / groups, kH, kW]), after _convolution's checks on the weight and bias
 * in check_shape_forward's order (the node's rule makes the input's). */
int torch_f_conv_transpose2d(ARGS) {
    UNUSED;
    py_val b[8];
    const py_sig *sig =
        py_sig_cached(I, "input, weight, bias=None, stride=1, padding=0, output_padding=0, groups=1, dilation=1", -1);
    if (!sig || py_bind_sig_as(I, sig, "conv_transpose2d", 0, PY_BINDER_CPP, a, n, kw, kwv, n_kw, b)) return -1;
    static const char *const names[3] = {"input", "weight", "bias"};
    for (int k = 0; k < 3; k++)   /* one overload: the binder names the argument */
        if (b[k].t != PV_TENSOR && (k < 2 || (b[k].t != PV_NONE && b[k].t != PV_UNBOUND)))
            return py_raise(I, "TypeError", "conv_transpose2d(): argument '%s' (position %d) must be Tensor, not %s", names[k],
                            k + 1, py_type_name(&b[k]));
    const py_tensor *wt = pv_as_tensor(b[1]);
    const cnnc_shape *x = &pv_as_tensor(b[0])->shape, *w = &wt->shape;
    const cnnc_shape *bias = b[2].t == PV_TENSOR ? &pv_as_tensor(b[2])->shape : NULL;
    cnnc_layer_params p;
    memset(&p, 0, sizeof p);
    cnnc_convtranspose2d_params *c = &p.convt;
    c->stride[0] = c->stride[1] = c->dilation[0] = c->dilation[1] = 1;
    c->groups = 1;
    static const char *const fn = "conv_transpose2d";
    const struct { int at; const char *name; int64_t *out; } pairs[4] = {
        {3, "stride", c->stride}, {4, "padding", c->padding}, {5, "output_padding", c->output_padding}, {7, "dilation", c->dilation}};
    for (int k = 0; k < 4; k++)
        if (b[pairs[k].at].t != PV_UNBOUND && pair_of(I, b[pairs[k].at], fn, pairs[k].name, pairs[k].at + 1, pairs[k].out))
            return -1;
    if (b[6].t != PV_UNBOUND) {
        if (b[6].t != PV_INT || b[6].big) return py_unsupported(I, "cnnc follows F.conv_transpose2d with an int groups");
        c->groups = b[6].u.i;
    }
    py_nn *m = own_module(I, wt, b[2], CNNC_CONVTRANSPOSE2D);
    if (m && c->groups == m->layer.p.convt.groups) {
        cnnc_convtranspose2d_params call = *c;
        p.convt = m->layer.p.convt;
        memcpy(p.convt.stride, call.stride, sizeof call.stride);
        memcpy(p.convt.padding, call.padding, sizeof call.padding);
        memcpy(p.convt.output_padding, call.output_padding, sizeof call.output_padding);
        memcpy(p.convt.dilation, call.dilation, sizeof call.dilation);
        return py_trace_op(I, CNNC_CONVTRANSPOSE2D, &p, &b[0], 1, m, fn, out);
    }
    char ws[24 * CNNC_MAX_DIMS];
    cnnc_shape_format(w, ws, sizeof ws);
    if (x->ndim == 3 || x->ndim == 4) {   /* else the node's shape rule raises the rank error */
        if (weight_checks(I, w, ws, 2, c->stride, c->padding, c->output_padding, c->groups)) return -1;
        if (bias && x->d[x->ndim - 3] == w->d[0] && (bias->ndim != 1 || bias->d[0] != w->d[1] * c->groups)) {
            char bs[24 * CNNC_MAX_DIMS];
            cnnc_shape_format(bias, bs, sizeof bs);
            return torch_raise_shape(I, "RuntimeError",
                                     "Given transposed=1, weight of size %s, expected bias to be 1-dimensional with %lld "
                                     "elements, but got bias of size %s instead", ws, (long long)(w->d[1] * c->groups), bs);
        }
        c->in_channels = w->d[0];
        c->out_channels = w->d[1] * c->groups;
        c->kernel_size[0] = w->d[2];
        c->kernel_size[1] = w->d[3];
    }
    c->bias = bias != NULL;
    return py_trace_op(I, CNNC_CONVTRANSPOSE2D, &p, b, bias ? 3 : 2, NULL, fn, out);
}

/* F.linear(input, weight, bias=None) with any weight: at::linear's paths. A 2-d input
 * (or a contiguous 3-d one) with a bias is addmm, whose bias expands to the folded
 * [rows, out]; otherwise matmul(input, weight.t()) and an in-place add of the bias.
 * Then a functional Linear node over (input, weight[, bias]). */
int torch_f_linear(ARGS) {
    UNUSED;
    py_val b[3];
    const py_sig *sig = py_sig_cached(I, "input, weight, bias=None", -1);
    if (!sig || py_bind_sig_as(I, sig, "linear", 0, PY_BINDER_CPP, a, n, kw, kwv, n_kw, b)) return -1;
    static const char *const names[3] = {"input", "weight", "bias"};
    for (int k = 0; k < 3; k++)
        if (b[k].t != PV_TENSOR && (k < 2 || (b[k].t != PV_NONE && b[k].t != PV_UNBOUND)))
            return py_raise(I, "TypeError", "linear(): argument '%s' (position %d) must be Tensor, not %s", names[k], k + 1,
                            py_type_name(&b[k]));
    const py_tensor *xt = pv_as_tensor(b[0]);
    const cnnc_shape *x = &xt->shape, *w = &pv_as_tensor(b[1])->shape;
    const cnnc_shape *bias = b[2].t == PV_TENSOR ? &pv_as_tensor(b[2])->shape : NULL;
    if (w->ndim > 2) return torch_raise_shape(I, "RuntimeError", "t() expects a tensor with <= 2 dimensions, but self is %dD", (int)w->ndim);
    if (x->ndim == 0 || w->ndim == 0)
        return torch_raise_shape(I, "RuntimeError", "both arguments to matmul need to be at least 1D, but they are %dD and %dD",
                                 (int)x->ndim, (int)w->ndim);
    if (w->ndim != 2) return py_unsupported(I, "cnnc follows F.linear with a 2-d weight, not %d-d", (int)w->ndim);
    cnnc_layer_params p;
    memset(&p, 0, sizeof p);
    p.linear.in_features = w->d[1];
    p.linear.out_features = w->d[0];
    p.linear.bias = bias != NULL;
    const int64_t K = x->d[x->ndim - 1], N = w->d[0];
    if (bias && K == w->d[1]) {
        int64_t rows = 1;
        for (int32_t k = 0; k + 1 < x->ndim; k++) rows *= x->d[k];
        char bs[24 * CNNC_MAX_DIMS];
        cnnc_shape_format(bias, bs, sizeof bs);
        if (x->ndim == 2 || (x->ndim == 3 && !xt->strided)) {   /* addmm: the bias expands to [rows, N] */
            if (bias->ndim > 2)
                return torch_raise_shape(I, "RuntimeError",
                                         "expand(torch.FloatTensor{%s}, size=[%lld, %lld]): the number of sizes provided (2) "
                                         "must be greater or equal to the number of dimensions in the tensor (%d)",
                                         bs, (long long)rows, (long long)N, (int)bias->ndim);
            const int64_t target[2] = {rows, N};
            for (int32_t k = 0; k < bias->ndim; k++) {
                const int32_t td = 2 - bias->ndim + k;
                if (bias->d[k] != 1 && bias->d[k] != target[td])
                    return torch_raise_shape(I, "RuntimeError",
                                             "The expanded size of the tensor (%lld) must match the existing size (%lld) at "
                                             "non-singleton dimension %d.  Target sizes: [%lld, %lld].  Tensor sizes: %s",
                                             (long long)target[td], (long long)bias->d[k], (int)td, (long long)rows, (long long)N, bs);
            }
        } else {   /* output.add_(bias): the bias broadcasts into the output's shape */
            cnnc_shape o = *x;
            o.d[o.ndim - 1] = N;
            for (int32_t k = 0; k < bias->ndim && k < o.ndim; k++) {
                const int64_t bd = bias->d[bias->ndim - 1 - k], od = o.d[o.ndim - 1 - k];
                if (bd != od && bd != 1 && od != 1)
                    return torch_raise_shape(I, "RuntimeError",
                                             "The size of tensor a (%lld) must match the size of tensor b (%lld) at "
                                             "non-singleton dimension %d", (long long)od, (long long)bd, (int)(o.ndim - 1 - k));
            }
            int grows = bias->ndim > o.ndim;
            for (int32_t k = 0; k < bias->ndim && k < o.ndim && !grows; k++)
                grows = o.d[o.ndim - 1 - k] == 1 && bias->d[bias->ndim - 1 - k] != 1;
            if (grows) return py_unsupported(I, "cnnc cannot follow F.linear with a bias that broadcasts past the output");
        }
    }
    return py_trace_op(I, CNNC_LINEAR, &p, b, bias ? 3 : 2, NULL, "linear", out);
}

/* F.batch_norm on statistics and affine parameters of no batch norm module (AdaIN's,
 * a conditional batch norm's, MAML's functional nets): F.batch_norm's and
 * torch.batch_norm's checks in their order; the result has the input's shape and is
 * check only (the values come from tensors the graph does not hold). */
static int foreign_batch_norm(interp *I, const py_val *b, py_val *out) {
    const cnnc_shape *x = &pv_as_tensor(b[0])->shape;
    if (x->ndim < 2) return py_unsupported(I, "cnnc follows F.batch_norm on an input of at least 2 dims");
    for (int k = 1; k <= 4; k++)
        if (b[k].t != PV_TENSOR && b[k].t != PV_NONE && b[k].t != PV_UNBOUND)
            return py_unsupported(I, "cnnc cannot follow F.batch_norm with a %s as a statistic or parameter", py_type_name(&b[k]));
    int training = 0;
    if (b[5].t != PV_UNBOUND && py_truthy(I, b[5], &training)) return -1;
    if (training) {   /* F.batch_norm's _verify_batch_size */
        int64_t per_channel = x->d[0];
        for (int32_t k = 2; k < x->ndim; k++) per_channel *= x->d[k];
        if (per_channel == 1) {
            char s[24 * CNNC_MAX_DIMS];
            cnnc_shape_format(x, s, sizeof s);
            return py_raise(I, "ValueError", "Expected more than 1 value per channel when training, got input size torch.Size(%s)", s);
        }
    }
    static const char *const names[4] = {"running_mean", "running_var", "weight", "bias"};
    for (int k = 0; k < 4; k++) {
        if (b[k + 1].t != PV_TENSOR) {
            if (k < 2 && !training) return torch_raise_shape(I, "RuntimeError", "%s must be defined in evaluation mode", names[k]);
            continue;
        }
        const cnnc_shape *t = &pv_as_tensor(b[k + 1])->shape;
        if (t->ndim != 1) return py_unsupported(I, "cnnc follows F.batch_norm with a 1-d %s", names[k]);
        if (t->d[0] != x->d[1])
            return torch_raise_shape(I, "RuntimeError", "%s should contain %lld elements not %lld", names[k], (long long)x->d[1],
                                     (long long)t->d[0]);
    }
    cnnc_layer_params p;
    memset(&p, 0, sizeof p);
    if (py_trace_op(I, CNNC_IDENTITY, &p, &b[0], 1, NULL, "batch_norm", out)) return -1;
    if (I->tracing) MARK_CONST_OPERAND(I);   /* normalised by statistics the graph does not hold */
    return 0;
}

/* F.batch_norm(input, running_mean, running_var, weight, bias, training, momentum, eps)
 * with a batch norm module's own statistics and affine parameters (the _BatchNorm
 * subclasses users write, V-Net's ContBatchNorm3d): a node of that module, of the
 * BatchNorm kind for the input's rank, whose checks are F.batch_norm's. */
int torch_f_batch_norm(ARGS) {
    UNUSED;
    py_val b[8];
    const py_sig *sig = py_sig_cached(
        I, "input, running_mean, running_var, weight=None, bias=None, training=False, momentum=0.1, eps=1e-05", -1);
    if (!sig || py_bind_sig_as(I, sig, "batch_norm", 0, PY_BINDER_PYTHON, a, n, kw, kwv, n_kw, b)) return -1;
    if (b[0].t != PV_TENSOR) return py_unsupported(I, "cnnc cannot follow batch_norm of a %s", py_type_name(&b[0]));
    py_nn *m = NULL;
    for (int k = 1; k <= 4 && !m; k++)
        if (b[k].t == PV_TENSOR) m = pv_as_tensor(b[k])->owner;
    const cnnc_layer_kind mk = m ? m->layer.kind : CNNC_LAYER_KIND_COUNT;
    if (!m || (mk != CNNC_BATCHNORM1D && mk != CNNC_BATCHNORM2D && mk != CNNC_BATCHNORM3D)) return foreign_batch_norm(I, b, out);
    static const char *const names[4] = {"running_mean", "running_var", "weight", "bias"};
    for (int k = 0; k < 4; k++) {
        const py_val *own = py_attrs_find(k < 2 ? &m->buffers : &m->params, py_s(I, names[k]));
        const int has = own && own->t == PV_TENSOR, given = b[k + 1].t == PV_TENSOR;
        if (has != given || (given && pv_as_tensor(b[k + 1]) != pv_as_tensor(*own)))
            return py_unsupported(I, "cnnc cannot follow F.batch_norm with a %s that is not its module's own", names[k]);
    }
    int training = 0;
    if (b[5].t != PV_UNBOUND && py_truthy(I, b[5], &training)) return -1;
    if (training != m->training)
        return py_unsupported(I, "cnnc follows F.batch_norm with training equal to its module's mode (%s)",
                              m->training ? "True" : "False");
    cnnc_layer_params p = m->layer.p;
    if (pv_is_num(b[6])) p.bn.momentum = b[6].t == PV_FLOAT ? b[6].u.f : (double)b[6].u.i;
    if (pv_is_num(b[7])) p.bn.eps = b[7].t == PV_FLOAT ? b[7].u.f : (double)b[7].u.i;
    const int32_t nd = pv_as_tensor(b[0])->shape.ndim;
    const cnnc_layer_kind kind = nd == 2 || nd == 3 ? CNNC_BATCHNORM1D : nd == 4 ? CNNC_BATCHNORM2D : nd == 5 ? CNNC_BATCHNORM3D
                                                                                                   : CNNC_LAYER_KIND_COUNT;
    if (kind == CNNC_LAYER_KIND_COUNT) return py_unsupported(I, "cnnc follows F.batch_norm on 2-d to 5-d input, not %d-d", (int)nd);
    return py_trace_op(I, kind, &p, &b[0], 1, m, "batch_norm", out);
}
