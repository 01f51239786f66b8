/* torch_known_values.c — the values of small int constants through the ops that index code
 * builds them with (Swin's relative_position_index: arange, meshgrid, stack, flatten, a
 * broadcast difference, permute, in-place adds on slices, sum), so that indexing a table by
 * them is known to stay in range. Each op is evaluated on its node's geometry from the
 * shape pass, in the CPU kernels' element order (src/cpu/permute.c, expand.c, reduce.c,
 * binary.c); values are doubles, exact for these ints. Float constants and anything larger
 * than PY_KNOWN_VALUES_MAX elements are left unknown. */
#include "py/torch_internal.h"
#include "layers/layer_util.h"

#include <string.h>

static int64_t numel_of_dims(const int64_t *size, int32_t nd) {
    int64_t n = 1;
    for (int32_t k = 0; k < nd; k++) n *= size[k];
    return n;
}

/* out[j] = in[offset of j]: permute/transpose (src/cpu/permute.c's walk). */
static void permute_values(double *out, const double *in, const cnnc_permute_geom *g) {
    const int64_t n = numel_of_dims(g->size, g->ndim);
    for (int64_t j = 0; j < n; j++) {
        int64_t rem = j, at = 0;
        for (int32_t k = g->ndim - 1; k >= 0; k--) {
            at += rem % g->size[k] * g->stride[k];
            rem /= g->size[k];
        }
        out[j] = in[at];
    }
}

/* The flat index among g's kept (not reduced) dims of position j over all its dims. */
static int64_t kept_index(const cnnc_reduce_geom *g, int64_t j) {
    int64_t o = 0, scale = 1;
    for (int32_t k = g->ndim - 1; k >= 0; k--) {
        const int64_t c = j % g->size[k];
        j /= g->size[k];
        if ((g->reduced >> k) & 1u) continue;
        o += c * scale;
        scale *= g->size[k];
    }
    return o;
}

static int binary_values(double *out, const double *a, const double *b, const cnnc_layer *L, const cnnc_bcast_geom *g) {
    const cnnc_binary_params *p = &L->p.binary;
    const int64_t n = numel_of_dims(g->size, g->ndim);
    for (int64_t j = 0; j < n; j++) {
        int64_t rem = j, ia = 0, ib = 0;
        for (int32_t k = g->ndim - 1; k >= 0; k--) {
            const int64_t c = rem % g->size[k];
            rem /= g->size[k];
            ia += c * g->sa[k];
            ib += c * g->sb[k];
        }
        const double x = a ? a[ia] : p->value, y = b ? b[ib] : p->value;
        switch (L->kind) {
        case CNNC_ADD: out[j] = x + p->alpha * y; break;
        case CNNC_SUB: out[j] = x - p->alpha * y; break;
        case CNNC_MUL: out[j] = x * y; break;
        default: return 0;
        }
    }
    return 1;
}

int py_known_through_op(interp *I, const cnnc_layer *L, const cnnc_layer_shape *ls, const py_val *inputs, int32_t n_in,
                        py_tensor *out) {
    const int64_t n = cnnc_shape_numel(&out->shape);
    if (n_in < 1 || n > PY_KNOWN_VALUES_MAX || inputs[0].t != PV_TENSOR) return 0;
    const py_tensor *x = pv_as_tensor(inputs[0]);
    const py_known *k0 = py_tensor_known(x);
    if (!k0 || !k0->is_int) return 0;
    const double *in = py_known_values(I, x);
    if (!in) return 0;
    double *v = (double *)py_alloc(I->arena, (size_t)(n > 0 ? n : 1) * sizeof *v);
    if (!v) return py_nomem(I);
    int is_int = 1;
    switch (L->kind) {
    case CNNC_FLATTEN: case CNNC_UNFLATTEN: case CNNC_IDENTITY:   /* views: the same order */
        if (cnnc_shape_numel(&x->shape) != n) return 0;
        memcpy(v, in, (size_t)n * sizeof *v);
        break;
    case CNNC_PERMUTE: case CNNC_TRANSPOSE: permute_values(v, in, &ls->g.permute); break;
    case CNNC_NARROW: {
        const cnnc_slice_geom *g = &ls->g.slice;
        for (int64_t o = 0, j = 0; o < g->outer; o++)
            for (int64_t q = 0; q < g->part; q++)
                for (int64_t i = 0; i < g->inner; i++) v[j++] = in[(o * g->whole + g->start + q) * g->inner + i];
        break;
    }
    case CNNC_SLICE: {
        const cnnc_step_slice_geom *g = &ls->g.step_slice;
        for (int64_t o = 0, j = 0; o < g->outer; o++)
            for (int64_t q = 0; q < g->part; q++)
                for (int64_t i = 0; i < g->inner; i++) v[j++] = in[(o * g->whole + g->start + q * g->step) * g->inner + i];
        break;
    }
    case CNNC_EXPAND: case CNNC_EXPAND_AS: case CNNC_REPEAT:   /* a gather: the input at the kept dims' index */
        for (int64_t j = 0; j < n; j++) v[j] = in[kept_index(&ls->g.expand, j)];
        break;
    case CNNC_SUM: {
        const cnnc_reduce_geom *g = &ls->g.reduce;
        memset(v, 0, (size_t)n * sizeof *v);
        const int64_t m = numel_of_dims(g->size, g->ndim);
        for (int64_t j = 0; j < m; j++) v[kept_index(g, j)] += in[j];
        break;
    }
    case CNNC_CAT: {   /* [outer, part_k, inner] pieces along the dim, one input after the other */
        int64_t dim = 0;
        if (!cnnc_wrap_dim(L->p.cat.dim, out->shape.ndim, &dim)) return 0;
        int64_t outer = 1, inner = 1, off = 0;
        for (int32_t d = 0; d < dim; d++) outer *= out->shape.d[d];
        for (int32_t d = (int32_t)dim + 1; d < out->shape.ndim; d++) inner *= out->shape.d[d];
        const int64_t whole = out->shape.d[dim];
        for (int32_t k = 0; k < n_in; k++) {
            const py_tensor *t = pv_as_tensor(inputs[k]);
            const py_known *kk = py_tensor_known(t);
            const double *src = kk && kk->is_int ? py_known_values(I, t) : NULL;
            if (!src || t->shape.ndim != out->shape.ndim) return 0;
            const int64_t part = t->shape.d[dim];
            for (int64_t o = 0; o < outer; o++)
                for (int64_t q = 0; q < part; q++)
                    for (int64_t i = 0; i < inner; i++) v[(o * whole + off + q) * inner + i] = src[(o * part + q) * inner + i];
            off += part;
        }
        break;
    }
    case CNNC_ADD: case CNNC_SUB: case CNNC_MUL: {
        const cnnc_binary_params *p = &L->p.binary;
        const double *a = in, *b = NULL;
        if (p->scalar == CNNC_SCALAR_NONE) {
            if (n_in < 2 || inputs[1].t != PV_TENSOR) return 0;
            const py_known *k1 = py_tensor_known(pv_as_tensor(inputs[1]));
            if (!k1 || !k1->is_int || !(b = py_known_values(I, pv_as_tensor(inputs[1])))) return 0;
        } else {
            if (p->value != (double)(int64_t)p->value) return 0;   /* an int tensor and a float: floats */
            if (p->scalar == CNNC_SCALAR_LEFT) { b = in; a = NULL; }
        }
        if (p->alpha != (double)(int64_t)p->alpha || !binary_values(v, a, b, L, &ls->g.bcast)) return 0;
        break;
    }
    default:
        return 0;
    }
    if (py_tensor_set_values(I, out, v, n, is_int)) return -1;
    return 1;
}
