/* torch_finite.c — torch.isnan / isinf / isfinite and torch.any / all of their masks, as model
 * code guards against bad values (`if torch.any(torch.isnan(x)): ...`). cnnc follows values
 * only where it knows them: a tensor made from the model's input (torch.rand's, finite) by
 * layers that keep finite values finite (convolutions, linear maps, pools, norms with their
 * eps, sums and differences, views, activations that saturate) holds no NaN and no inf, so
 * its isnan mask is all False and a branch on any() of it is decided. A division, a log,
 * a square root, an exp or anything else cnnc does not list leaves the value unknown, and a
 * branch on it is refused as before. */
#include "py/torch_internal.h"

#include <string.h>

/* the layer kinds whose outputs are finite where their inputs and parameters are */
static int keeps_finite(cnnc_layer_kind k) {
    static const cnnc_layer_kind kinds[] = {
        CNNC_CONV2D, CNNC_MAXPOOL2D, CNNC_AVGPOOL2D, CNNC_RELU, CNNC_FLATTEN, CNNC_LINEAR, CNNC_DROPOUT, CNNC_BATCHNORM2D,
        CNNC_SIGMOID, CNNC_TANH, CNNC_RELU6, CNNC_HARDTANH, CNNC_ELU, CNNC_GELU, CNNC_SILU, CNNC_SOFTMAX, CNNC_IDENTITY,
        CNNC_DROPOUT2D, CNNC_ADAPTIVEAVGPOOL2D, CNNC_ADAPTIVEMAXPOOL2D, CNNC_UPSAMPLE, CNNC_UPSAMPLINGNEAREST2D,
        CNNC_UPSAMPLINGBILINEAR2D, CNNC_INTERPOLATE, CNNC_ZEROPAD2D, CNNC_CONSTANTPAD2D, CNNC_REFLECTIONPAD2D,
        CNNC_REPLICATIONPAD2D, CNNC_PAD, CNNC_UNFLATTEN, CNNC_CONVTRANSPOSE2D, CNNC_BATCHNORM1D, CNNC_INSTANCENORM2D,
        CNNC_LAYERNORM, CNNC_GROUPNORM, CNNC_ADD, CNNC_SUB, CNNC_CAT, CNNC_MEAN, CNNC_SUM, CNNC_NARROW, CNNC_PERMUTE,
        CNNC_TRANSPOSE, CNNC_LEAKYRELU, CNNC_HARDSWISH, CNNC_HARDSIGMOID, CNNC_PRELU, CNNC_PIXELSHUFFLE,
        CNNC_PIXELUNSHUFFLE, CNNC_MISH, CNNC_EXPAND, CNNC_EXPAND_AS, CNNC_DROPOUT1D,
    };
    for (size_t j = 0; j < sizeof kinds / sizeof kinds[0]; j++)
        if (kinds[j] == k) return 1;
    return 0;
}

/* every value of node `node`'s output is finite (depth-bounded walk back to the inputs) */
static int node_finite(const interp *I, int32_t node, int depth) {
    if (node < 0) return node != TENSOR_CONST;   /* a model input: torch.rand's values */
    if (node >= I->g.n || depth > 256) return 0;
    const cnnc_layer *L = &I->g.nodes[node];
    if (!keeps_finite(L->kind)) return 0;
    for (int32_t k = 0; k < L->n_in; k++)
        if (!node_finite(I, I->g.edges[L->in_first + k], depth + 1)) return 0;
    return 1;
}

static int known_finite(const interp *I, const py_tensor *t) {
    if (t->is_param) return 1;   /* a layer's own weights and buffers, as initialised */
    return t->node != TENSOR_CONST && node_finite(I, t->node, 0);
}

/* torch.isnan(x), x.isinf(), torch.isfinite(x) ...: a bool mask of x's shape, known where x is
 * known finite (all False; isfinite's all True) */
int torch_isnan_like(ARGS) {
    UNUSED;
    const char *fn = I->callee->name;
    const py_val x = self.t == PV_TENSOR ? self : n > 0 ? a[0] : pv_unbound();
    if (x.t != PV_TENSOR || n - (self.t != PV_TENSOR) != 0 || n_kw)
        return x.t == PV_TENSOR || n == 0
                   ? py_unsupported(I, "cnnc cannot follow this call of %s()", fn)
                   : py_raise(I, "TypeError", "%s(): argument 'input' (position 1) must be Tensor, not %s", fn, py_type_name(&x));
    const py_tensor *t = pv_as_tensor(x);
    *out = pv_tensor(I, &t->shape, TENSOR_CONST);
    if (out->t == PV_UNBOUND) return py_nomem(I);
    py_tensor *m = pv_as_tensor(*out);
    m->is_mask = 1;
    if (known_finite(I, t)) m->mask_known = !strcmp(fn, "isfinite") ? 1 : -1;
    return 0;
}

/* torch.any(mask), mask.all(): a one-element bool whose value is known where the mask's is */
int torch_any_all(ARGS) {
    UNUSED;
    const char *fn = I->callee->name;
    const py_val x = self.t == PV_TENSOR ? self : n > 0 ? a[0] : pv_unbound();
    if (x.t != PV_TENSOR || n - (self.t != PV_TENSOR) != 0 || n_kw)
        return py_unsupported(I, "cnnc cannot follow this call of %s() (it follows %s() of a whole mask)", fn, fn);
    const py_tensor *t = pv_as_tensor(x);
    const cnnc_shape scalar = {.ndim = 0};
    *out = pv_tensor(I, &scalar, TENSOR_CONST);
    if (out->t == PV_UNBOUND) return py_nomem(I);
    py_tensor *r = pv_as_tensor(*out);
    r->is_mask = 1;
    if (t->is_mask && t->mask_known) {
        /* any() of all False is False, of all True True (an empty mask: any False, all True) */
        const int empty = cnnc_shape_numel(&t->shape) == 0;
        const int v = !strcmp(fn, "any") ? (!empty && t->mask_known > 0) : (empty || t->mask_known > 0);
        r->value_kind = PV_BOOL;
        r->value = v;
        r->mask_known = v ? 1 : -1;
    }
    return 0;
}
