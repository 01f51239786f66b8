/* nn_utils.c — torch.nn.utils: spectral_norm (also torch.nn.utils.parametrizations') and weight_norm,
 * as PyTorch 1.13 applies it: the module is returned with its weight reparametrised,
 * which changes no shape; its nodes are marked so that the engines refuse to train it
 * (the power iteration and weight_orig / sigma are not run), while check and summary
 * follow it. Gradient clipping is a no-op for shapes. */
#include "py/torch_internal.h"

#include <string.h>

/* spectral_norm(module, name='weight', n_power_iterations=1, eps=1e-12, dim=None) */
static int spectral_norm(ARGS) {
    UNUSED;
    py_val b[5];
    const py_sig *sig = py_sig_cached(I, "module, name='weight', n_power_iterations=1, eps=1e-12, dim=None", -1);
    if (!sig || py_bind_sig(I, sig, "spectral_norm", 0, a, n, kw, kwv, n_kw, b)) return -1;
    if (b[0].t != PV_OBJ || !pv_as_obj(b[0])->nn)
        return py_unsupported(I, "cnnc cannot follow spectral_norm of a %s", py_type_name(&b[0]));
    py_obj *o = pv_as_obj(b[0]);
    const char *name = "weight";
    if (b[1].t != PV_UNBOUND) {
        if (b[1].t != PV_STR) return py_unsupported(I, "cnnc cannot follow spectral_norm with a name of type %s", py_type_name(&b[1]));
        name = pv_as_str(b[1])->s;
    }
    if (strcmp(name, "weight")) return py_unsupported(I, "cnnc cannot follow spectral_norm of a parameter other than weight");
    /* SpectralNorm.apply: a second hook on the parameter, then SpectralNorm(), then the parameter */
    if (o->nn->spectral_norm)
        return py_raise(I, "RuntimeError", "Cannot register two spectral_norm hooks on the same parameter weight");
    if (b[2].t != PV_UNBOUND) {
        if (!pv_is_int(b[2])) return py_unsupported(I, "cnnc cannot follow spectral_norm with n_power_iterations of type %s", py_type_name(&b[2]));
        if (b[2].u.i <= 0)
            return py_raise(I, "ValueError", "Expected n_power_iterations to be positive, but got n_power_iterations=%lld",
                            (long long)b[2].u.i);
    }
    const py_val *w = py_attrs_find(&o->nn->params, I->s_weight);
    if (!w) return py_raise(I, "KeyError", "'weight'");
    if (w->t != PV_TENSOR) return py_unsupported(I, "cnnc cannot follow spectral_norm of a weight that is None");
    const cnnc_layer_def *def = NULL;
    for (py_class *c = o->cls; c && !def; c = c->n_bases ? c->bases[0] : NULL) def = c->layer;
    if (!def) return py_unsupported(I, "cnnc cannot follow spectral_norm of a %s (it follows it on a layer module)", o->cls->name);
    /* apply() reshapes the weight to [height, -1] at once (height: its dim, 1 for a transposed conv) */
    const cnnc_shape *ws = &pv_as_tensor(*w)->shape;
    int64_t sdim = def->kind == CNNC_CONVTRANSPOSE1D || def->kind == CNNC_CONVTRANSPOSE2D || def->kind == CNNC_CONVTRANSPOSE3D;
    if (b[4].t != PV_UNBOUND && b[4].t != PV_NONE) {
        if (!pv_is_int(b[4])) return py_unsupported(I, "cnnc cannot follow spectral_norm with a dim of type %s", py_type_name(&b[4]));
        sdim = b[4].u.i < 0 ? b[4].u.i + ws->ndim : b[4].u.i;
        if (sdim < 0 || sdim >= ws->ndim) return py_unsupported(I, "cnnc cannot follow spectral_norm with dim %lld", (long long)b[4].u.i);
    }
    if (cnnc_shape_numel(ws) == 0 && ws->ndim > 0)
        return torch_raise_shape(I, "RuntimeError", "cannot reshape tensor of 0 elements into shape [%lld, -1] because the "
                                 "unspecified dimension size -1 can be any value and is ambiguous", (long long)ws->d[sdim]);
    o->nn->spectral_norm = 1;
    *out = b[0];
    return 0;
}

/* weight_norm(module, name='weight', dim=0): WeightNorm.apply's checks (a second hook,
 * getattr of the parameter, norm_except_dim's dim); the weight becomes weight_g * weight_v /
 * ||weight_v|| of the same shape. */
static int weight_norm(ARGS) {
    UNUSED;
    py_val b[3];
    const py_sig *sig = py_sig_cached(I, "module, name='weight', dim=0", -1);
    if (!sig || py_bind_sig(I, sig, "weight_norm", 0, a, n, kw, kwv, n_kw, b)) return -1;
    if (b[0].t != PV_OBJ || !pv_as_obj(b[0])->nn)
        return py_unsupported(I, "cnnc cannot follow weight_norm of a %s", py_type_name(&b[0]));
    py_obj *o = pv_as_obj(b[0]);
    if (b[1].t != PV_UNBOUND && !(b[1].t == PV_STR && !strcmp(pv_as_str(b[1])->s, "weight")))
        return py_unsupported(I, "cnnc cannot follow weight_norm of a parameter other than weight");
    if (o->nn->weight_norm) return py_raise(I, "RuntimeError", "Cannot register two weight_norm hooks on the same parameter weight");
    py_val w;
    if (py_getattr(I, b[0], I->s_weight, &w)) return -1;   /* AttributeError for a module without one */
    if (w.t != PV_TENSOR) return py_unsupported(I, "cnnc cannot follow weight_norm of a weight of type %s", py_type_name(&w));
    const cnnc_layer_def *def = NULL;
    for (py_class *c = o->cls; c && !def; c = c->n_bases ? c->bases[0] : NULL) def = c->layer;
    if (!def) return py_unsupported(I, "cnnc cannot follow weight_norm of a %s (it follows it on a layer module)", o->cls->name);
    const cnnc_shape ws = pv_as_tensor(w)->shape;
    int64_t d = 0;   /* dim=None is -1 */
    if (b[2].t == PV_NONE) d = -1;
    else if (b[2].t != PV_UNBOUND) {
        if (!pv_is_int(b[2])) return py_unsupported(I, "cnnc cannot follow weight_norm with dim of type %s", py_type_name(&b[2]));
        const int64_t nd = ws.ndim;
        d = b[2].u.i;
        /* norm_except_dim: -1 is the whole tensor, 0 and ndim - 1 direct, others through transpose(0, dim) */
        if (d != -1 && (d < -nd || d >= nd))
            return py_raise(I, "IndexError", "Dimension out of range (expected to be in range of [%lld, %lld], but got %lld)",
                            (long long)-nd, (long long)(nd - 1), (long long)d);
        if (d < -1) d += nd;
    }
    /* the parameters it adds: weight_g, the norm kept along dim (a 0-d one for dim=-1), and weight_v, the
     * weight's direction (its shape). weight stays where cnnc's layer reads it; the engines refuse to train it. */
    cnnc_shape gs = {0, {0}};
    if (d != -1) {
        gs.ndim = ws.ndim;
        for (int32_t k = 0; k < ws.ndim; k++) gs.d[k] = k == d ? ws.d[k] : 1;
    }
    py_val g = pv_tensor(I, &gs, TENSOR_CONST), v = pv_tensor(I, &ws, TENSOR_CONST);
    if (g.t == PV_UNBOUND || v.t == PV_UNBOUND) return py_nomem(I);
    pv_as_tensor(g)->is_param = pv_as_tensor(v)->is_param = 1;
    if (py_attrs_set(I, &o->nn->params, py_s(I, "weight_g"), g) || py_attrs_set(I, &o->nn->params, py_s(I, "weight_v"), v)) return -1;
    o->nn->weight_norm = 1;
    *out = b[0];
    return 0;
}

/* clip_grad_norm_(parameters, max_norm, ...) and clip_grad_value_: gradients, not shapes. */
static int clip_grad(ARGS) {
    UNUSED;
    (void)a; (void)n; (void)out;
    return py_unsupported(I, "cnnc cannot follow %s in a model (it acts on gradients; cnnc train has --clip-grad-norm)",
                          I->callee->name);
}

int py_nn_utils_init(interp *I) {
    if (!(I->m_nn_utilities = py_module_new(I, "torch.nn.utils"))) return py_nomem(I);
    static const struct { const char *name; py_native fn; } fns[] = {
        {"spectral_norm", spectral_norm}, {"weight_norm", weight_norm}, {"clip_grad_norm_", clip_grad},
        {"clip_grad_value_", clip_grad},
    };
    for (size_t k = 0; k < sizeof fns / sizeof fns[0]; k++) {
        py_val v = pv_builtin(I, fns[k].name, fns[k].fn, pv_unbound(), NULL, 0);
        if (v.t == PV_UNBOUND || py_module_set(I, I->m_nn_utilities, fns[k].name, v)) return py_nomem(I);
    }
    /* nn.utils.parametrizations.spectral_norm: the same, for shapes */
    return py_module_set(I, I->m_nn_utilities, "parametrizations", pv_ptr(PV_MODULE, I->m_nn_utilities)) ||
           py_module_set(I, I->m_nn, "utils", pv_ptr(PV_MODULE, I->m_nn_utilities));
}
