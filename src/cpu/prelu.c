/* prelu.c — PReLU on the CPU over an [N, C, HW] view with weight[C] (C = 1:
 * one weight for every value): x > 0 ? x : w * x, so NaN takes the weight's
 * side as in PyTorch. The weight's gradient sums per channel in double, in
 * index order (deterministic, one thread per channel). */
#include "cpu/cpu_backend.h"

/* Below this many elements a parallel region costs more than it saves. */
#define PRELU_PARALLEL_MIN 32768

void prelu_forward_cpu(float *out, const float *in, const float *weight, const cnnc_bn_geom *g) {
    const int64_t planes = g->N * g->C, HW = g->HW;
#pragma omp parallel for schedule(static) if (planes * HW >= PRELU_PARALLEL_MIN)
    for (int64_t p = 0; p < planes; p++) {
        const float w = weight[p % g->C];
        const float *x = in + p * HW;
        float *y = out + p * HW;
        for (int64_t i = 0; i < HW; i++) y[i] = x[i] > 0.0f ? x[i] : w * x[i];
    }
}

void prelu_backward_cpu(float *din, float *dweight, const float *dout, const float *in, const float *weight,
                        const cnnc_bn_geom *g) {
    const int64_t N = g->N, C = g->C, HW = g->HW;
    if (din) {
#pragma omp parallel for schedule(static) if (N * C * HW >= PRELU_PARALLEL_MIN)
        for (int64_t p = 0; p < N * C; p++) {
            const float w = weight[p % C];
            const float *x = in + p * HW, *d = dout + p * HW;
            float *dx = din + p * HW;
            for (int64_t i = 0; i < HW; i++) dx[i] = x[i] > 0.0f ? d[i] : w * d[i];
        }
    }
    if (!dweight) return;
#pragma omp parallel for schedule(static) if (N * C * HW >= PRELU_PARALLEL_MIN && C > 1)
    for (int64_t c = 0; c < C; c++) {
        double acc = 0.0;
        for (int64_t n = 0; n < N; n++) {
            const float *x = in + (n * C + c) * HW, *d = dout + (n * C + c) * HW;
            for (int64_t i = 0; i < HW; i++)
                if (!(x[i] > 0.0f)) acc += (double)(x[i] * d[i]);   /* NaN inputs land here, as in PyTorch */
        }
        dweight[c] = (float)acc;
    }
}

/* ---- the engine's entry ---- */

static cnnc_status prelu_fwd(cnnc_engine *e, const cnnc_node_run *r, int train, cnnc_error *err) {
    (void)e; (void)train; (void)err;
    prelu_forward_cpu(r->out, r->in[0], r->weight, &r->shape->g.channel);
    return CNNC_OK;
}

static cnnc_status prelu_bwd(cnnc_engine *e, const cnnc_node_run *r, cnnc_error *err) {
    (void)e; (void)err;
    prelu_backward_cpu(r->din[0], r->dweight, r->dout, r->in[0], r->weight, &r->shape->g.channel);
    return CNNC_OK;
}

const cnnc_kernel cnnc_cpu_prelu = {NULL, NULL, prelu_fwd, prelu_bwd};
