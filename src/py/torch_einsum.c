/* torch_einsum.c — torch.einsum(equation, *operands) as torch/functional.py binds it
 * (operands given one by one or as one list or tuple), traced onto the einsum kind,
 * whose shape rule holds at::einsum's checks. The sublist form einsum(a, [0, 1], ...)
 * is refused. */
#include "py/torch_internal.h"

#include <string.h>

int torch_einsum(ARGS) {
    (void)self; (void)kwv;
    if (n_kw) return py_raise(I, "TypeError", "einsum() got an unexpected keyword argument '%s'", py_sym_name(I->syms, kw[0]));
    if (n < 2)
        return py_raise(I, "ValueError", "einsum(): must specify the equation string and at least one operand, or at least one "
                                         "operand and its subscripts list");
    if (a[0].t == PV_TENSOR) return py_unsupported(I, "cnnc cannot follow einsum's sublist form (operand, [subscripts], ...)");
    const py_val *ops = a + 1;
    int32_t n_ops = n - 1;
    if (n_ops == 1 && (ops[0].t == PV_LIST || ops[0].t == PV_TUPLE)) {
        n_ops = pv_as_seq(ops[0])->n;
        ops = pv_as_seq(ops[0])->v;
    }
    if (a[0].t != PV_STR)
        return py_raise(I, "TypeError", "einsum(): argument 'equation' (position 1) must be str, not %s", py_type_name(&a[0]));
    for (int32_t k = 0; k < n_ops; k++)
        if (ops[k].t != PV_TENSOR)
            return py_raise(I, "TypeError", "expected Tensor as element %d in argument 1, but got %s", (int)k, py_type_name(&ops[k]));
    cnnc_layer_params p;
    memset(&p, 0, sizeof p);
    const py_str *eq = pv_as_str(a[0]);
    if ((size_t)eq->len >= sizeof p.einsum.equation || memchr(eq->s, '\'', (size_t)eq->len) || memchr(eq->s, '\\', (size_t)eq->len))
        return py_unsupported(I, "cnnc follows einsum equations of at most %d characters, without quotes or backslashes",
                              (int)sizeof p.einsum.equation - 1);
    memcpy(p.einsum.equation, eq->s, (size_t)eq->len);
    return py_trace_op(I, CNNC_EINSUM, &p, ops, n_ops, NULL, "einsum", out);
}
