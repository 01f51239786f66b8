/* softmax.c — Softmax on the CPU over the [outer, size, inner] view of its
 * dim: each row (outer, inner) of `size` values, max-shifted, summed in float
 * in index order (the CUDA kernel sums the same way). Backward is
 * softmax_backward_data: y * (g - sum(g * y)). A NaN or +inf in a row makes
 * the whole row NaN, as in PyTorch. */
#include <math.h>
#include "cpu/cpu_backend.h"

/* Below this many elements a parallel region costs more than it saves. */
#define ACT_PARALLEL_MIN 32768

void softmax_forward_cpu(float *out, const float *in, const cnnc_axis_geom *g) {
    const int64_t D = g->size, inner = g->inner, rows = g->outer * inner;
#pragma omp parallel for schedule(static) if (rows * D >= ACT_PARALLEL_MIN)
    for (int64_t r = 0; r < rows; r++) {
        const int64_t base = (r / inner) * D * inner + r % inner;
        const float *x = in + base;
        float *y = out + base;
        float mx = -INFINITY;
        for (int64_t k = 0; k < D; k++) {
            const float v = x[k * inner];
            mx = (v > mx || isnan(v)) ? v : mx;
        }
        float sum = 0.0f;
        for (int64_t k = 0; k < D; k++) {
            const float ev = expf(x[k * inner] - mx);
            y[k * inner] = ev;
            sum += ev;
        }
        const float inv = 1.0f / sum;
        for (int64_t k = 0; k < D; k++) y[k * inner] *= inv;
    }
}

void softmax_backward_cpu(float *din, const float *dout, const float *out, const cnnc_axis_geom *g) {
    const int64_t D = g->size, inner = g->inner, rows = g->outer * inner;
#pragma omp parallel for schedule(static) if (rows * D >= ACT_PARALLEL_MIN)
    for (int64_t r = 0; r < rows; r++) {
        const int64_t base = (r / inner) * D * inner + r % inner;
        float dot = 0.0f;
        for (int64_t k = 0; k < D; k++) dot += dout[base + k * inner] * out[base + k * inner];
        for (int64_t k = 0; k < D; k++) {
            const int64_t j = base + k * inner;
            din[j] = out[j] * (dout[j] - dot);
        }
    }
}

/* ---- the engine's entry ---- */

static cnnc_status softmax_fwd(cnnc_engine *e, const cnnc_node_run *r, int train, cnnc_error *err) {
    (void)e; (void)train; (void)err;
    softmax_forward_cpu(r->out, r->in[0], &r->shape->g.axis);
    return CNNC_OK;
}

static cnnc_status softmax_bwd(cnnc_engine *e, const cnnc_node_run *r, cnnc_error *err) {
    (void)e; (void)err;
    if (r->din[0]) softmax_backward_cpu(r->din[0], r->dout, r->out, &r->shape->g.axis);
    return CNNC_OK;
}

const cnnc_kernel cnnc_cpu_softmax = {NULL, NULL, softmax_fwd, softmax_bwd};
const cnnc_kernel cnnc_cpu_softmax2d = {NULL, NULL, softmax_fwd, softmax_bwd};   /* Softmax(dim=-3) */
