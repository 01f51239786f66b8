/* cumsum.c — cumsum on the CPU over the [outer, size, inner] view of its dim. The
 * running sum is kept in double, as ATen's CPU kernel accumulates a float cumsum
 * (acc_type<float>); backward is the running sum of the gradient from the end. */
#include "cpu/cpu_backend.h"

/* Below this many elements a parallel region costs more than it saves. */
#define CUMSUM_PARALLEL_MIN 32768

void cumsum_forward_cpu(float *out, const float *in, const cnnc_axis_geom *g) {
    const int64_t D = g->size, inner = g->inner, rows = g->outer * inner;
#pragma omp parallel for schedule(static) if (rows * D >= CUMSUM_PARALLEL_MIN)
    for (int64_t r = 0; r < rows; r++) {
        const int64_t base = (r / inner) * D * inner + r % inner;
        double acc = 0.0;
        for (int64_t k = 0; k < D; k++) {
            acc += (double)in[base + k * inner];
            out[base + k * inner] = (float)acc;
        }
    }
}

void cumsum_backward_cpu(float *din, const float *dout, const cnnc_axis_geom *g) {
    const int64_t D = g->size, inner = g->inner, rows = g->outer * inner;
#pragma omp parallel for schedule(static) if (rows * D >= CUMSUM_PARALLEL_MIN)
    for (int64_t r = 0; r < rows; r++) {
        const int64_t base = (r / inner) * D * inner + r % inner;
        double acc = 0.0;
        for (int64_t k = D - 1; k >= 0; k--) {
            acc += (double)dout[base + k * inner];
            din[base + k * inner] = (float)acc;
        }
    }
}

/* ---- the engine's entry ---- */

static cnnc_status cumsum_fwd(cnnc_engine *e, const cnnc_node_run *r, int train, cnnc_error *err) {
    (void)e; (void)train; (void)err;
    cumsum_forward_cpu(r->out, r->in[0], &r->shape->g.axis);
    return CNNC_OK;
}

static cnnc_status cumsum_bwd(cnnc_engine *e, const cnnc_node_run *r, cnnc_error *err) {
    (void)e; (void)err;
    if (r->din[0]) cumsum_backward_cpu(r->din[0], r->dout, &r->shape->g.axis);
    return CNNC_OK;
}

const cnnc_kernel cnnc_cpu_cumsum = {NULL, NULL, cumsum_fwd, cumsum_bwd};
