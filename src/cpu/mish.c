/* mish.c — Mish on the CPU, PyTorch's formulas in float: x * tanh(log1p(exp(x)))
 * (mish(-inf) is NaN there too), backward g * (t + x * s * (1 - t * t)) with
 * t = tanh(softplus(x)), s = sigmoid(x). */
#include <math.h>
#include "cpu/cpu_backend.h"

/* Below this many elements a parallel region costs more than it saves. */
#define ACT_PARALLEL_MIN 32768

void mish_forward_cpu(float *out, const float *in, int64_t n) {
#pragma omp parallel for schedule(static) if (n >= ACT_PARALLEL_MIN)
    for (int64_t i = 0; i < n; i++) {
        const float x = in[i];
        out[i] = x * tanhf(log1pf(expf(x)));
    }
}

void mish_backward_cpu(float *din, const float *dout, const float *in, int64_t n) {
#pragma omp parallel for schedule(static) if (n >= ACT_PARALLEL_MIN)
    for (int64_t i = 0; i < n; i++) {
        const float x = in[i], s = 1.0f / (1.0f + expf(-x)), t = tanhf(log1pf(expf(x)));
        din[i] = dout[i] * (t + x * s * (1.0f - t * t));
    }
}

/* ---- the engine's entry ---- */

static cnnc_status mish_fwd(cnnc_engine *e, const cnnc_node_run *r, int train, cnnc_error *err) {
    (void)e; (void)train; (void)err;
    mish_forward_cpu(r->out, r->in[0], r->shape->out_numel);
    return CNNC_OK;
}

static cnnc_status mish_bwd(cnnc_engine *e, const cnnc_node_run *r, cnnc_error *err) {
    (void)e; (void)err;
    if (r->din[0]) mish_backward_cpu(r->din[0], r->dout, r->in[0], r->shape->out_numel);
    return CNNC_OK;
}

const cnnc_kernel cnnc_cpu_mish = {NULL, NULL, mish_fwd, mish_bwd};
