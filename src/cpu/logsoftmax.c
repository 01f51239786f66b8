/* logsoftmax.c — LogSoftmax on the CPU over the [outer, size, inner] view of
 * its dim: x - max - log(sum(exp(x - max))) per row, the sum in float in
 * index order (as the CUDA kernel); backward is log_softmax_backward_data:
 * g - exp(y) * sum(g). */
#include <math.h>
#include "cpu/cpu_backend.h"

/* Below this many elements a parallel region costs more than it saves. */
#define ACT_PARALLEL_MIN 32768

void log_softmax_forward_cpu(float *out, const float *in, const cnnc_axis_geom *g) {
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
        for (int64_t k = 0; k < D; k++) sum += expf(x[k * inner] - mx);
        const float lse = logf(sum);
        for (int64_t k = 0; k < D; k++) y[k * inner] = x[k * inner] - mx - lse;
    }
}

void log_softmax_backward_cpu(float *din, const float *dout, const float *out, const cnnc_axis_geom *g) {
    const int64_t D = g->size, inner = g->inner, rows = g->outer * inner;
#pragma omp parallel for schedule(static) if (rows * D >= ACT_PARALLEL_MIN)
    for (int64_t r = 0; r < rows; r++) {
        const int64_t base = (r / inner) * D * inner + r % inner;
        float sum = 0.0f;
        for (int64_t k = 0; k < D; k++) sum += dout[base + k * inner];
        for (int64_t k = 0; k < D; k++) {
            const int64_t j = base + k * inner;
            din[j] = dout[j] - expf(out[j]) * sum;
        }
    }
}

/* ---- the engine's entry ---- */

static cnnc_status logsoftmax_fwd(cnnc_engine *e, const cnnc_node_run *r, int train, cnnc_error *err) {
    (void)e; (void)train; (void)err;
    log_softmax_forward_cpu(r->out, r->in[0], &r->shape->g.axis);
    return CNNC_OK;
}

static cnnc_status logsoftmax_bwd(cnnc_engine *e, const cnnc_node_run *r, cnnc_error *err) {
    (void)e; (void)err;
    if (r->din[0]) log_softmax_backward_cpu(r->din[0], r->dout, r->out, &r->shape->g.axis);
    return CNNC_OK;
}

const cnnc_kernel cnnc_cpu_logsoftmax = {NULL, NULL, logsoftmax_fwd, logsoftmax_bwd};
