/* nn_utils.c — torch.nn.utils: spectral_norm (also torch.nn.utils.parametrizations'),
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
    o->nn->spectral_norm = 1;
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
        {"spectral_norm", spectral_norm}, {"clip_grad_norm_", clip_grad}, {"clip_grad_value_", clip_grad},
    };
    for (size_t k = 0; k < sizeof fns / sizeof fns[0]; k++) {
        py_val v = pv_builtin(I, fns[k].name, fns[k].fn, pv_unbound(), NULL, 0);
        if (v.t == PV_UNBOUND || py_module_set(I, I->m_nn_utilities, fns[k].name, v)) return py_nomem(I);
    }
    /* nn.utils.parametrizations.spectral_norm: the same, for shapes */
    return py_module_set(I, I->m_nn_utilities, "parametrizations", pv_ptr(PV_MODULE, I->m_nn_utilities)) ||
           py_module_set(I, I->m_nn, "utils", pv_ptr(PV_MODULE, I->m_nn_utilities));
}
