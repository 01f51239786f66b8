/* torch_conv.c — F.conv2d and F.batch_norm with a module's own parameters.
 * F.conv2d(input, weight, bias, stride, padding, dilation,
 * groups) where the weight is a Conv2d module's own parameter, as the "same
 * padding" subclasses of nn.Conv2d call it from their forward
 * (F.conv2d(x, self.weight, self.bias, self.stride, ...)): a node of that
 * module with the call's stride, padding and dilation. A weight that is not a
 * Conv2d's (a tensor built in forward, another module's) is refused: its
 * parameters would have no module to live in. */
#include "py/torch_internal.h"
#include "layers/layer_util.h"

#include <string.h>

/* A pair argument of conv2d as ATen binds it (cnnc_pair_arg's words); an error becomes Python's. */
static int pair_of(interp *I, py_val v, const char *name, int position, int64_t out[2]) {
    cnnc_arg arg;
    if (py_to_arg(I, v, I->line, I->col, &arg)) return -1;
    cnnc_error e;
    cnnc_error_clear(&e);
    if (cnnc_pair_arg(&arg, "conv2d", name, position, out, &e) == CNNC_OK) return 0;
    py_raise(I, e.type[0] ? e.type : "TypeError", "%s", e.message);
    I->ex.status = e.status == CNNC_ERR_UNSUPPORTED ? e.status : CNNC_ERR_PARSE;
    return -1;
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
        return py_unsupported(I, "cnnc cannot follow F.conv2d with a weight that is not a Conv2d module's own (it "
                                 "follows F.conv2d(x, self.weight, self.bias, ...) in a subclass of nn.Conv2d)");
    const py_val *own_bias = py_attrs_find(&m->params, py_s(I, "bias"));
    const int has_bias = own_bias && own_bias->t == PV_TENSOR;
    const int bias_given = b[2].t == PV_TENSOR;
    if (b[2].t != PV_UNBOUND && b[2].t != PV_NONE && !bias_given)
        return py_unsupported(I, "cnnc cannot follow conv2d with a bias of type %s", py_type_name(&b[2]));
    if (bias_given != has_bias || (bias_given && pv_as_tensor(b[2]) != pv_as_tensor(*own_bias)))
        return py_unsupported(I, "cnnc cannot follow F.conv2d with a bias that is not its Conv2d's own");
    cnnc_layer_params p;
    memset(&p, 0, sizeof p);
    p.conv = m->layer.p.conv;
    p.conv.padding_mode = 0;   /* F.conv2d pads with zeros itself: a padding_mode is the module's forward's */
    p.conv.stride[0] = p.conv.stride[1] = 1;
    p.conv.dilation[0] = p.conv.dilation[1] = 1;
    p.conv.padding[0] = p.conv.padding[1] = 0;
    p.conv.pad_mode = CNNC_PAD_EXPLICIT;
    if (b[3].t != PV_UNBOUND && pair_of(I, b[3], "stride", 4, p.conv.stride)) return -1;
    if (b[4].t == PV_STR) {
        const py_str *s = pv_as_str(b[4]);
        if (s->len == 4 && !memcmp(s->s, "same", 4)) p.conv.pad_mode = CNNC_PAD_SAME;
        else if (s->len == 5 && !memcmp(s->s, "valid", 5)) p.conv.pad_mode = CNNC_PAD_VALID;
        else return py_unsupported(I, "cnnc cannot follow conv2d with padding='%.*s'", (int)(s->len < 20 ? s->len : 20), s->s);
        if (p.conv.pad_mode == CNNC_PAD_SAME && (p.conv.stride[0] != 1 || p.conv.stride[1] != 1))
            return torch_raise_shape(I, "RuntimeError", "padding='same' is not supported for strided convolutions");
    } else if (b[4].t != PV_UNBOUND && pair_of(I, b[4], "padding", 5, p.conv.padding)) {
        return -1;
    }
    if (b[5].t != PV_UNBOUND && pair_of(I, b[5], "dilation", 6, p.conv.dilation)) return -1;
    if (b[6].t != PV_UNBOUND && !(b[6].t == PV_INT && !b[6].big && b[6].u.i == m->layer.p.conv.groups))
        return py_unsupported(I, "cnnc cannot follow F.conv2d with groups other than its Conv2d's (%lld)",
                              (long long)m->layer.p.conv.groups);
    return py_trace_op(I, CNNC_CONV2D, &p, &b[0], 1, m, "conv2d", out);
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
    if (!m || (mk != CNNC_BATCHNORM1D && mk != CNNC_BATCHNORM2D && mk != CNNC_BATCHNORM3D))
        return py_unsupported(I, "cnnc cannot follow F.batch_norm with statistics that are not a batch norm module's own (it "
                                 "follows F.batch_norm(x, self.running_mean, self.running_var, self.weight, self.bias, ...))");
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
