/* torch_loss.c — F.mse_loss and F.l1_loss, as model code computes a loss inside forward
 * (a VQ-VAE's commitment loss, a reconstruction term): PyTorch's own steps,
 * broadcast_tensors, the elementwise term, then the reduction, made of the registry's
 * sub, pow or abs, and mean or sum nodes (torch/nn/functional.py, 1.13). */
#include "py/torch_internal.h"

#include <string.h>

static const char loss_signature[] = "input, target, size_average=None, reduce=None, reduction='mean'";

static int call_kind(interp *I, const char *kind, const py_val *args, int32_t n, py_val *out) {
    const cnnc_layer_def *def = cnnc_layer_def_find(kind, strlen(kind));
    if (!def || !def->functional) return py_unsupported(I, "cnnc cannot follow %s here", kind);
    return torch_call_functional(I, def, "", args, n, NULL, NULL, 0, out);
}

/* F.mse_loss(input, target, size_average=None, reduce=None, reduction='mean'), F.l1_loss(...) */
int torch_f_loss(ARGS) {
    UNUSED;
    const char *fn = I->callee->name;
    const int squared = !strcmp(fn, "mse_loss");
    const py_sig *sig = py_sig_cached(I, loss_signature, -1);
    if (!sig) return -1;
    py_val v[5];
    if (py_bind_sig(I, sig, fn, 0, a, n, kw, kwv, n_kw, v)) return -1;
    for (int k = 2; k < 5; k++)
        if (v[k].t == PV_UNBOUND) v[k] = k < 4 ? pv_none() : pv_unbound();
    if (v[0].t != PV_TENSOR) return py_raise(I, "AttributeError", "'%s' object has no attribute 'size'", py_type_name(&v[0]));
    if (v[1].t != PV_TENSOR) return py_raise(I, "AttributeError", "'%s' object has no attribute 'size'", py_type_name(&v[1]));
    if (v[2].t != PV_NONE || v[3].t != PV_NONE)
        return py_unsupported(I, "cnnc cannot follow %s() with size_average or reduce (deprecated; use reduction=)", fn);
    const char *reduction = v[4].t == PV_UNBOUND ? "mean" : v[4].t == PV_STR ? pv_as_str(v[4])->s : NULL;
    if (!reduction) return py_unsupported(I, "cnnc cannot follow %s() with a %s reduction", fn, py_type_name(&v[4]));
    py_val diff, term;
    const py_val both[2] = {v[0], v[1]};
    if (call_kind(I, "sub", both, 2, &diff)) return -1;   /* broadcast_tensors' error is sub's */
    if (strcmp(reduction, "mean") && strcmp(reduction, "sum") && strcmp(reduction, "none"))
        return py_raise(I, "ValueError", "%s is not a valid value for reduction", reduction);
    if (squared) {
        const py_val sq[2] = {diff, pv_int(2)};
        if (call_kind(I, "pow", sq, 2, &term)) return -1;
    } else if (call_kind(I, "abs", &diff, 1, &term)) {
        return -1;
    }
    if (!strcmp(reduction, "none")) { *out = term; return 0; }
    return call_kind(I, reduction, &term, 1, out);
}
