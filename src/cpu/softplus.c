/* softplus.c — Softplus on the CPU, PyTorch's formulas in float: x where
 * x * beta > threshold, else log1p(exp(x * beta)) / beta; backward g there,
 * else g * z / (z + 1) with z = exp(x * beta). */
#include <math.h>
#include "cpu/cpu_backend.h"

/* Below this many elements a parallel region costs more than it saves. */
#define ACT_PARALLEL_MIN 32768

void softplus_forward_cpu(float *out, const float *in, int64_t n, float beta, float threshold) {
#pragma omp parallel for schedule(static) if (n >= ACT_PARALLEL_MIN)
    for (int64_t i = 0; i < n; i++) {
        const float x = in[i], xb = x * beta;
        out[i] = xb > threshold ? x : log1pf(expf(xb)) / beta;
    }
}

void softplus_backward_cpu(float *din, const float *dout, const float *in, int64_t n, float beta, float threshold) {
#pragma omp parallel for schedule(static) if (n >= ACT_PARALLEL_MIN)
    for (int64_t i = 0; i < n; i++) {
        const float xb = in[i] * beta, g = dout[i], z = expf(xb);
        din[i] = xb > threshold ? g : g * z / (z + 1.0f);
    }
}

/* ---- the engine's entry ---- */

static cnnc_status softplus_fwd(cnnc_engine *e, const cnnc_node_run *r, int train, cnnc_error *err) {
    (void)e; (void)train; (void)err;
    const cnnc_softplus_params *q = &r->layer->p.softplus;
    softplus_forward_cpu(r->out, r->in[0], r->shape->out_numel, (float)q->beta, (float)q->threshold);
    return CNNC_OK;
}

static cnnc_status softplus_bwd(cnnc_engine *e, const cnnc_node_run *r, cnnc_error *err) {
    (void)e; (void)err;
    const cnnc_softplus_params *q = &r->layer->p.softplus;
    if (r->din[0]) softplus_backward_cpu(r->din[0], r->dout, r->in[0], r->shape->out_numel, (float)q->beta, (float)q->threshold);
    return CNNC_OK;
}

const cnnc_kernel cnnc_cpu_softplus = {NULL, NULL, softplus_fwd, softplus_bwd};
