/* binary.c — add, sub, mul, div, maximum and minimum on the CPU, with PyTorch's broadcasting:
 * forward walks the output, backward sums each operand's gradient over the
 * dims it was broadcast along (in double, in index order: deterministic). */
#include <string.h>
#include "cpu/cpu_backend.h"

/* Below this many elements a parallel region costs more than it saves. */
#define BIN_PARALLEL_MIN 32768

static int64_t numel_of(const cnnc_bcast_geom *g) {
    int64_t n = 1;
    for (int32_t k = 0; k < g->ndim; k++) n *= g->size[k];
    return n;
}

/* One row (the innermost dim) of out = A op B; A or B may be a scalar with stride 0. */
#define BIN_ROW(EXPR)                                                                       \
    for (int64_t j = 0; j < inner; j++) {                                                   \
        const float x = A[ia + j * sa], y = B[ib + j * sb];                                 \
        o[j] = (EXPR);                                                                      \
    }

static void binary_row(float *o, const float *A, const float *B, int64_t ia, int64_t ib, int64_t sa, int64_t sb,
                       int64_t inner, float alpha, cnnc_layer_kind op) {
    switch (op) {
    case CNNC_ADD: BIN_ROW(x + alpha * y) break;
    case CNNC_SUB: BIN_ROW(x - alpha * y) break;
    case CNNC_MUL: BIN_ROW(x * y) break;
    case CNNC_MAXIMUM: BIN_ROW(x != x || y != y ? x + y : x > y ? x : y) break;   /* a NaN wins */
    case CNNC_MINIMUM: BIN_ROW(x != x || y != y ? x + y : x < y ? x : y) break;
    default: BIN_ROW(x / y) break;
    }
}

void binary_forward_cpu(float *out, const float *a, const float *b, float a_s, float b_s, float alpha,
                        cnnc_layer_kind op, const cnnc_bcast_geom *g) {
    const int64_t n = numel_of(g);
    if (n == 0) return;
    const float *A = a ? a : &a_s, *B = b ? b : &b_s;   /* a scalar's strides are all 0 */
    const int32_t nd = g->ndim;
    const int64_t inner = nd ? g->size[nd - 1] : 1, sa = nd ? g->sa[nd - 1] : 0, sb = nd ? g->sb[nd - 1] : 0;
    if (nd <= 1) {   /* no broadcast left (same shapes, or a scalar): one flat row, split over threads */
#pragma omp parallel for schedule(static) if (n >= BIN_PARALLEL_MIN)
        for (int64_t j0 = 0; j0 < n; j0 += 4096)
            binary_row(out + j0, A, B, j0 * sa, j0 * sb, sa, sb, n - j0 < 4096 ? n - j0 : 4096, alpha, op);
        return;
    }
    const int64_t rows = n / inner;
#pragma omp parallel for schedule(static) if (n >= BIN_PARALLEL_MIN)
    for (int64_t r = 0; r < rows; r++) {
        int64_t rem = r, ia = 0, ib = 0;
        for (int32_t k = nd - 2; k >= 0; k--) {
            const int64_t c = rem % g->size[k];
            rem /= g->size[k];
            ia += c * g->sa[k];
            ib += c * g->sb[k];
        }
        binary_row(out + r * inner, A, B, ia, ib, sa, sb, inner, alpha, op);
    }
}

/* d(out)/d(operand) times dout at one output position (side 0: a, 1: b). */
static inline float grad_term(cnnc_layer_kind op, int side, float d, float x, float y, float alpha) {
    switch (op) {
    case CNNC_ADD: return side ? alpha * d : d;
    case CNNC_SUB: return side ? -d * alpha : d;
    case CNNC_MUL: return side ? d * x : d * y;
    /* where(x == y, d / 2, d), zeroed for the operand that lost (a NaN loses nothing) */
    case CNNC_MAXIMUM: return x == y ? d / 2.0f : (side ? x > y : x < y) ? 0.0f : d;
    case CNNC_MINIMUM: return x == y ? d / 2.0f : (side ? x < y : x > y) ? 0.0f : d;
    default: return side ? -d * ((x / y) / y) : d / y;
    }
}

/* The gradient of one operand (side 0: a, 1: b), nx elements. */
static void operand_grad(float *dx, int64_t nx, int side, const float *dout, const float *A, const float *B, float alpha,
                         cnnc_layer_kind op, const cnnc_bcast_geom *g) {
    const int32_t nd = g->ndim;
    const int64_t *sx = side ? g->sb : g->sa;
    if (nd == 0 || (nd == 1 && sx[0] != 0)) {
        /* Not broadcast (the geometry merged same-shape operands into one dim): one term per
         * element, the same value the sum below gives for a single term, without its index
         * arithmetic (a residual add's backward spent most of its time there). */
        const int64_t sa = nd ? g->sa[0] : 0, sb = nd ? g->sb[0] : 0;
#pragma omp parallel for schedule(static) if (nx >= BIN_PARALLEL_MIN)
        for (int64_t j = 0; j < nx; j++) dx[j] = grad_term(op, side, dout[j], A[j * sa], B[j * sb], alpha);
        return;
    }
    int64_t ostride[CNNC_MAX_DIMS], s = 1, R = 1;
    for (int32_t k = nd - 1; k >= 0; k--) {
        ostride[k] = s;
        s *= g->size[k];
        if (sx[k] == 0) R *= g->size[k];   /* broadcast along k: summed */
    }
#pragma omp parallel for schedule(static) if (nx * R >= BIN_PARALLEL_MIN)
    for (int64_t j = 0; j < nx; j++) {
        int64_t rem = j, ob = 0, ab = 0, bb = 0;
        for (int32_t k = nd - 1; k >= 0; k--) {   /* j's coordinates along the dims it has */
            if (sx[k] == 0) continue;
            const int64_t c = rem % g->size[k];
            rem /= g->size[k];
            ob += c * ostride[k];
            ab += c * g->sa[k];
            bb += c * g->sb[k];
        }
        double acc = 0.0;
        for (int64_t r = 0; r < R; r++) {   /* every output position it fed, in index order */
            int64_t rr = r, o = ob, ia = ab, ib = bb;
            for (int32_t k = nd - 1; k >= 0; k--) {
                if (sx[k] != 0) continue;
                const int64_t c = rr % g->size[k];
                rr /= g->size[k];
                o += c * ostride[k];
                ia += c * g->sa[k];
                ib += c * g->sb[k];
            }
            acc += (double)grad_term(op, side, dout[o], A[ia], B[ib], alpha);
        }
        dx[j] = (float)acc;
    }
}

void binary_backward_cpu(float *da, int64_t na, float *db, int64_t nb, const float *dout, const float *a, const float *b,
                         float a_s, float b_s, float alpha, cnnc_layer_kind op, const cnnc_bcast_geom *g) {
    const float *A = a ? a : &a_s, *B = b ? b : &b_s;
    const int empty = numel_of(g) == 0;   /* nothing flowed back: zero gradients */
    if (da) {
        if (empty) memset(da, 0, (size_t)na * sizeof(float));
        else operand_grad(da, na, 0, dout, A, B, alpha, op, g);
    }
    if (db) {
        if (empty) memset(db, 0, (size_t)nb * sizeof(float));
        else operand_grad(db, nb, 1, dout, A, B, alpha, op, g);
    }
}

/* ---- the engine's entries (add, sub, mul, div share them) ---- */

/* The operands as the kernels take them: tensors, or the scalar on its side. */
typedef struct operands {
    const float *a, *b;
    float a_s, b_s;
    float *da, *db;
    int64_t na, nb;
} operands;

static operands operands_of(const cnnc_engine *e, const cnnc_node_run *r) {
    const cnnc_binary_params *p = &r->layer->p.binary;
    operands o;
    memset(&o, 0, sizeof o);
    if (p->scalar == CNNC_SCALAR_NONE) {
        o.a = r->in[0];
        o.b = r->in[1];
        o.da = r->din[0];
        o.db = r->din[1];
        o.na = cnnc_engine_input_numel(e, r->index, 0);
        o.nb = cnnc_engine_input_numel(e, r->index, 1);
    } else if (p->scalar == CNNC_SCALAR_RIGHT) {
        o.a = r->in[0];
        o.b_s = (float)p->value;
        o.da = r->din[0];
        o.na = r->shape->out_numel;
    } else {
        o.b = r->in[0];
        o.a_s = (float)p->value;
        o.db = r->din[0];
        o.nb = r->shape->out_numel;
    }
    return o;
}

static cnnc_status binary_fwd(cnnc_engine *e, const cnnc_node_run *r, int train, cnnc_error *err) {
    (void)train; (void)err;
    const operands o = operands_of(e, r);
    binary_forward_cpu(r->out, o.a, o.b, o.a_s, o.b_s, (float)r->layer->p.binary.alpha, r->layer->kind, &r->shape->g.bcast);
    return CNNC_OK;
}

static cnnc_status binary_bwd(cnnc_engine *e, const cnnc_node_run *r, cnnc_error *err) {
    (void)err;
    const operands o = operands_of(e, r);
    if (o.da || o.db)
        binary_backward_cpu(o.da, o.na, o.db, o.nb, r->dout, o.a, o.b, o.a_s, o.b_s, (float)r->layer->p.binary.alpha,
                            r->layer->kind, &r->shape->g.bcast);
    return CNNC_OK;
}

const cnnc_kernel cnnc_cpu_add = {NULL, NULL, binary_fwd, binary_bwd};
const cnnc_kernel cnnc_cpu_sub = {NULL, NULL, binary_fwd, binary_bwd};
const cnnc_kernel cnnc_cpu_mul = {NULL, NULL, binary_fwd, binary_bwd};
const cnnc_kernel cnnc_cpu_maximum = {NULL, NULL, binary_fwd, binary_bwd};
const cnnc_kernel cnnc_cpu_minimum = {NULL, NULL, binary_fwd, binary_bwd};
const cnnc_kernel cnnc_cpu_div = {NULL, NULL, binary_fwd, binary_bwd};
