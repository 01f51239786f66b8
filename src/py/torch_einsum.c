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

/* ---------------------------------------------------------------- the result's strides */

static int label_of(unsigned char c) { return c >= 'A' && c <= 'Z' ? c - 'A' : c - 'a' + 26; }

/* ATen's contiguous strides: a size-0 or size-1 dim counts as 1 */
static void contiguous(const int64_t *size, int32_t n, int64_t *st) {
    int64_t acc = 1;
    for (int32_t k = n - 1; k >= 0; k--) {
        st[k] = acc;
        acc *= size[k] > 1 ? size[k] : 1;
    }
}

/* at::einsum aligns every operand to the dims (output labels, then contracted ones) and
 * contracts them left to right with sumproduct_pair: bmm's result viewed as (dims in both,
 * dims only in the left, summed, dims only in the right) and permuted back. So its output
 * is not contiguous where those groups interleave in the output's order (a DDPM attention's
 * 'bijh,bjhd->bihd': b and h in both, i left, d right), and view() then refuses it, as in
 * PyTorch. 1 with st[] set; 0 where cnnc does not know the layout (one operand, or a last
 * step that only multiplies), which it takes as contiguous. The equation has passed the
 * shape rule. */
int torch_einsum_strides(const char *eq, const py_val *ops, int32_t n_ops, const cnnc_shape *out, int64_t *st) {
    enum { MAX_OPS = 16, MAX_LABELS = 80, N_LABELS = 52, ELLIPSIS = 52, MAX_DIMS = 64 };
    if (n_ops < 2 || n_ops > MAX_OPS) return 0;
    uint8_t labels[MAX_OPS][MAX_LABELS];
    int32_t n_labels[MAX_OPS] = {0};
    const char *arrow = strstr(eq, "->");
    const size_t lhs_len = arrow ? (size_t)(arrow - eq) : strlen(eq);
    int32_t op = 0;
    for (size_t i = 0; i < lhs_len && op < MAX_OPS; i++) {
        const unsigned char c = (unsigned char)eq[i];
        if (c == ' ') continue;
        if (c == ',') { op++; continue; }
        if (n_labels[op] >= MAX_LABELS) return 0;
        if (c == '.') { labels[op][n_labels[op]++] = ELLIPSIS; i += 2; continue; }
        labels[op][n_labels[op]++] = (uint8_t)label_of(c);
    }
    int32_t count[N_LABELS] = {0};
    int64_t ell = 0;
    for (int32_t k = 0; k < n_ops; k++) {
        const int32_t nd = pv_as_tensor(ops[k])->shape.ndim;
        for (int32_t j = 0; j < n_labels[k]; j++) {
            if (labels[k][j] != ELLIPSIS) count[labels[k][j]]++;
            else if (nd - (n_labels[k] - 1) > ell) ell = nd - (n_labels[k] - 1);
        }
    }
    int32_t perm[N_LABELS];
    for (int s = 0; s < N_LABELS; s++) perm[s] = -1;
    int64_t pi = 0, ell_index = 0;
    int ell_out = 0;
    if (!arrow) {
        pi = ell;
        ell_out = 1;
        for (int s = 0; s < N_LABELS; s++)
            if (count[s] == 1) perm[s] = (int32_t)pi++;
    } else {
        for (const char *r = arrow + 2; *r; r++) {
            if (*r == ' ') continue;
            if (*r == '.') { ell_index = pi; pi += ell; ell_out = 1; r += 2; continue; }
            perm[label_of((unsigned char)*r)] = (int32_t)pi++;
        }
    }
    const int64_t out_nd = pi;
    if (!ell_out) { ell_index = pi; pi += ell; }
    for (int s = 0; s < N_LABELS; s++)
        if (count[s] > 0 && perm[s] < 0) perm[s] = (int32_t)pi++;
    if (pi > MAX_DIMS || out_nd != out->ndim) return 0;
    /* each operand's sizes in that order (1 where it lacks the dim) */
    int64_t g[MAX_OPS][MAX_DIMS];
    int32_t dim_counts[MAX_DIMS] = {0};
    for (int32_t k = 0; k < n_ops; k++) {
        const cnnc_shape *x = &pv_as_tensor(ops[k])->shape;
        for (int64_t d = 0; d < pi; d++) g[k][d] = 1;
        int32_t dim = 0, placed[N_LABELS] = {0};
        for (int32_t j = 0; j < n_labels[k]; j++) {
            const int s = labels[k][j];
            if (s == ELLIPSIS) {
                const int64_t nd = x->ndim - (n_labels[k] - 1);
                for (int64_t e = ell - nd; e < ell; e++) g[k][ell_index + e] = x->d[dim++];
            } else if (!placed[s]) {
                placed[s] = 1;
                g[k][perm[s]] = x->d[dim++];
            } else {
                dim++;   /* a repeated label: its diagonal */
            }
        }
        for (int64_t d = 0; d < pi; d++) dim_counts[d] += g[k][d] != 1;
    }
    int64_t a[MAX_DIMS], b[MAX_DIMS], stride[MAX_DIMS] = {0};
    memcpy(a, g[0], sizeof a);
    for (int32_t k = 1; k < n_ops; k++) {
        memcpy(b, g[k], sizeof b);
        int is_sum[MAX_DIMS] = {0}, any_sum = 0;
        for (int64_t d = out_nd; d < pi; d++) {
            if (a[d] != 1 && b[d] != 1) {
                if (--dim_counts[d] == 1) { is_sum[d] = any_sum = 1; dim_counts[d] = 0; }
            } else if (dim_counts[d] == 1) {
                if (a[d] != 1) { a[d] = 1; dim_counts[d] = 0; }
                else if (b[d] != 1) { b[d] = 1; dim_counts[d] = 0; }
            }
        }
        if (!any_sum) {   /* at::mul: TensorIterator lays the result out */
            if (k == n_ops - 1) return 0;
            for (int64_t d = 0; d < pi; d++) a[d] = a[d] != 1 ? a[d] : b[d];
            continue;
        }
        /* sumproduct_pair: the dims' order in bmm's result, and the sizes they end with */
        int64_t order[MAX_DIMS], size[MAX_DIMS], ost[MAX_DIMS];
        int32_t n = 0;
        for (int group = 0; group < 4; group++)
            for (int64_t d = 0; d < pi; d++) {
                const int sl = a[d] != 1, sr = b[d] != 1;
                const int which = is_sum[d] ? 2 : sl && sr ? 0 : sl ? 1 : 3;
                if (which != group) continue;
                order[n] = d;
                size[n++] = which == 2 ? 1 : which == 3 ? b[d] : a[d];
            }
        contiguous(size, n, ost);
        for (int32_t j = 0; j < n; j++) {
            stride[order[j]] = ost[j];
            a[order[j]] = size[j];
        }
    }
    for (int64_t d = 0; d < out_nd; d++) st[d] = stride[d];
    return 1;
}
