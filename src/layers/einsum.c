/* einsum.c — torch.einsum(equation, *operands): the output's shape from the equation,
 * with at::einsum's checks in its order (the equation's characters and operand count,
 * each operand's subscripts against its dims, the output's subscripts, then sizes:
 * broadcast across operands, equal for a label repeated in one operand). Labels are
 * ordered A-Z then a-z, as PyTorch numbers them for the implicit output. Check only:
 * the engines refuse it. */
#include "layers/layer_util.h"

#include <string.h>

#define EINSUM_LABELS 52
#define EINSUM_ELLIPSIS EINSUM_LABELS

static int label_index(unsigned char c) { return c >= 'A' && c <= 'Z' ? c - 'A' : c - 'a' + 26; }
static char label_char(int s) { return (char)(s < 26 ? 'A' + s : 'a' + s - 26); }
static int is_label(unsigned char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

static cnnc_status shape(const cnnc_layer *L, const cnnc_shape *const *in, int32_t n_in, int train, cnnc_layer_shape *ls,
                         cnnc_error *err) {
    (void)train;
    const char *eq = L->p.einsum.equation;
    const char *arrow = strstr(eq, "->");
    const size_t lhs_len = arrow ? (size_t)(arrow - eq) : strlen(eq);
    /* each operand's labels (EINSUM_ELLIPSIS for "...") */
    enum { MAX_OPS = 16, MAX_LABELS = 80 };
    if (n_in < 1 || n_in > MAX_OPS)
        return cnnc_error_set(err, CNNC_ERR_UNSUPPORTED, "NotImplementedError", "cnnc follows einsum of 1 to %d operands", MAX_OPS);
    uint8_t labels[MAX_OPS][MAX_LABELS];
    int32_t n_labels[MAX_OPS] = {0};
    int32_t op = 0, ell_in_input = 0;
    for (size_t i = 0; i < lhs_len; i++) {
        const unsigned char c = (unsigned char)eq[i];
        if (c == ' ') continue;
        if (c == '.') {
            if (ell_in_input)
                return cnnc_shape_fail(err, "RuntimeError", "einsum(): found '.' for operand %d for which an ellipsis was already found", (int)op);
            if (!(i + 2 < lhs_len && eq[++i] == '.' && eq[++i] == '.'))
                return cnnc_shape_fail(err, "RuntimeError", "einsum(): found '.' for operand %d that is not part of any ellipsis", (int)op);
            labels[op][n_labels[op]++] = EINSUM_ELLIPSIS;
            ell_in_input = 1;
        } else if (c == ',') {
            if (++op >= n_in)
                return cnnc_shape_fail(err, "RuntimeError", "einsum(): fewer operands were provided than specified in the equation");
            ell_in_input = 0;
        } else {
            if (!is_label(c))
                return cnnc_shape_fail(err, "RuntimeError",
                                       "einsum(): invalid subscript given at index %d in the equation string, subscripts must be in [a-zA-Z]", (int)i);
            labels[op][n_labels[op]++] = (uint8_t)label_index(c);
        }
    }
    if (op != n_in - 1) return cnnc_shape_fail(err, "RuntimeError", "einsum(): more operands were provided than specified in the equation");
    int32_t count[EINSUM_LABELS] = {0};
    int64_t ell_num_dim = 0;
    for (int32_t k = 0; k < n_in; k++) {
        const int64_t ndims = in[k]->ndim;
        int64_t nl = n_labels[k];
        int has_ell = 0;
        for (int32_t j = 0; j < n_labels[k]; j++) {
            if (labels[k][j] == EINSUM_ELLIPSIS) {
                nl--;
                has_ell = 1;
                if (ndims - nl > ell_num_dim) ell_num_dim = ndims - nl;
            } else {
                count[labels[k][j]]++;
            }
        }
        if (has_ell ? nl > ndims : nl != ndims)
            return cnnc_shape_fail(err, "RuntimeError",
                                   has_ell ? "einsum(): the number of subscripts in the equation (%lld) is more than the number of "
                                             "dimensions (%lld) for operand %d%s"
                                           : "einsum(): the number of subscripts in the equation (%lld) does not match the number "
                                             "of dimensions (%lld) for operand %d%s",
                                   (long long)nl, (long long)ndims, (int)k, has_ell ? "" : " and no ellipsis was given");
    }
    /* the output: its labels in order, the ellipsis at its place (-1 in out_label) */
    int32_t out_label[CNNC_MAX_DIMS + EINSUM_LABELS], n_out = 0, seen[EINSUM_LABELS] = {0};
    if (!arrow) {
        out_label[n_out++] = -1;
        for (int s = 0; s < EINSUM_LABELS; s++)
            if (count[s] == 1) out_label[n_out++] = s;
    } else {
        const char *rhs = arrow + 2;
        const size_t rhs_len = strlen(rhs);
        int ell_in_output = 0;
        for (size_t i = 0; i < rhs_len; i++) {
            const unsigned char c = (unsigned char)rhs[i];
            if (c == ' ') continue;
            if (c == '.') {
                if (ell_in_output)
                    return cnnc_shape_fail(err, "RuntimeError", "einsum(): found '.' for output but an ellipsis (...) was already found");
                if (!(i + 2 < rhs_len && rhs[++i] == '.' && rhs[++i] == '.'))
                    return cnnc_shape_fail(err, "RuntimeError", "einsum(): found '.' for output that is not part of any ellipsis (...)");
                out_label[n_out++] = -1;
                ell_in_output = 1;
                continue;
            }
            if (!is_label(c))
                return cnnc_shape_fail(err, "RuntimeError",
                                       "einsum(): invalid subscript given at index %d in the equation string, subscripts must be in [a-zA-Z]",
                                       (int)(lhs_len + 2 + i));
            const int s = label_index(c);
            if (count[s] == 0 || seen[s])
                return cnnc_shape_fail(err, "RuntimeError", "einsum(): output subscript %c%s", c,
                                       seen[s] ? " appears more than once in the output" : " does not appear in the equation for any input operand");
            seen[s] = 1;
            out_label[n_out++] = s;
        }
    }
    /* sizes, operand by operand and dim by dim */
    int64_t label_size[EINSUM_LABELS], ell_size[CNNC_MAX_DIMS];
    for (int s = 0; s < EINSUM_LABELS; s++) label_size[s] = 1;
    for (int j = 0; j < CNNC_MAX_DIMS; j++) ell_size[j] = 1;
    for (int32_t k = 0; k < n_in; k++) {
        const cnnc_shape *x = in[k];
        int32_t dim = 0, first_dim[EINSUM_LABELS];
        for (int s = 0; s < EINSUM_LABELS; s++) first_dim[s] = -1;
        for (int32_t j = 0; j < n_labels[k]; j++) {
            const int s = labels[k][j];
            if (s == EINSUM_ELLIPSIS) {
                const int64_t nd = x->ndim - (n_labels[k] - 1);
                for (int64_t e = ell_num_dim - nd; e < ell_num_dim; e++, dim++) {
                    if (x->d[dim] == 1) continue;
                    if (ell_size[e] != 1 && ell_size[e] != x->d[dim])
                        return cnnc_shape_fail(err, "RuntimeError",
                                               "einsum(): dimension %d covered by ellipsis in operand %dhas size %lld which does not "
                                               "broadcast with previously seen ellipsis with size %lld for the respective dimension",
                                               (int)dim, (int)k, (long long)x->d[dim], (long long)ell_size[e]);
                    ell_size[e] = x->d[dim];
                }
            } else if (first_dim[s] < 0) {
                if (x->d[dim] != 1) {
                    if (label_size[s] != 1 && label_size[s] != x->d[dim])
                        return cnnc_shape_fail(err, "RuntimeError",
                                               "einsum(): subscript %c has size %lld for operand %d which does not broadcast with "
                                               "previously seen size %lld",
                                               label_char(s), (long long)x->d[dim], (int)k, (long long)label_size[s]);
                    label_size[s] = x->d[dim];
                }
                first_dim[s] = dim++;
            } else {
                if (x->d[dim] != x->d[first_dim[s]])
                    return cnnc_shape_fail(err, "RuntimeError",
                                           "einsum(): subscript %c is repeated for operand %d but the sizes don't match, %lld != %lld",
                                           label_char(s), (int)k, (long long)x->d[dim], (long long)x->d[first_dim[s]]);
                dim++;
            }
        }
    }
    cnnc_shape *o = &ls->out;
    o->ndim = 0;
    for (int32_t j = 0; j < n_out; j++) {
        const int64_t extra = out_label[j] < 0 ? ell_num_dim : 1;
        if (o->ndim + extra > CNNC_MAX_DIMS)
            return cnnc_error_set(err, CNNC_ERR_UNSUPPORTED, "NotImplementedError", "cnnc follows tensors of at most %d dims", CNNC_MAX_DIMS);
        if (out_label[j] < 0)
            for (int64_t e = 0; e < ell_num_dim; e++) o->d[o->ndim++] = ell_size[e];
        else
            o->d[o->ndim++] = label_size[out_label[j]];
    }
    return CNNC_OK;
}

static void render(const cnnc_layer *L, cnnc_strbuf *sb) { cnnc_sb_printf(sb, "'%s'", L->p.einsum.equation); }

static void expr(const cnnc_layer *L, const char *const *in, int32_t n_in, cnnc_strbuf *sb) {
    cnnc_sb_printf(sb, "torch.einsum('%s'", L->p.einsum.equation);
    for (int32_t k = 0; k < n_in; k++) cnnc_sb_printf(sb, ", %s", in[k]);
    cnnc_sb_puts(sb, ")");
}

const cnnc_layer_def cnnc_layer_einsum = {
    .kind = CNNC_EINSUM,
    .name = "einsum",
    .flags = CNNC_LAYER_BWD_NEEDS_IN,
    .shape = shape,
    .render = render,
    .expr = expr,
};
